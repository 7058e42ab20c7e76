import { TargetSharesView, CascadeLinks, CascadeView, ITEM_KINDS, SharesSaved } from '@tiendo/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../auth/plugin.ts';
import { badRequest, forbidden } from '../http/errors.ts';
import { canManageCommune, canReadPlan, readableCommuneIds } from '../org/queries.ts';
import { cascadeLinksOf, cascadeView, changeLinks, planOwner, setParentPlan } from './cascade.ts';
import { setTargetShares, targetShares, TargetSharesInput } from './targetShares.ts';
import { notFound } from '../http/errors.ts';
import { planOfIndicator } from '../plans/queries.ts';

const Id = z.object({ id: z.coerce.number().int().positive() });

export function cascadeRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** The plan, when the user may read it (published, or a draft they manage). */
  const readablePlan = async (request: FastifyRequest, planId: number) => {
    const user = requireUser(request);
    const plan = await planOwner(app.db, planId);
    if (!(await canReadPlan(app.db, user, { ownerId: plan.owner_id, status: plan.status })))
      throw forbidden('Bạn không có quyền xem kế hoạch này');
    return { user, plan };
  };

  const managedPlan = async (request: FastifyRequest, planId: number) => {
    const { user, plan } = await readablePlan(request, planId);
    if (!canManageCommune(user, plan.owner_id))
      throw forbidden('Chỉ cán bộ đầu mối của xã mới liên kết được với kế hoạch cấp trên');
    // An archived plan is read-only (plans/lifecycle.ts).
    if (plan.status === 'archived') throw badRequest('Kế hoạch đã lưu trữ: chỉ để xem.');
    return user;
  };

  r.get(
    '/api/plans/:id/cascade',
    {
      schema: {
        tags: ['cascade'],
        summary:
          'Phân cấp thực hiện: nhiệm vụ, chỉ tiêu của kế hoạch cấp trên, các xã thực hiện và các xã chưa triển khai',
        params: Id,
        response: { 200: CascadeView },
      },
    },
    async (request) => {
      const { user } = await readablePlan(request, request.params.id);
      return cascadeView(app.db, request.params.id, await readableCommuneIds(app.db, user));
    },
  );

  const indicatorPlanId = async (indicatorId: number) => {
    const planId = await planOfIndicator(app.db, indicatorId);
    if (planId === undefined) throw notFound('Không tìm thấy chỉ tiêu');
    return planId;
  };

  r.get(
    '/api/indicators/:id/target-shares',
    {
      schema: {
        tags: ['cascade'],
        summary: 'Chỉ tiêu cấp tỉnh giao cho từng xã và kết quả các xã báo cáo (tổng/bình quân)',
        params: Id,
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: { 200: TargetSharesView },
      },
    },
    async (request) => {
      const { user } = await readablePlan(request, await indicatorPlanId(request.params.id));
      const visible = await readableCommuneIds(app.db, user);
      return targetShares(app.db, request.params.id, request.query.year, visible);
    },
  );

  r.put(
    '/api/indicators/:id/target-shares',
    {
      schema: {
        tags: ['cascade'],
        summary: 'Giao chỉ tiêu xuống các xã: chia đều, theo trọng số hoặc nhập từng xã',
        params: Id,
        body: TargetSharesInput,
        response: { 200: SharesSaved },
      },
    },
    async (request) => {
      const user = await managedPlan(request, await indicatorPlanId(request.params.id));
      return { communes: await setTargetShares(app.db, request.params.id, request.body, user.id) };
    },
  );

  r.get(
    '/api/plans/:id/cascade-links',
    {
      schema: {
        tags: ['cascade'],
        summary: 'Kế hoạch cấp trên của một kế hoạch xã, liên kết đã xác nhận và đề xuất',
        params: Id,
        response: { 200: CascadeLinks },
      },
    },
    async (request) => {
      await readablePlan(request, request.params.id);
      return cascadeLinksOf(app.db, request.params.id);
    },
  );

  r.put(
    '/api/plans/:id/parent',
    {
      schema: {
        tags: ['cascade'],
        summary: 'Chọn kế hoạch cấp trên mà kế hoạch xã triển khai',
        params: Id,
        body: z.object({ parentPlanId: z.number().int().positive().nullable() }),
        response: { 200: CascadeLinks },
      },
    },
    async (request) => {
      const user = await managedPlan(request, request.params.id);
      await setParentPlan(app.db, request.params.id, request.body.parentPlanId, user.id);
      return cascadeLinksOf(app.db, request.params.id);
    },
  );

  r.put(
    '/api/plans/:id/cascade-links',
    {
      schema: {
        tags: ['cascade'],
        summary: 'Xác nhận hoặc bỏ liên kết nhiệm vụ, chỉ tiêu với kế hoạch cấp trên',
        params: Id,
        body: z.object({
          changes: z
            .array(
              z.object({
                kind: z.enum(ITEM_KINDS),
                childId: z.number().int().positive(),
                parentId: z.number().int().positive(),
                linked: z.boolean(),
              }),
            )
            .min(1)
            .max(1000),
        }),
        response: { 200: CascadeLinks },
      },
    },
    async (request) => {
      const user = await managedPlan(request, request.params.id);
      await changeLinks(app.db, request.params.id, request.body.changes, user.id);
      return cascadeLinksOf(app.db, request.params.id);
    },
  );
}
