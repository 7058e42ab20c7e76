import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { saveReportItem } from './api.ts';

// Draft autosave for one report item: edits are sent ~1 s after the last keystroke, one
// request at a time, each carrying the version it was based on. A stale version comes back as
// 409 and the item stops saving until the person reloads it: nothing is silently overwritten.

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error' | 'conflict';

/** Lets "Gửi báo cáo" wait until every item's last edit is saved. */
export class FlushRegistry {
  private readonly flushes = new Set<() => Promise<boolean>>();
  register(flush: () => Promise<boolean>): () => void {
    this.flushes.add(flush);
    return () => this.flushes.delete(flush);
  }
  async flushAll(): Promise<boolean> {
    const results = await Promise.all([...this.flushes].map((f) => f()));
    return results.every(Boolean);
  }
}
export const FlushContext = createContext<FlushRegistry | null>(null);

const DELAY_MS = 900;

export function useAutosave<T extends object>(url: string, initialVersion: number) {
  const registry = useContext(FlushContext);
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<string | null>(null);
  /** On 409: the record as it now is on the server, to show what changed. */
  const [latest, setLatest] = useState<Record<string, unknown> | null>(null);
  const version = useRef(initialVersion);
  const pending = useRef<T | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inflight = useRef<Promise<boolean> | null>(null);
  const blocked = useRef(false);

  const send = useCallback(async (): Promise<boolean> => {
    if (inflight.current) await inflight.current;
    const body = pending.current;
    if (!body || blocked.current) return !blocked.current;
    pending.current = null;
    setState('saving');
    const run = saveReportItem(url, { ...body, version: version.current })
      .then((saved) => {
        version.current = saved.version;
        setState(pending.current ? 'pending' : 'saved');
        setError(null);
        return true;
      })
      .catch((e: unknown) => {
        const conflict = e instanceof ApiError && e.status === 409;
        if (conflict) {
          blocked.current = true;
          setLatest((e.details as Record<string, unknown> | null) ?? null);
        } else if (!pending.current) pending.current = body; // retry with the next edit or flush
        setState(conflict ? 'conflict' : 'error');
        setError(e instanceof Error ? e.message : String(e));
        return false;
      });
    inflight.current = run;
    const ok = await run;
    inflight.current = null;
    return ok;
  }, [url]);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inflight.current) await inflight.current;
    return pending.current ? send() : !blocked.current;
  }, [send]);

  useEffect(() => registry?.register(flush), [registry, flush]);
  useEffect(() => () => void flush(), [flush]);

  const schedule = (value: T) => {
    if (blocked.current) return;
    pending.current = value;
    setState('pending');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void send(), DELAY_MS);
  };
  return { schedule, flush, state, error, latest };
}
