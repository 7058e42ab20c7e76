// The worker side of importIsolated (isolated.ts): reads documents off the server's
// request thread. Plain JavaScript so that it starts under any runner; the TypeScript
// sources are loaded through tsx, as the `tiendo` command does (docs/decisions/0001).
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
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
