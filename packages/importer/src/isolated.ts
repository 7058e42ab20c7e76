import { Worker } from 'node:worker_threads';
import { ImportError } from './errors.ts';
import type { ImportedDocument, ImportInput } from './index.ts';

// Reading a document runs in worker threads, with a time limit: a hostile or simply huge
// upload can take the CPU for a while, and the server's event loop (other users, health
// checks) must not wait for it. A worker that overruns is terminated and replaced.

export const IMPORT_TIME_LIMIT_MS = Number(process.env.TIENDO_IMPORT_TIME_LIMIT_MS ?? 30_000);
const POOL_SIZE = 2;

interface Job {
  id: number;
  input: ImportInput;
  timeLimitMs: number;
  resolve(value: ImportedDocument): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  job: Job | null;
}

const pool: Slot[] = [];
const queue: Job[] = [];
let nextId = 1;

function spawn(): Slot {
  const worker = new Worker(new URL('./importWorker.js', import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: 1024 },
  });
  worker.unref();
  const slot: Slot = { worker, job: null, ready: Promise.resolve() };
  slot.ready = new Promise((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  worker.on(
    'message',
    (message: {
      id?: number;
      result?: ImportedDocument;
      error?: { message: string; known: boolean };
    }) => {
      const job = slot.job;
      if (!job || message.id !== job.id) return;
      slot.job = null;
      if (message.result) job.resolve(message.result);
      else if (message.error?.known) job.reject(new ImportError(message.error.message));
      else job.reject(new Error(message.error?.message ?? 'import failed'));
      drain();
    },
  );
  worker.on('error', (error) => fail(slot, error));
  worker.on('exit', () =>
    fail(slot, new ImportError('Không đọc được tệp (trình đọc dừng bất thường).')),
  );
  pool.push(slot);
  return slot;
}

function fail(slot: Slot, error: Error) {
  const at = pool.indexOf(slot);
  if (at >= 0) pool.splice(at, 1);
  slot.job?.reject(
    error instanceof ImportError
      ? error
      : new ImportError('Không đọc được tệp: tệp quá lớn hoặc hỏng.'),
  );
  slot.job = null;
  drain();
}

function drain() {
  while (queue.length) {
    const slot = pool.find((s) => s.job === null) ?? (pool.length < POOL_SIZE ? spawn() : null);
    if (!slot) return;
    run(slot, queue.shift()!);
  }
}

function run(slot: Slot, job: Job) {
  slot.job = job;
  const timer = setTimeout(() => {
    if (slot.job !== job) return;
    slot.job = null;
    const seconds = Math.max(1, Math.round(job.timeLimitMs / 1000));
    job.reject(
      new ImportError(
        `Đọc tệp quá lâu (quá ${seconds} giây) nên đã dừng. Hãy kiểm tra lại tệp hoặc tải lên bản .docx của kế hoạch.`,
      ),
    );
    const at = pool.indexOf(slot);
    if (at >= 0) pool.splice(at, 1);
    void slot.worker.terminate();
    drain();
  }, job.timeLimitMs);
  const done = () => clearTimeout(timer);
  const { resolve, reject } = job;
  job.resolve = (value) => (done(), resolve(value));
  job.reject = (error) => (done(), reject(error));
  slot.ready
    .then(() => {
      if (slot.job !== job) return;
      const bytes = new Uint8Array(job.input.bytes); // a copy: transferring detaches it
      const { filename, columnRoles } = job.input;
      slot.worker.postMessage({ id: job.id, filename, bytes, columnRoles }, [bytes.buffer]);
    })
    .catch((error: Error) => fail(slot, error));
}

/** importDocument off the calling thread, within a time limit (IMPORT_TIME_LIMIT_MS). */
export function importIsolated(
  input: ImportInput,
  { timeLimitMs = IMPORT_TIME_LIMIT_MS }: { timeLimitMs?: number } = {},
): Promise<ImportedDocument> {
  return new Promise((resolve, reject) => {
    queue.push({ id: nextId++, input, timeLimitMs, resolve, reject });
    drain();
  });
}

/** Starts the workers ahead of the first upload (loading the readers takes about a second):
 *  the server calls it once it listens, so the first plan imported is not the slow one. */
export function warmImportWorkers(): void {
  while (pool.length < POOL_SIZE) spawn();
}

/** Stops the workers (tests, graceful shutdown). */
export async function stopImportWorkers(): Promise<void> {
  await Promise.all(pool.splice(0).map((s) => s.worker.terminate()));
}
