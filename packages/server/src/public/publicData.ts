import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { notFound } from '../http/errors.ts';
import { periodSummary } from '../exports/periodSummary.ts';

// What anyone may see of a commune, without logging in: its published plan, progress by
// section and the indicators' values — from approved reports only, nothing about people
// beyond what the signed plan itself prints.

export async function publicCommunes(db: Kysely<Database>) {
  return db
    .selectFrom('org_units as c')
    .innerJoin('plans', 'plans.commune_id', 'c.id')
    .leftJoin('org_units as p', 'p.id', 'c.parent_id')
    .select(['c.id', 'c.name', 'p.name as province', 'plans.id as planId', 'plans.title'])
    .where('plans.status', '=', 'published')
    .orderBy('p.name')
    .orderBy('c.name')
    .execute();
}

export async function publicCommune(db: Kysely<Database>, communeId: number) {
  const plan = await db
    .selectFrom('plans')
    .innerJoin('org_units as c', 'c.id', 'plans.commune_id')
    .select([
      'plans.id',
      'plans.title',
      'plans.number',
      'plans.issued_on as issuedOn',
      'plans.issuer',
      'c.name as commune',
    ])
    .where('plans.commune_id', '=', communeId)
    .where('plans.status', '=', 'published')
    .orderBy('plans.published_at', 'desc')
    .executeTakeFirst();
  if (!plan) throw notFound('Xã/phường này chưa công bố kế hoạch');
  // The latest period with at least one approved report.
  const period = await db
    .selectFrom('reporting_periods as p')
    .innerJoin('reports as r', 'r.period_id', 'p.id')
    .select(['p.id', 'p.label'])
    .where('p.plan_id', '=', plan.id)
    .where('r.status', '=', 'approved')
    .orderBy('p.window_end', 'desc')
    .executeTakeFirst();
  if (!period) return { plan, period: null, sections: [], indicators: [] };
  const s = await periodSummary(db, period.id, undefined, ['approved']);
  const sections = [...new Set(s.tasks.map((t) => t.group ?? t.appendix))].map((name) => {
    const tasks = s.tasks.filter((t) => (t.group ?? t.appendix) === name);
    const done = tasks.filter(
      (t) => t.status === 'done_on_time' || t.status === 'done_late',
    ).length;
    const due = tasks.filter((t) => t.status !== 'not_applicable').length;
    return {
      name,
      tasks: tasks.length,
      done,
      due,
      percent: due ? Math.round((done / due) * 100) : 0,
    };
  });
  return {
    plan,
    period,
    sections,
    indicators: s.indicators.map((i) => ({
      code: i.code,
      name: i.name,
      unit: i.unit,
      targets: i.targets,
      value: i.value,
    })),
  };
}
