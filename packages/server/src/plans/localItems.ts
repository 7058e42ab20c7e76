import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { badRequest } from '../http/errors.ts';
import { nowIso } from '../http/time.ts';
import { atomically, recordAudit } from '../audit/log.ts';
import { communeUnits, linkUnits } from './store.ts';
import { refreshPlanTallies } from '../reports/periodTallies.ts';

// Local customisation: beside the items of its signed plan (and those that carry out the
// province's), a commune adds its own programmes and indicators while the plan runs. They go
// in their own section, are reported on like any other item, and count as the commune's own
// in the cascade view (no higher-level link).

export const LOCAL_APPENDIX = 'BỔ SUNG CỦA XÃ';

const text = (max: number) => z.string().trim().min(1).max(max);
export const LocalItemInput = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('indicator'),
      name: text(1_000),
      unit: z.string().trim().max(100).nullable().default(null),
      targets: z
        .array(z.object({ year: z.number().int().min(2000).max(2100).nullable(), text: text(200) }))
        .max(20)
        .default([]),
      leadUnitIds: z.array(z.number().int().positive()).min(1, 'Chọn đơn vị chủ trì').max(50),
    }),
    z.object({
      kind: z.literal('task'),
      content: text(2_000),
      deadline: z.string().trim().max(200).nullable().default(null),
      output: z.string().trim().max(1_000).nullable().default(null),
      leadUnitIds: z.array(z.number().int().positive()).min(1, 'Chọn đơn vị chủ trì').max(50),
      coordinateUnitIds: z.array(z.number().int().positive()).max(50).default([]),
    }),
  ])
  .meta({
    example: {
      kind: 'indicator',
      name: 'Số hộ gia đình sử dụng thanh toán không dùng tiền mặt',
      unit: 'hộ',
      targets: [{ year: 2026, text: '500' }],
      leadUnitIds: [12],
    },
  });
export type LocalItemInput = z.infer<typeof LocalItemInput>;

/** The plan's section of items added while it runs (by the commune, or by amendments). */
export async function localSection(
  db: Kysely<Database>,
  planId: number,
  kind: 'indicators' | 'tasks',
  appendix = LOCAL_APPENDIX,
) {
  const existing = await db
    .selectFrom('plan_sections')
    .select('id')
    .where('plan_id', '=', planId)
    .where('kind', '=', kind)
    .where('appendix', '=', appendix)
    .executeTakeFirst();
  if (existing) return existing.id;
  const last = await db
    .selectFrom('plan_sections')
    .select((e) => e.fn.max('ordinal').as('n'))
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  const row = await db
    .insertInto('plan_sections')
    .values({
      plan_id: planId,
      kind,
      appendix,
      heading: null,
      ordinal: Number(last?.n ?? 0) + 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The next free place and code ("BS1", "BS2", …) among the plan's items of this kind. */
export async function nextPlace(
  db: Kysely<Database>,
  planId: number,
  table: 'tasks' | 'indicators',
) {
  const rows = await db
    .selectFrom(table as 'tasks')
    .select(['ordinal', 'code'])
    .where('plan_id', '=', planId)
    .execute();
  const local = rows.filter((r) => /^BS\d+$/.test(r.code)).map((r) => Number(r.code.slice(2)));
  return {
    ordinal: Math.max(-1, ...rows.map((r) => r.ordinal)) + 1,
    code: `BS${Math.max(0, ...local) + 1}`,
  };
}

export async function addLocalItem(
  db: Kysely<Database>,
  plan: { id: number; communeId: number; status: string },
  input: LocalItemInput,
  userId: number,
): Promise<{ id: number; code: string }> {
  if (plan.status !== 'published')
    throw badRequest('Chỉ bổ sung nhiệm vụ, chỉ tiêu vào kế hoạch đã ban hành.');
  return atomically(db, async (db) => {
    const units = await communeUnits(db, plan.communeId);
    const named = (ids: number[]) => {
      const found = ids.map((id) => units.find((u) => u.id === id));
      if (found.some((u) => !u)) throw badRequest('Có đơn vị không thuộc xã của kế hoạch.');
      return found.map((u) => u!.name).join(', ');
    };
    const now = nowIso();
    const table = input.kind === 'indicator' ? 'indicators' : 'tasks';
    const place = await nextPlace(db, plan.id, table);
    const section = await localSection(db, plan.id, table);
    const common = {
      plan_id: plan.id,
      section_id: section,
      code: place.code,
      ordinal: place.ordinal,
    };
    const stamps = { director: null, responsible: null, created_at: now, updated_at: now };
    let id: number;
    if (input.kind === 'indicator') {
      ({ id } = await db
        .insertInto('indicators')
        .values({
          ...common,
          ...stamps,
          parent_id: null,
          name: input.name,
          measure_unit: input.unit,
          lead_text: named(input.leadUnitIds),
          output: null,
          catalogue_id: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow());
      if (input.targets.length)
        await db
          .insertInto('indicator_targets')
          .values(input.targets.map((t) => ({ indicator_id: id, year: t.year, raw_text: t.text })))
          .execute();
      await linkUnits(db, 'indicator_units', id, input.leadUnitIds, []);
    } else {
      ({ id } = await db
        .insertInto('tasks')
        .values({
          ...common,
          ...stamps,
          content: input.content,
          lead_text: named(input.leadUnitIds),
          coordinate_text: input.coordinateUnitIds.length ? named(input.coordinateUnitIds) : null,
          output: input.output,
          deadline_text: input.deadline,
        })
        .returning('id')
        .executeTakeFirstOrThrow());
      await linkUnits(db, 'task_units', id, input.leadUnitIds, input.coordinateUnitIds);
      await refreshPlanTallies(db, plan.id);
    }
    await recordAudit(db, {
      userId,
      entity: input.kind,
      entityId: id,
      action: 'add_local',
      after: { plan_id: plan.id, code: place.code, ...input },
    });
    return { id, code: place.code };
  });
}
