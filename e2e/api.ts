// Setting the scene through the HTTP API (as the web app does), so browser tests spend their
// clicks on what they test.

export interface ApiSession {
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

export async function apiSession(
  baseUrl: string,
  username: string,
  password = 'Demo@2026',
): Promise<ApiSession> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`login ${username}: ${login.status}`);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return {
    async call<T>(method: string, path: string, body?: unknown) {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok)
        throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
  };
}

export interface PeriodRef {
  id: number;
  version: number;
  label: string;
}

/** The focal officer makes the plan's 2026 periods and opens the first; returns them all. */
export async function openFirstPeriodOf(focal: ApiSession, planId: number): Promise<PeriodRef[]> {
  await focal.call('POST', `/api/plans/${planId}/periods/generate`, {
    from: '2026-01-01',
    to: '2026-12-31',
  });
  const periods = await focal.call<PeriodRef[]>('GET', `/api/plans/${planId}/periods`);
  const first = periods[0]!;
  await focal.call('PATCH', `/api/periods/${first.id}`, { version: first.version, status: 'open' });
  return periods;
}
