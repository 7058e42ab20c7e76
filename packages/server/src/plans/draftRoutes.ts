import { AuditTrail, Done, DraftReview, ImportedPlan, NewVersion, PlanOwners } from '@tiendo/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ColumnRole, PlanDraft } from '@tiendo/core';
import { MAX_INPUT_BYTES } from '@tiendo/importer';
import { requireUser } from '../auth/plugin.ts';
import { auditTrail } from '../audit/log.ts';
import {
  canManageCommune,
  isPlanOwner,
  managedCommuneIds,
  planOwners,
  visiblePlan,
} from '../org/queries.ts';
import { planRef } from './queries.ts';
import { badRequest, forbidden, notFound } from '../http/errors.ts';
import {
  importChecks,
  importDraft,
  loadDraft,
  publishDraft,
  reimportDraft,
  saveDraft,
  setColumnRoles,
  unitProposalDoubts,
  unitProposals,
} from './drafts.ts';

// Import → review → publish. Documents are sent as the raw request body
// (Content-Type: application/octet-stream) with the file name in the query string.

const Id = z.object({ id: z.coerce.number().int().positive() });
const FileName = z
  .string()
  .min(1)
  .max(255)
  .regex(/\.(txt|docx|pdf)$/i, 'Chỉ nhận tệp .txt, .docx hoặc .pdf');
const Version = z.coerce.number().int().positive();
/** A reviewed draft as saved: its title may not be emptied. */
const SavedDraft = PlanDraft.refine((d) => d.plan.title.trim() !== '', {
  message: 'Tên kế hoạch không được để trống.',
  path: ['plan', 'title'],
});

function uploadOf(request: FastifyRequest, filename: string) {
  const body = request.body;
  if (!Buffer.isBuffer(body) || body.byteLength === 0)
    throw badRequest('Chưa có nội dung tệp tải lên.');
  return { filename: filename.replace(/[/\\]/g, '_'), bytes: new Uint8Array(body) };
}

