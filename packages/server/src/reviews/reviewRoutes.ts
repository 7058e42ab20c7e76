import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PlanReview } from '@tiendo/core';
import { requireUser } from '../auth/plugin.ts';
import { assertCan } from '../access/policy.ts';
import { scopeOf } from '../access/scope.ts';
import { notFound } from '../http/errors.ts';
import { DOCX, sendFile, XLSX } from '../exports/download.ts';
import { planReview, type ReviewSpan } from './planReview.ts';
import { planRef } from '../plans/queries.ts';
import { reviewDocx } from './reviewDocx.ts';
import { reviewXlsx } from './reviewXlsx.ts';

// A plan's yearly review (?span=2026) and five-year review (?span=term): on screen (JSON), as
// the Decree 30 report (.docx) and as appendices (.xlsx).

const Params = z.object({ id: z.coerce.number().int().positive() });
const Query = z.object({
  span: z
    .string()
    .regex(/^(\d{4}|term)$/, 'Chọn một năm (ví dụ 2026) hoặc cả giai đoạn (term).')
    .default('term'),
});
const spanOf = (span: string): ReviewSpan =>
  span === 'term' ? { kind: 'term' } : { kind: 'year', year: Number(span) };

export function reviewRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const reviewable = async (request: FastifyRequest, planId: number) => {
    const user = requireUser(request);
    const plan = await planRef(app.db, planId);
    if (!plan || plan.status === 'draft') throw notFound('Không tìm thấy kế hoạch');
    assertCan(await scopeOf(app.db, user), 'plan.review', plan);
  };

  r.get(
    '/api/plans/:id/review',
    {
      schema: {
        tags: ['reviews'],
        summary: 'Sơ kết năm (?span=2026) hoặc tổng kết giai đoạn (?span=term) của kế hoạch',
        params: Params,
        querystring: Query,
        response: { 200: PlanReview },
      },
    },
    async (request) => {
      await reviewable(request, request.params.id);
      return planReview(app.db, request.params.id, spanOf(request.query.span));
    },
  );

  for (const [extension, type, render] of [
    ['docx', DOCX, reviewDocx],
    ['xlsx', XLSX, reviewXlsx],
  ] as const)
    r.get(
      `/api/plans/:id/review.${extension}`,
      {
        schema: {
          tags: ['reviews'],
          summary: `Báo cáo sơ kết, tổng kết kế hoạch (.${extension})`,
          params: Params,
          querystring: Query,
        },
      },
      async (request, reply) => {
        await reviewable(request, request.params.id);
        const review = await planReview(app.db, request.params.id, spanOf(request.query.span));
        const what = review.span.kind === 'year' ? 'sơ kết' : 'tổng kết';
        const name = `${what} ${review.span.label} - ${review.plan.communeName}`;
        const prefix = extension === 'xlsx' ? 'Phụ lục ' : 'Báo cáo ';
        return sendFile(reply, type, `${prefix}${name}.${extension}`, await render(review));
      },
    );
}
