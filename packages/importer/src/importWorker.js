// The worker side of importIsolated (isolated.ts): reads documents off the server's
// request thread. Plain JavaScript so that it starts under any runner; Node loads the
// TypeScript sources by stripping their types, as the `tiendo` command does.
import { parentPort } from 'node:worker_threads';

const { importDocument, ImportError } = await import('./index.ts');

parentPort.on('message', async ({ id, filename, bytes, columnRoles }) => {
  try {
    const result = await importDocument({ filename, bytes: new Uint8Array(bytes), columnRoles });
    parentPort.postMessage({ id, result });
  } catch (error) {
    const known = error instanceof ImportError;
    parentPort.postMessage({ id, error: { message: String(error?.message ?? error), known } });
  }
});
parentPort.postMessage({ ready: true });