export function draftRoutes(app: FastifyInstance): void {
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: MAX_INPUT_BYTES },
    (_req, body, done) => done(null, body),
  );
  const r = app.withTypeProvider<ZodTypeProvider>();

  const managedPlan = async (request: FastifyRequest, planId: number) => {
    const user = requireUser(request);
    const plan = await planRef(app.db, planId);
    if (!plan) throw notFound('Không tìm thấy kế hoạch');
    if (!canManageCommune(user, plan.ownerId))
      throw forbidden('Chỉ cán bộ đầu mối của xã mới sửa được kế hoạch này');
    return user;
  };

  r.get(
    '/api/communes/managed',
    {
      schema: {
        tags: ['plans'],
        summary: 'Các xã/phường (và tỉnh/thành phố) người dùng được nhập kế hoạch',
        response: {
          200: PlanOwners,
        },
      },
    },
    async (request) => {
      return planOwners(app.db, managedCommuneIds(requireUser(request)));
    },
  );

  r.post(
    '/api/plans/import',
    {
      bodyLimit: MAX_INPUT_BYTES,
      schema: {
        tags: ['plans'],
        summary: 'Nhập kế hoạch từ tệp (.txt, .docx, .pdf) thành bản nháp',
        querystring: z.object({
          communeId: z.coerce.number().int().positive(),
          filename: FileName,
        }),
        response: { 201: ImportedPlan },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      if (!canManageCommune(user, request.query.communeId))
        throw forbidden('Chỉ cán bộ đầu mối của xã mới nhập được kế hoạch');
      // A role may point at a unit that is gone (or an admin at a wrong id): nothing to import into.
      if (!(await isPlanOwner(app.db, request.query.communeId)))
        throw notFound('Không tìm thấy xã/phường');
      const planId = await importDraft(
        app.db,
        request.query.communeId,
        uploadOf(request, request.query.filename),
        user.id,
      );
      return reply.code(201).send({ planId });
    },
  );

  r.get(
    '/api/plans/:id/draft',
    {
      schema: {
        tags: ['plans'],
        summary: 'Bản nháp kế hoạch để rà soát',
        params: Id,
        response: { 200: DraftReview },
      },
    },
    async (request) => {
      await managedPlan(request, request.params.id);
      const { plan, envelope } = await loadDraft(app.db, request.params.id);
      const proposals = await unitProposals(app.db, plan.commune_id, envelope.edited);
      return {
        planId: plan.id,
        communeId: plan.commune_id,
        version: plan.version,
        draft: envelope.edited,
        warnings: envelope.imported.warnings ?? [],
        sourceLines: envelope.sourceLines,
        unitProposals: proposals,
        /** Proposals left unticked, with why (a broken line, close to an existing unit). */
        unitDoubts: await unitProposalDoubts(app.db, plan.commune_id, proposals),
        ...(await importChecks(app.db, plan.commune_id, envelope.edited)),
      };
    },
  );

  r.put(
    '/api/plans/:id/draft/columns',
    {
      schema: {
        tags: ['plans'],
        summary: 'Đặt vai trò các cột của một bảng và đọc lại tệp gốc (giữ các sửa tay)',
        params: Id,
        body: z.object({
          version: Version,
          table: z.number().int().min(0).max(200),
          roles: z.array(ColumnRole.nullable()).max(64),
        }),
        response: { 200: NewVersion },
      },
    },
    async (request) => {
      const user = await managedPlan(request, request.params.id);
      const { version, table, roles } = request.body;
      return {
        version: await setColumnRoles(
          app.db,
          request.params.id,
          version,
          { table, roles },
          user.id,
        ),
      };
    },
  );

  r.put(
    '/api/plans/:id/draft',
    {
      schema: {
        tags: ['plans'],
        summary: 'Lưu bản nháp đã rà soát',
        params: Id,
        body: z.object({ version: Version, draft: SavedDraft }),
        response: { 200: NewVersion },
      },
    },
    async (request) => {
      const user = await managedPlan(request, request.params.id);
      return {
        version: await saveDraft(
          app.db,
          request.params.id,
          request.body.version,
          request.body.draft,
          user.id,
        ),
      };
    },
  );

  r.post(
    '/api/plans/:id/reimport',
    {
      bodyLimit: MAX_INPUT_BYTES,
      schema: {
        tags: ['plans'],
        summary: 'Nhập lại tài liệu đã sửa, giữ các chỉnh sửa khi rà soát',
        params: Id,
        querystring: z.object({ filename: FileName, version: Version }),
        response: { 200: NewVersion },
      },
    },
    async (request) => {
      const user = await managedPlan(request, request.params.id);
      const upload = uploadOf(request, request.query.filename);
      return {
        version: await reimportDraft(
          app.db,
          request.params.id,
          request.query.version,
          upload,
          user.id,
        ),
      };
    },
  );

  r.post(
    '/api/plans/:id/publish',
    {
      schema: {
        tags: ['plans'],
        summary: 'Ban hành kế hoạch (tạo các đơn vị được xác nhận)',
        params: Id,
        body: z.object({
          version: Version,
          createUnits: z.array(z.string().min(1).max(200)).max(100).default([]),
          /** Publish although cells are still flagged for checking (the count is named). */
          acceptDoubts: z.boolean().default(false),
          /** Publish although the document names another place than the commune. */
          acceptLocality: z.boolean().default(false),
        }),
        response: { 200: Done },
      },
    },
    async (request) => {
      const user = await managedPlan(request, request.params.id);
      await publishDraft(
        app.db,
        request.params.id,
        request.body.version,
        request.body.createUnits,
        user.id,
        { acceptDoubts: request.body.acceptDoubts, acceptLocality: request.body.acceptLocality },
      );
      return { ok: true as const };
    },
  );

  r.get(
    '/api/plans/:id/audit',
    {
      schema: {
        tags: ['plans'],
        summary: 'Nhật ký thay đổi của kế hoạch',
        params: Id,
        response: { 200: AuditTrail },
      },
    },
    async (request) => {
      await visiblePlan(app.db, requireUser(request), request.params.id);
      return auditTrail(app.db, 'plan', request.params.id);
    },
  );
}
