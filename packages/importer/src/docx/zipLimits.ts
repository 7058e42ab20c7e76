import JSZip from 'jszip';
import { ImportError } from '../errors.ts';

// Zip bombs: an Office file is a zip, and a few kilobytes can inflate to gigabytes. Entries
// are inflated as a stream and given up on as soon as they pass the limit.

export const MAX_ZIP_ENTRIES = 2000;

/** JSZip's streaming API (present at run time, missing from its type definitions). */
interface StreamHelper {
  on(event: 'data', listener: (chunk: Uint8Array) => void): StreamHelper;
  on(event: 'error', listener: (error: Error) => void): StreamHelper;
  on(event: 'end', listener: () => void): StreamHelper;
  pause(): StreamHelper;
  resume(): StreamHelper;
}

/** Inflates one entry, refusing to go past `limit` bytes; `onChunk` sees every chunk. */
export function inflateWithLimit(
  file: JSZip.JSZipObject,
  limit: number,
  onChunk: (chunk: Uint8Array) => void = () => {},
  tooLarge = 'Nội dung tệp quá lớn sau khi giải nén (nghi là tệp nén độc hại); không đọc.',
): Promise<number> {
  let size = 0;
  return new Promise<number>((resolve, reject) => {
    const stream = (
      file as unknown as { internalStream(type: 'uint8array'): StreamHelper }
    ).internalStream('uint8array');
    stream
      .on('data', (chunk: Uint8Array) => {
        size += chunk.length;
        if (size > limit) {
          stream.pause();
          reject(new ImportError(tooLarge));
          return;
        }
        onChunk(chunk);
      })
      .on('error', () => reject(new ImportError('Tệp bị hỏng; không giải nén được.')))
      .on('end', () => resolve(size))
      .resume();
  });
}

/** Checks a whole Office file (e.g. an uploaded .xlsx) inflates to at most `limit` bytes. */
export async function assertZipWithin(bytes: Uint8Array, limit: number): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new ImportError('Tệp bị hỏng hoặc không phải tệp Office (.xlsx, .docx).');
  }
  const files = Object.values(zip.files).filter((f) => !f.dir);
  if (files.length > MAX_ZIP_ENTRIES)
    throw new ImportError('Tệp có quá nhiều thành phần; không đọc được.');
  let total = 0;
  for (const file of files) total += await inflateWithLimit(file, limit - total);
}
