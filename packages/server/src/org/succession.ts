import type { Kysely } from 'kysely';
import { z } from 'zod';
import { addDays, isAdministrativeCode, type IsoDate, IsoDay, type ItemRole } from '@tiendo/core';
import type { Database } from '../db/schema.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { badRequest, forbidden, notFound } from '../http/errors.ts';
import { nowIso } from '../http/time.ts';
import { atomically, recordAudit } from '../audit/log.ts';
import { createOrgUnit, type OrgKind } from './queries.ts';
import { roleScope } from '../access/scope.ts';

// Communes and units merge and split (sáp nhập, chia tách — as in the reorganisation of
// 1/7/2025). Nothing is rewritten: the old units stay, closed (valid_to) and linked to what
// followed them (unit_successions; successor_id when one unit took over), so their plans and
// reports keep their history, roll up under the unit that succeeded them, and remain
// readable by whoever works there now.

const Day = IsoDay;
const NewUnit = z.object({
  name: z.string().trim().min(2, 'Cần tên đơn vị').max(200),
  code: z.string().trim().max(10).nullable().default(null),
});

export const Reorganisation = z
  .object({
    kind: z.enum(['merge', 'split']),
    predecessors: z.array(z.number().int().positive()).min(1).max(50),
    successors: z.array(NewUnit).min(1).max(20),
    effectiveOn: Day,
    decision: z.string().trim().max(300).nullable().default(null),
  })
  .meta({
    example: {
      kind: 'merge',
      predecessors: [12, 13],
      successors: [{ name: 'Xã Kiến Hưng', code: '11460' }],
      effectiveOn: '2025-07-01',
      decision: 'Nghị quyết số 1669/NQ-UBTVQH15',
    },
  });
export type Reorganisation = z.infer<typeof Reorganisation>;

/** A province's or commune's code must be one of Decision 19/2025/QĐ-TTg's; none is fine. */
function assertCode(kind: string, code: string | null): void {
  if (code && !isAdministrativeCode(kind, code))
    throw badRequest(
      `Mã "${code}" không đúng mã đơn vị hành chính (Quyết định 19/2025/QĐ-TTg: tỉnh 2 chữ số, xã 5 chữ số).`,
    );
}

function checkShape(input: Reorganisation) {
  if (input.kind === 'merge' && input.successors.length !== 1)
    throw badRequest('Sáp nhập tạo ra đúng một đơn vị mới.');
  if (input.kind === 'split' && (input.predecessors.length !== 1 || input.successors.length < 2))
    throw badRequest('Chia tách: một đơn vị cũ thành ít nhất hai đơn vị mới.');
  if (new Set(input.predecessors).size !== input.predecessors.length)
    throw badRequest('Một đơn vị được chọn hai lần.');
}

export async function reorganise(
  db: Kysely<Database>,
  actor: SessionUser,
  input: Reorganisation,
): Promise<number[]> {
  if (!roleScope(actor).admin)
    throw forbidden('Chỉ quản trị hệ thống mới sắp xếp lại đơn vị hành chính.');
  checkShape(input);
  return atomically(db, async (db) => {
    const olds = await db
      .selectFrom('org_units')
      .selectAll()
      .where('id', 'in', input.predecessors)
      .execute();
    if (olds.length !== input.predecessors.length) throw notFound('Không tìm thấy đơn vị');
    const [first] = olds;
    if (olds.some((u) => u.parent_id !== first!.parent_id || u.kind !== first!.kind))
      throw badRequest('Các đơn vị phải cùng cấp và cùng đơn vị cấp trên.');
    if (olds.some((u) => u.valid_to !== null))
      throw badRequest('Có đơn vị đã sáp nhập hoặc chia tách trước đó.');
    const kind = first!.kind as OrgKind;
    for (const s of input.successors) assertCode(kind, s.code);
    // The day before takes effect is the old units' last day.
    const lastDay = addDays(input.effectiveOn as IsoDate, -1);
    const created: number[] = [];
    for (const s of input.successors) {
      const parentId = first!.parent_id;
      created.push(await createOrgUnit(db, { parentId, kind, ...s, validFrom: input.effectiveOn }));
    }
    const single = created.length === 1 ? created[0]! : null;
    await db
      .updateTable('org_units')
      .set((eb) => ({
        valid_to: lastDay,
        successor_id: single,
        version: eb('version', '+', 1),
        updated_at: nowIso(),
      }))
      .where('id', 'in', input.predecessors)
      .execute();
    await db
      .insertInto('unit_successions')
      .values(
        input.predecessors.flatMap((predecessor_id) =>
          created.map((successor_id) => ({
            predecessor_id,
            successor_id,
            kind: input.kind,
            effective_on: input.effectiveOn,
            decision: input.decision,
            created_at: nowIso(),
          })),
        ),
      )
      .execute();
    // Whoever managed, led or reported for a merged unit does so for the unit that took over,
    // and a merged department's tasks and indicators are now the new one's to report on.
    if (single !== null) {
      await carryRoles(db, input.predecessors, single);
      if (kind === 'unit') await carryItems(db, input.predecessors, single);
    }
    await recordAudit(db, {
      userId: actor.id,
      entity: 'org_unit',
      entityId: created[0]!,
      action: input.kind,
      before: olds.map((u) => ({ id: u.id, name: u.name, code: u.code })),
      after: { ...input, created },
    });
    return created;
  });
}

