import type { FastifyReply } from 'fastify';

// Files the app hands out: their types, and a download with a Vietnamese file name.

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A download with a Vietnamese file name that every browser saves correctly. */
export function sendFile(
  reply: FastifyReply,
  type: string,
  filename: string,
  content: Buffer | string,
) {
  const ascii = filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\w.-]+/g, '_');
  return reply
    .header('content-type', type)
    .header('x-content-type-options', 'nosniff')
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    )
    .send(content);
}

/** A file ready to send: what it is, its name and its bytes. */
export interface Download {
  type: string;
  filename: string;
  content: Buffer | string;
}

export const sendDownload = (reply: FastifyReply, file: Download) =>
  sendFile(reply, file.type, file.filename, file.content);
