import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../auth/plugin.ts';
import { assertCan, can } from '../access/policy.ts';
import { scopeOf } from '../access/scope.ts';
import { readablePlanOwnerIds } from '../org/queries.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { getPlanDetail, listPlans } from './queries.ts';
import { addLocalItem, LocalItemInput } from './localItems.ts';

const PlanSummary = z.object({
  id: z.number(),
  title: z.string(),
  number: z.string().nullable(),
  issued_on: z.string().nullable(),
  status: z.string(),
  version: z.number(),
  commune_id: z.number(),
  commune_name: z.string(),
  /** 'province' for a higher-level plan, listed after the communes' own */
  owner_kind: z.string(),
  indicator_count: z.number(),
  task_count: z.number(),
});

const Target = z.object({ year: z.number().nullable(), text: z.string() });
/** What the signed-in user may do here (access/policy.ts), so the web app shows just that. */
const PlanPermissions = z.object({ manage: z.boolean() });

const PlanDetail = z.object({
  id: z.number(),
  permissions: PlanPermissions,
  title: z.string(),
  number: z.string().nullable(),
  issuer: z.string(),
  issuedOn: z.string().nullable(),
  status: z.string(),
  version: z.number(),
  communeId: z.number(),
  communeName: z.string(),
  ownerKind: z.string(),
  parentPlanId: z.number().nullable(),
  focalUnit: z.string().nullable(),
  sections: z.array(
    z.object({
      id: z.number(),
      appendix: z.string(),
      kind: z.string(),
      heading: z.string().nullable(),
    }),
  ),
  indicators: z.array(
    z.object({
      id: z.number(),
      sectionId: z.number(),
      parentId: z.number().nullable(),
      code: z.string(),
      name: z.string(),
      unit: z.string().nullable(),
      lead: z.string().nullable(),
      output: z.string().nullable(),
      targets: z.array(Target),
      version: z.number(),
    }),
  ),
  tasks: z.array(
    z.object({
      id: z.number(),
      sectionId: z.number(),
      code: z.string(),
      content: z.string(),
      lead: z.string().nullable(),
      coordinate: z.string().nullable(),
      output: z.string().nullable(),
      deadline: z.string().nullable(),
      version: z.number(),
    }),
  ),
});

export function planRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/plans',
    {
      schema: {
        tags: ['plans'],
        summary: 'Danh sách kế hoạch người dùng được xem',
        response: { 200: z.array(PlanSummary) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const plans = await listPlans(app.db, await readablePlanOwnerIds(app.db, user));
      // Drafts under review are visible only to those who manage the commune's plans.
      const scope = await scopeOf(app.db, user);
      return plans.filter((p) =>
        can(scope, 'plan.read', { ownerId: p.commune_id, status: p.status }),
      );
    },
  );

  r.get(
    '/api/plans/:id',
    {
      schema: {
        tags: ['plans'],
        summary: 'Một kế hoạch với các chỉ tiêu và nhiệm vụ',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: PlanDetail },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const plan = await getPlanDetail(app.db, request.params.id);
      if (!plan) throw notFound('Không tìm thấy kế hoạch');
      const scope = await scopeOf(app.db, user);
      const ref = { ownerId: plan.communeId, status: plan.status };
      assertCan(scope, 'plan.read', ref);
      return { ...plan, permissions: { manage: can(scope, 'plan.manage', ref) } };
    },
  );

  r.post(
    '/api/plans/:id/local-items',
    {
      schema: {
        tags: ['plans'],
        summary: 'Bổ sung nhiệm vụ, chỉ tiêu riêng của xã vào kế hoạch đã ban hành',
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: LocalItemInput,
        response: { 201: z.object({ id: z.number(), code: z.string() }) },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const plan = await app.db
        .selectFrom('plans')
        .innerJoin('org_units as owner', 'owner.id', 'plans.commune_id')
        .select(['plans.id', 'plans.commune_id as communeId', 'plans.status', 'owner.kind'])
        .where('plans.id', '=', request.params.id)
        .executeTakeFirst();
      if (!plan) throw notFound('Không tìm thấy kế hoạch');
      assertCan(
        await scopeOf(app.db, user),
        'plan.manage',
        { ownerId: plan.communeId, status: plan.status },
        'Chỉ cán bộ đầu mối của xã mới bổ sung được kế hoạch',
      );
      if (plan.kind !== 'commune')
        throw badRequest('Chỉ kế hoạch của xã, phường mới bổ sung nhiệm vụ, chỉ tiêu riêng.');
      return reply.code(201).send(await addLocalItem(app.db, plan, request.body, user.id));
    },
  );
}