async function carryRoles(db: Kysely<Database>, from: number[], to: number) {
  const roles = await db
    .selectFrom('role_assignments')
    .select(['user_id', 'role'])
    .where('scope_unit_id', 'in', from)
    .execute();
  const now = nowIso();
  const seen = new Set<string>();
  for (const r of roles) {
    if (seen.has(`${r.user_id}:${r.role}`)) continue;
    seen.add(`${r.user_id}:${r.role}`);
    await db
      .insertInto('role_assignments')
      .values({ user_id: r.user_id, role: r.role, scope_unit_id: to, created_at: now })
      .execute();
  }
}

async function carryItems(db: Kysely<Database>, from: number[], to: number) {
  for (const table of ['task_units', 'indicator_units'] as const) {
    const links = await db
      .selectFrom(table)
      .select(['item_id', 'role'])
      .where('unit_id', 'in', from)
      .execute();
    // Lead wins over coordinate when the merged units held both roles on one item.
    const roles = new Map<number, ItemRole>();
    for (const l of links) if (roles.get(l.item_id) !== 'lead') roles.set(l.item_id, l.role);
    if (roles.size)
      await db
        .insertInto(table)
        .values([...roles].map(([item_id, role]) => ({ item_id, unit_id: to, role })))
        .execute();
  }
  await db
    .updateTable('plans')
    .set({ focal_unit_id: to })
    .where('focal_unit_id', 'in', from)
    .execute();
}

/** Retired unit → the unit that carries it on today, following merges (a split unit has no
 *  single heir and maps to nothing). */
export async function currentUnits(
  db: Kysely<Database>,
  /** Only these units' heirs (a province's communes): the look-up stays within them. */
  among: number[],
): Promise<Map<number, number>> {
  const next = new Map<number, number>();
  let frontier = among;
  for (let depth = 0; frontier.length && depth < 20; depth++) {
    const rows = await db
      .selectFrom('org_units')
      .select(['id', 'successor_id'])
      .where('id', 'in', frontier)
      .where('successor_id', 'is not', null)
      .execute();
    rows.forEach((r) => next.set(r.id, r.successor_id!));
    frontier = rows.map((r) => r.successor_id!).filter((id) => !next.has(id));
  }
  const out = new Map<number, number>();
  for (const id of next.keys()) {
    let current = id;
    for (let depth = 0; next.has(current) && depth < 20; depth++) current = next.get(current)!;
    out.set(id, current);
  }
  return out;
}

/** Every unit that (through merges and splits) came before these ones. */
export async function predecessorsOf(db: Kysely<Database>, ids: number[]): Promise<number[]> {
  const found = new Set<number>();
  let frontier = ids;
  for (let depth = 0; frontier.length && depth < 20; depth++) {
    const rows = await db
      .selectFrom('unit_successions')
      .select('predecessor_id')
      .where('successor_id', 'in', frontier)
      .execute();
    frontier = rows.map((r) => r.predecessor_id).filter((id) => !found.has(id));
    frontier.forEach((id) => found.add(id));
  }
  return [...found];
}

/** A unit's lineage: what it came from and what followed it, with dates and decisions. */
export async function unitHistory(db: Kysely<Database>, unitId: number) {
  const unit = await db
    .selectFrom('org_units')
    .select(['id', 'name', 'code', 'kind', 'valid_from as validFrom', 'valid_to as validTo'])
    .where('id', '=', unitId)
    .executeTakeFirst();
  if (!unit) throw notFound('Không tìm thấy đơn vị');
  const link = (
    side: 'predecessor_id' | 'successor_id',
    other: 'predecessor_id' | 'successor_id',
  ) =>
    db
      .selectFrom('unit_successions as s')
      .innerJoin('org_units as u', 'u.id', `s.${other}`)
      .select(['u.id', 'u.name', 'u.code', 's.kind', 's.effective_on as effectiveOn', 's.decision'])
      .where(`s.${side}`, '=', unitId)
      .orderBy('u.name')
      .execute();
  const [before, after] = await Promise.all([
    link('successor_id', 'predecessor_id'),
    link('predecessor_id', 'successor_id'),
  ]);
  return { unit, predecessors: before, successors: after };
}

/** Sets a province's or commune's administrative code (Decision 19/2025/QĐ-TTg). */
export async function setAdministrativeCode(
  db: Kysely<Database>,
  actor: SessionUser,
  unitId: number,
  code: string | null,
): Promise<void> {
  if (!roleScope(actor).admin)
    throw forbidden('Chỉ quản trị hệ thống mới sửa mã đơn vị hành chính.');
  await atomically(db, async (db) => {
    const unit = await db
      .selectFrom('org_units')
      .select(['kind', 'code'])
      .where('id', '=', unitId)
      .executeTakeFirst();
    if (!unit) throw notFound('Không tìm thấy đơn vị');
    assertCode(unit.kind, code);
    const clash = code
      ? await db
          .selectFrom('org_units')
          .select('id')
          .where('code', '=', code)
          .where('kind', '=', unit.kind)
          .where('id', '!=', unitId)
          .where('valid_to', 'is', null)
          .executeTakeFirst()
      : undefined;
    if (clash) throw badRequest(`Mã ${code} đã dùng cho đơn vị khác.`);
    await db
      .updateTable('org_units')
      .set((eb) => ({ code, version: eb('version', '+', 1), updated_at: nowIso() }))
      .where('id', '=', unitId)
      .execute();
    await recordAudit(db, {
      userId: actor.id,
      entity: 'org_unit',
      entityId: unitId,
      action: 'set_code',
      before: { code: unit.code },
      after: { code },
    });
  });
}
