import { Catalogue, CatalogueComparison, CatalogueLinks, Linked } from '@tiendo/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../auth/plugin.ts';
import { badRequest, forbidden, notFound } from '../http/errors.ts';
import { canManageCommune, canViewProvince, visiblePlan } from '../org/queries.ts';
import { planRef } from '../plans/queries.ts';
import { catalogueLinks, compareAcrossCommunes, confirmLinks, listCatalogue } from './catalogue.ts';

const Id = z.object({ id: z.coerce.number().int().positive() });

export function catalogueRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const planCommune = async (planId: number) => {
    const plan = await planRef(app.db, planId);
    if (!plan) throw notFound('Không tìm thấy kế hoạch');
    return plan;
  };

  r.get(
    '/api/catalogue',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Danh mục chỉ tiêu dùng chung',
        response: { 200: Catalogue },
      },
    },
    async (request) => {
      requireUser(request);
      return listCatalogue(app.db);
    },
  );

  r.get(
    '/api/plans/:id/catalogue',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Chỉ tiêu của kế hoạch và liên kết (đề xuất) với danh mục dùng chung',
        params: Id,
        response: { 200: CatalogueLinks },
      },
    },
    async (request) => {
      await visiblePlan(app.db, requireUser(request), request.params.id);
      return catalogueLinks(app.db, request.params.id);
    },
  );

  r.put(
    '/api/plans/:id/catalogue',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Xác nhận liên kết chỉ tiêu với danh mục dùng chung',
        params: Id,
        body: z.object({
          links: z
            .array(
              z.object({
                indicatorId: z.number().int().positive(),
                catalogueId: z.number().int().positive().nullable(),
              }),
            )
            .max(500),
        }),
        response: { 200: Linked },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const plan = await planCommune(request.params.id);
      if (!canManageCommune(user, plan.ownerId))
        throw forbidden('Chỉ cán bộ đầu mối của xã mới xác nhận được liên kết');
      // An archived plan is read-only (plans/lifecycle.ts).
      if (plan.status === 'archived') throw badRequest('Kế hoạch đã lưu trữ: chỉ để xem.');
      return { linked: await confirmLinks(app.db, request.params.id, request.body.links, user.id) };
    },
  );

  r.get(
    '/api/provinces/:id/catalogue/:catalogueId',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'So sánh một chỉ tiêu dùng chung giữa các xã, phường',
        params: Id.extend({ catalogueId: z.coerce.number().int().positive() }),
        querystring: z.object({ label: z.string().max(200).optional() }),
        response: { 200: CatalogueComparison },
      },
    },
    async (request) => {
      const user = requireUser(request);
      if (!canViewProvince(user, request.params.id))
        throw forbidden('Chỉ cán bộ cấp tỉnh/thành phố mới xem được so sánh này');
      return compareAcrossCommunes(
        app.db,
        request.params.id,
        request.params.catalogueId,
        request.query.label,
      );
    },
  );
}
