import { MyConcerns, NewVersion, PlanConcerns, ProvinceConcerns } from '@tiendo/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../auth/plugin.ts';
import {
  changeConcern,
  ConcernChange,
  myConcerns,
  planConcerns,
  provinceConcerns,
} from './concerns.ts';
import { forbidden } from '../http/errors.ts';
import { canViewProvince } from '../org/queries.ts';

const Id = z.object({ id: z.coerce.number().int().positive() });

export function concernRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/plans/:id/concerns',
    {
      schema: {
        tags: ['concerns'],
        summary: 'Khó khăn, kiến nghị của kế hoạch',
        params: Id,
        response: { 200: PlanConcerns },
      },
    },
    async (request) => planConcerns(app.db, requireUser(request), request.params.id),
  );

  r.get(
    '/api/provinces/:id/concerns',
    {
      schema: {
        tags: ['concerns'],
        summary: 'Khó khăn, kiến nghị của các xã trong tỉnh/thành phố',
        params: Id,
        response: { 200: ProvinceConcerns },
      },
    },
    async (request) => {
      if (!canViewProvince(requireUser(request), request.params.id))
        throw forbidden('Chỉ cán bộ cấp tỉnh/thành phố mới xem được tổng hợp này');
      return provinceConcerns(app.db, request.params.id);
    },
  );

  r.get(
    '/api/my/concerns',
    {
      schema: {
        tags: ['concerns'],
        summary: 'Khó khăn, kiến nghị đơn vị tôi đã nêu',
        response: { 200: MyConcerns },
      },
    },
    async (request) => myConcerns(app.db, requireUser(request)),
  );

  r.patch(
    '/api/concerns/:id',
    {
      schema: {
        tags: ['concerns'],
        summary: 'Phân công trả lời, hạn trả lời, nội dung trả lời, trạng thái',
        params: Id,
        body: ConcernChange,
        response: { 200: NewVersion },
      },
    },
    async (request) => ({
      version: await changeConcern(app.db, requireUser(request), request.params.id, request.body),
    }),
  );
}
