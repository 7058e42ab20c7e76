import { useCallback, useMemo, useRef, useState } from 'react';
import { draftDoubts, type PlanDraft } from '@tiendo/core';
import {
  addRowAfter,
  mainField,
  mergeWithNext,
  removeRow,
  splitRow,
  updateRow,
  type RowKind,
} from './draftEdits.ts';
import type { RowActions } from './DraftTable.tsx';

// Local state of the review: the edited draft, an undo history, which row has focus (for the
// source panel) and where the cursor was last (for "split at cursor").

const HISTORY = 50;

export function useDraftEditor(initial: PlanDraft) {
  const [draft, setDraft] = useState(initial);
  const [history, setHistory] = useState<PlanDraft[]>([]);
  const [dirty, setDirty] = useState(false);
  const [focused, setFocused] = useState<{ kind: RowKind; index: number } | null>(null);
  const cursor = useRef<{ kind: RowKind; index: number; position: number } | null>(null);
  const [hint, setHint] = useState<string | null>(null);

  const change = useCallback(
    (next: (d: PlanDraft) => PlanDraft, undoable = true) =>
      setDraft((current) => {
        const updated = next(current);
        if (updated === current) return current;
        if (undoable) setHistory((h) => [...h.slice(-HISTORY + 1), current]);
        setDirty(true);
        return updated;
      }),
    [],
  );

  const undo = () => {
    const previous = history.at(-1);
    if (!previous) return;
    setHistory(history.slice(0, -1));
    setDraft(previous);
    setDirty(true);
  };

  const actionsFor = (kind: RowKind, splitHelp: string): RowActions => ({
    update: (index, patch) => change((d) => updateRow(d, kind, index, patch), false),
    add: (index) => change((d) => addRowAfter(d, kind, index)),
    merge: (index) => change((d) => mergeWithNext(d, kind, index)),
    remove: (index) => change((d) => removeRow(d, kind, index)),
    split: (index) => {
      const at = cursor.current;
      const text = (draft[kind][index] as unknown as Record<string, string>)[mainField(kind)]!;
      if (
        !at ||
        at.kind !== kind ||
        at.index !== index ||
        at.position <= 0 ||
        at.position >= text.length
      ) {
        setHint(splitHelp);
        return;
      }
      setHint(null);
      change((d) => splitRow(d, kind, index, at.position));
    },
    focus: (index) => setFocused({ kind, index }),
    cursor: (index, position) => {
      cursor.current = { kind, index, position };
    },
  });

  const doubts = useMemo(() => draftDoubts(draft), [draft]);
  const doubtCount = doubts.indicators.flat().length + doubts.tasks.flat().length;
  const setPlan = (plan: PlanDraft['plan']) => change((d) => ({ ...d, plan }), false);

  return {
    draft,
    dirty,
    markSaved: () => setDirty(false),
    undo,
    canUndo: history.length > 0,
    actionsFor,
    focused,
    doubts,
    doubtCount,
    setPlan,
    hint,
  };
}
