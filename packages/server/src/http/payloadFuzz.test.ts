import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../testing/databases.ts';
import { useOpenPeriod } from '../testing/openPeriod.ts';
import type { Method } from '../testing/app.ts';

// Hostile API payloads: random JSON (wrong types, huge numbers, deep nesting, markup) sent to
// the write routes a signed-in focal officer or reporter can reach. Every answer is a
// deliberate one — never a 500 — and every refusal carries a Vietnamese message.

const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

/** Plausible-looking bodies: the right keys with random values, or anything at all. */
const body = (keys: string[], valid: unknown) =>
  fc.oneof(
    fc.constant(valid),
    fc.dictionary(fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 3 }), {
      maxKeys: keys.length,
    }),
    fc.jsonValue({ maxDepth: 4 }),
    fc.constantFrom(null, [], '', '<script>alert(1)</script>', { version: 1e308 }),
  );

describe.each(TEST_DIALECTS)('API write routes under random payloads on %s', (dialect) => {
  const fixture = useOpenPeriod(dialect);

  it('answer 2xx or a Vietnamese 4xx, never 500', async () => {
    const { send, focal, users, planId, periodId, reports, taskIds, units } = fixture.ctx;
    const concern = await fixture.database.db
      .selectFrom('concerns')
      .select('id')
      .executeTakeFirstOrThrow(); // the economy unit's difficulty, tracked since it sent
    const routes: Array<[typeof focal | null, Method, string, string[], unknown?]> = [
      [
        users.pvhcc,
        'PUT',
        `/api/reports/${reports.pvhcc}/tasks/${taskIds.pvhcc}`,
        ['version', 'status', 'progress', 'results', 'completedOn', 'difficulties'],
      ],
      [users.pvhcc, 'POST', `/api/reports/${reports.pvhcc}/submit`, ['version']],
      [
        focal,
        'POST',
        `/api/reports/${reports.kt}/return`,
        ['version', 'comment', 'itemComments'],
        {},
      ],
      [
        focal,
        'PATCH',
        `/api/periods/${periodId}`,
        ['version', 'status', 'dueDate', 'lockAfterDays'],
      ],
      [
        focal,
        'POST',
        `/api/plans/${planId}/periods/generate`,
        ['from', 'to'],
        { from: '2026-01-01', to: '2026-12-31' },
      ],
      [
        focal,
        'POST',
        `/api/plans/${planId}/periods`,
        ['label', 'windowStart', 'windowEnd', 'dueDate'],
      ],
      [focal, 'PUT', `/api/plans/${planId}/cascade-links`, ['changes']],
      [focal, 'PUT', `/api/plans/${planId}/catalogue`, ['links']],
      [
        focal,
        'PATCH',
        `/api/concerns/${concern.id}`,
        ['version', 'addressee', 'answerDue', 'answer', 'status'],
      ],
      [focal, 'POST', `/api/periods/${periodId}/units/${units.pvhcc.id}/unlock`, ['reason']],
      [
        focal,
        'POST',
        `/api/plans/${planId}/local-items`,
        ['kind', 'name', 'content', 'unit', 'targets', 'leadUnitIds', 'coordinateUnitIds'],
        { kind: 'task', content: 'Nhiệm vụ bổ sung', leadUnitIds: [units.pvhcc.id] },
      ],
      [
        null,
        'POST',
        '/api/auth/login',
        ['username', 'password'],
        { username: 'khong-co', password: 'x' },
      ],
    ];
    const failures: string[] = [];
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes).chain((r) => fc.tuple(fc.constant(r), body(r[3], r[4]))),
        async ([[who, method, url], payload]) => {
          const response = await send(who, method, url, payload);
          statuses.add(response.statusCode);
          if (response.statusCode >= 500)
            failures.push(`${method} ${url} ${JSON.stringify(payload)} → ${response.statusCode}`);
          if (response.statusCode >= 400 && !VIETNAMESE.test(response.json().error ?? ''))
            failures.push(`${method} ${url} → ${response.body.slice(0, 120)}`);
          return failures.length === 0;
        },
      ),
      { numRuns: 200, endOnFailure: true },
    );
    expect(failures).toEqual([]);
    expect(statuses).toContain(400); // the payloads did reach validation…
    expect([...statuses].some((s) => s < 300)).toBe(true); // …and some were accepted
  }, 120_000);
});
