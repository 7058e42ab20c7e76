import { Done, LocalItemAdded, NewVersion, PlanDetail, PlanSummary } from '@tiendo/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../auth/plugin.ts';
import { assertCan } from '../access/policy.ts';
import { scopeOf } from '../access/scope.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { planRef } from './queries.ts';
import { planReadBy, plansReadBy } from './planViews.ts';
import { addLocalItem, LocalItemInput } from './localItems.ts';
import { archivePlan, deleteDraft, renamePlan, restorePlan, unpublishPlan } from './lifecycle.ts';

const Id = z.object({ id: z.coerce.number().int().positive() });
const VersionBody = z.object({ version: z.number().int().positive() });

export function planRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/plans',
    {
      schema: {
        tags: ['plans'],
        summary: 'Danh sách kế hoạch người dùng được xem (đã lưu trữ: ?archived=1)',
        querystring: z.object({ archived: z.enum(['0', '1']).default('0') }),
        response: { 200: z.array(PlanSummary) },
      },
    },
    async (request) => plansReadBy(app.db, requireUser(request), request.query.archived === '1'),
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
    async (request) => planReadBy(app.db, requireUser(request), request.params.id),
  );

  /** The plan, once its manager is known to be the signed-in user (plan.manage). */
  const managed = async (request: FastifyRequest, planId: number) => {
    const user = requireUser(request);
    const plan = await planRef(app.db, planId);
    if (!plan) throw notFound('Không tìm thấy kế hoạch');
    assertCan(await scopeOf(app.db, user), 'plan.manage', plan);
    return user;
  };

  r.patch(
    '/api/plans/:id',
    {
      schema: {
        tags: ['plans'],
        summary: 'Đổi tên, sửa số ký hiệu của kế hoạch đã ban hành',
        params: Id,
        body: VersionBody.extend({
          title: z
            .string()
            .trim()
            .min(1, 'Tên kế hoạch không được để trống.')
            .max(500, 'Tên kế hoạch quá dài (tối đa 500 ký tự).'),
          number: z.string().max(100).nullable().optional(),
        }),
        response: { 200: NewVersion },
      },
    },
    async (request) => {
      const user = await managed(request, request.params.id);
      const { version, ...change } = request.body;
      return { version: await renamePlan(app.db, request.params.id, version, change, user.id) };
    },
  );

  for (const [path, summary, run] of [
    ['archive', 'Lưu trữ kế hoạch (chỉ đọc, ra khỏi danh sách đang thực hiện)', archivePlan],
    ['restore', 'Đưa kế hoạch đã lưu trữ về danh sách đang thực hiện', restorePlan],
    ['unpublish', 'Đưa kế hoạch đã ban hành về bản nháp (khi chưa có báo cáo gửi)', unpublishPlan],
  ] as const)
    r.post(
      `/api/plans/:id/${path}`,
      {
        schema: {
          tags: ['plans'],
          summary,
          params: Id,
          body: VersionBody,
          response: { 200: NewVersion },
        },
      },
      async (request) => {
        const user = await managed(request, request.params.id);
        return { version: await run(app.db, request.params.id, request.body.version, user.id) };
      },
    );

  r.delete(
    '/api/plans/:id',
    {
      schema: {
        tags: ['plans'],
        summary: 'Xoá bản nháp kế hoạch',
        params: Id,
        querystring: z.object({ version: z.coerce.number().int().positive() }),
        response: { 200: Done },
      },
    },
    async (request) => {
      const user = await managed(request, request.params.id);
      await deleteDraft(app.db, request.params.id, request.query.version, user.id);
      return { ok: true as const };
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
        response: { 201: LocalItemAdded },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const plan = await planRef(app.db, request.params.id);
      if (!plan) throw notFound('Không tìm thấy kế hoạch');
      assertCan(
        await scopeOf(app.db, user),
        'plan.manage',
        plan,
        'Chỉ cán bộ đầu mối của xã mới bổ sung được kế hoạch',
      );
      if (plan.ownerKind !== 'commune')
        throw badRequest('Chỉ kế hoạch của xã, phường mới bổ sung nhiệm vụ, chỉ tiêu riêng.');
      return reply
        .code(201)
        .send(
          await addLocalItem(
            app.db,
            { id: request.params.id, communeId: plan.ownerId, status: plan.status },
            request.body,
            user.id,
          ),
        );
    },
  );
}
