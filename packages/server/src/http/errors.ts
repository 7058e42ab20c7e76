// Errors that carry an HTTP status and a message in Vietnamese for the person using the app.

export class HttpError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly details?: unknown;

  constructor(statusCode: number, message: string, code: string, details?: unknown) {
    super(message);
    this.statusCode = statusCode;
    this.code = code;
    this.details = details;
  }
}

export const notFound = (what = 'Không tìm thấy dữ liệu') => new HttpError(404, what, 'not_found');
export const forbidden = (why = 'Bạn không có quyền thực hiện thao tác này') =>
  new HttpError(403, why, 'forbidden');
export const unauthorized = (why = 'Vui lòng đăng nhập') => new HttpError(401, why, 'unauthorized');
export const badRequest = (why: string, details?: unknown) =>
  new HttpError(400, why, 'bad_request', details);

/** Optimistic locking: the record changed since the client read it. */
export const conflict = (current: unknown) =>
  new HttpError(
    409,
    'Dữ liệu đã được người khác thay đổi. Vui lòng xem lại bản mới nhất trước khi lưu.',
    'conflict',
    current,
  );
