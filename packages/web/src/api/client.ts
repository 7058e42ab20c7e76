// The one way the web app talks to the server: JSON over fetch, the session cookie sent
// automatically, the CSRF token added to every write, errors carried as ApiError with the
// server's Vietnamese message.

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details?: unknown;

  constructor(status: number, message: string, code: string, details?: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  // A file goes as the raw request body; anything else as JSON.
  const raw = init.body instanceof Blob;
  if (init.body !== undefined)
    headers['content-type'] = raw ? 'application/octet-stream' : 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body:
        init.body === undefined ? undefined : raw ? (init.body as Blob) : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiError(0, 'Không kết nối được máy chủ. Kiểm tra mạng và thử lại.', 'network');
  }
  const data = (await response.json().catch(() => ({}))) as {
    error?: string;
    code?: string;
    details?: unknown;
  };
  if (!response.ok) {
    throw new ApiError(
      response.status,
      data.error ?? `Lỗi ${response.status}`,
      data.code ?? 'error',
      data.details,
    );
  }
  return data as T;
}
