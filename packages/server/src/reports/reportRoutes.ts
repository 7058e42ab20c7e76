import { AuditTrail, Created, Done, NewVersion, ReportDetail } from '@tiendo/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../auth/plugin.ts';
import { badRequest } from '../http/errors.ts';
import {
  canReviewReports,
  canWriteUnitReport,
  readableReport,
  reviewableReport,
  writableReport,
} from './access.ts';
import { loadReport } from './reportView.ts';
import {
  IndicatorValueInput,
  saveIndicatorValue,
  savedBy,
  saveTaskUpdate,
  TaskUpdateInput,
} from './itemUpdates.ts';
import {
  approveReport,
  reopenReport,
  returnReport,
  ReturnInput,
  submitReport,
} from './reviewFlow.ts';
import {
  addAttachment,
  attachmentOf,
  MAX_ATTACHMENT_BYTES,
  removeAttachment,
} from './attachments.ts';
import { reportAudit } from './reportAudit.ts';

const Id = z.object({ id: z.coerce.number().int().positive() });
const ItemParams = z.object({
  id: z.coerce.number().int().positive(),
  itemId: z.coerce.number().int().positive(),
});
const Version = z.object({ version: z.number().int().positive() });
const FlowResult = z.object({ version: z.number(), status: z.string() });

export function reportRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/reports/:id',
    {
      schema: {
        tags: ['reports'],
        summary: 'Báo cáo của đơn vị trong kỳ',
        params: Id,
        response: { 200: ReportDetail },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const context = await readableReport(app.db, user, request.params.id);
      const permissions = {
        write: canWriteUnitReport(user, context.unitId),
        review: canReviewReports(user, context.communeId),
      };
      return { ...(await loadReport(app.db, request.params.id)), permissions };
    },
  );

  r.put(
    '/api/reports/:id/tasks/:itemId',
    {
      schema: {
        tags: ['reports'],
        summary: 'Cập nhật tiến độ một nhiệm vụ (lưu nháp tự động)',
        params: ItemParams,
        body: TaskUpdateInput,
        response: { 200: NewVersion },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { id, itemId } = request.params;
      const target = savedBy(user, id);
      return { version: await saveTaskUpdate(app.db, target, itemId, request.body, user.id) };
    },
  );

  r.put(
    '/api/reports/:id/indicators/:itemId',
    {
      schema: {
        tags: ['reports'],
        summary: 'Cập nhật số liệu một chỉ tiêu',
        params: ItemParams,
        body: IndicatorValueInput,
        response: { 200: NewVersion },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { id, itemId } = request.params;
      const target = savedBy(user, id);
      return { version: await saveIndicatorValue(app.db, target, itemId, request.body, user.id) };
    },
  );

  r.post(
    '/api/reports/:id/submit',
    {
      schema: {
        tags: ['reports'],
        summary: 'Gửi báo cáo (gửi lại lần nữa không tạo gì thêm)',
        params: Id,
        body: Version,
        response: { 200: FlowResult },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const context = await writableReport(app.db, user, request.params.id);
      return submitReport(app.db, context, request.body.version, user.id, app.outbox);
    },
  );

  r.post(
    '/api/reports/:id/return',
    {
      schema: {
        tags: ['reports'],
        summary: 'Trả lại báo cáo kèm ý kiến từng mục',
        params: Id,
        body: ReturnInput,
        response: { 200: FlowResult },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const context = await reviewableReport(app.db, user, request.params.id);
      return returnReport(app.db, context, request.body, user.id, app.outbox);
    },
  );

  r.post(
    '/api/reports/:id/approve',
    {
      schema: {
        tags: ['reports'],
        summary: 'Duyệt báo cáo',
        params: Id,
        body: Version.extend({ comment: z.string().trim().max(5_000).nullable().default(null) }),
        response: { 200: FlowResult },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const context = await reviewableReport(app.db, user, request.params.id);
      const { version, comment } = request.body;
      return approveReport(app.db, context, version, comment, user.id, app.outbox);
    },
  );

  r.post(
    '/api/reports/:id/reopen',
    {
      schema: {
        tags: ['reports'],
        summary: 'Mở lại báo cáo đã duyệt (ghi lý do)',
        params: Id,
        body: Version.extend({ reason: z.string().trim().min(1, 'Cần ghi lý do').max(2_000) }),
        response: { 200: FlowResult },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const context = await reviewableReport(app.db, user, request.params.id);
      const { version, reason } = request.body;
      return reopenReport(app.db, context, version, reason, user.id, app.outbox);
    },
  );

  r.post(
    '/api/reports/:id/tasks/:itemId/attachments',
    {
      bodyLimit: MAX_ATTACHMENT_BYTES + 1,
      schema: {
        tags: ['reports'],
        summary: 'Đính kèm tệp minh chứng (thân yêu cầu là nội dung tệp)',
        params: ItemParams,
        querystring: z.object({ filename: z.string().min(1).max(255) }),
        response: { 201: Created },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const context = await writableReport(app.db, user, request.params.id);
      if (!Buffer.isBuffer(request.body)) throw badRequest('Chưa có nội dung tệp tải lên.');
      const id = await addAttachment(
        app.db,
        context,
        request.params.itemId,
        { filename: request.query.filename, bytes: new Uint8Array(request.body) },
        user.id,
      );
      return reply.code(201).send({ id });
    },
  );

  r.get(
    '/api/attachments/:id',
    { schema: { tags: ['reports'], summary: 'Tải tệp minh chứng', params: Id } },
    async (request, reply) => {
      const file = await attachmentOf(app.db, request.params.id);
      await readableReport(app.db, requireUser(request), file.report_id);
      return reply
        .header('content-type', file.mime)
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        )
        .send(Buffer.from(file.content));
    },
  );

  r.delete(
    '/api/attachments/:id',
    {
      schema: {
        tags: ['reports'],
        summary: 'Gỡ tệp minh chứng',
        params: Id,
        response: { 200: Done },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const file = await attachmentOf(app.db, request.params.id);
      const context = await writableReport(app.db, user, file.report_id);
      await removeAttachment(app.db, context, file.id, user.id);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/reports/:id/audit',
    {
      schema: {
        tags: ['reports'],
        summary: 'Nhật ký báo cáo và từng mục',
        params: Id,
        response: { 200: AuditTrail },
      },
    },
    async (request) => {
      await readableReport(app.db, requireUser(request), request.params.id);
      return reportAudit(app.db, request.params.id);
    },
  );
}
