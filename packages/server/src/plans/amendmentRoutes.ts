import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../auth/plugin.ts';
import { assertCan, type Action } from '../access/policy.ts';
import { scopeOf } from '../access/scope.ts';
import { notFound } from '../http/errors.ts';
import { applyAmendment, earliestEffectiveDay } from './amendments.ts';
import { planRef } from './queries.ts';
import { AmendmentInput } from './amendmentInput.ts';
import { itemHistory, listAmendments } from './amendmentHistory.ts';
import { compareAmendingDocument } from './amendmentCompare.ts';
import { MAX_INPUT_BYTES } from '@tiendo/importer';
import {
  AmendmentComparison,
  AmendmentList,
  AppliedAmendment,
  ITEM_KINDS,
  ItemHistory,
} from '@tiendo/core';

// Amending a published plan: the list of its amendments, one amendment applied, an item's
// history, and an amending document read and compared with the plan in force.

const Id = z.object({ id: z.coerce.number().int().positive() });
const ItemParams = Id.extend({
  kind: z.enum(ITEM_KINDS),
  itemId: z.coerce.number().int().positive(),
});
const FileName = z
  .string()
  .min(1)
  .max(255)
  .regex(/\.(txt|docx|pdf)$/i, 'Chỉ nhận tệp .txt, .docx hoặc .pdf');

export function amendmentRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** The plan, once the signed-in user may do `action` on it. */
  const allowed = async (request: FastifyRequest, planId: number, action: Action) => {
    const user = requireUser(request);
    const plan = await planRef(app.db, planId);
    if (!plan) throw notFound('Không tìm thấy kế hoạch');
    assertCan(await scopeOf(app.db, user), action as 'plan.review', plan);
    return { user, communeId: plan.ownerId };
  };

  r.get(
    '/api/plans/:id/amendments',
    {
      schema: {
        tags: ['plans'],
        summary: 'Các lần điều chỉnh, bổ sung kế hoạch, theo thứ tự',
        params: Id,
        response: { 200: AmendmentList },
      },
    },
    async (request) => {
      await allowed(request, request.params.id, 'plan.read');
      const [amendments, earliest] = await Promise.all([
        listAmendments(app.db, request.params.id),
        earliestEffectiveDay(app.db, request.params.id),
      ]);
      return { amendments, earliestEffectiveOn: earliest.day };
    },
  );

  r.post(
    '/api/plans/:id/amendments',
    {
      schema: {
        tags: ['plans'],
        summary: 'Điều chỉnh kế hoạch đang thực hiện theo một văn bản (sửa, thêm, thôi theo dõi)',
        params: Id,
        body: AmendmentInput,
        response: { 201: AppliedAmendment },
      },
    },
    async (request, reply) => {
      const { user } = await allowed(request, request.params.id, 'plan.amend');
      const applied = await applyAmendment(app.db, request.params.id, request.body, user.id);
      return reply.code(201).send(applied);
    },
  );

  r.get(
    '/api/plans/:id/items/:kind/:itemId/history',
    {
      schema: {
        tags: ['plans'],
        summary: 'Lịch sử điều chỉnh của một nhiệm vụ hoặc chỉ tiêu',
        params: ItemParams,
        response: { 200: ItemHistory },
      },
    },
    async (request) => {
      const { id, kind, itemId } = request.params;
      await allowed(request, id, 'plan.read');
      return { versions: await itemHistory(app.db, id, kind, itemId) };
    },
  );

  r.post(
    '/api/plans/:id/amendments/compare',
    {
      bodyLimit: MAX_INPUT_BYTES,
      schema: {
        tags: ['plans'],
        summary:
          'Đọc văn bản điều chỉnh (.txt, .docx, .pdf) và so sánh với kế hoạch đang thực hiện',
        params: Id,
        querystring: z.object({ filename: FileName }),
        response: { 200: AmendmentComparison },
      },
    },
    async (request) => {
      const { user, communeId } = await allowed(request, request.params.id, 'plan.amend');
      const body = request.body;
      return compareAmendingDocument(app.db, {
        planId: request.params.id,
        communeId,
        filename: request.query.filename.replace(/[/\\]/g, '_'),
        bytes: Buffer.isBuffer(body) ? new Uint8Array(body) : new Uint8Array(),
        userId: user.id,
      });
    },
  );
}
