import { NarrativeView, NewVersion, TemplateApplied } from '@tiendo/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../auth/plugin.ts';
import { assertCan } from '../access/policy.ts';
import { roleScope } from '../access/scope.ts';
import { notFound } from '../http/errors.ts';
import { assertPlanReadable } from '../org/queries.ts';
import { UPWARD_SCHEMA, upwardExport, upwardExportCsv, type UpwardExport } from './upwardExport.ts';
import { periodSummary } from './periodSummary.ts';
import { sendDownload, sendFile } from './download.ts';
import { periodAppendicesFile, periodReportFile, reportTemplateFile } from './periodFiles.ts';
import { loadNarrative, Narrative, saveNarrative } from './narrative.ts';
import { planExport, planExportCsv } from './planExport.ts';
import { parseReportTemplate } from './reportTemplate.ts';
import { applyReportTemplate } from './applyTemplate.ts';
import { reportTextReader, writableReport } from '../reports/access.ts';
import { periodPlan } from '../reports/periods.ts';
import { badRequest } from '../http/errors.ts';
import { assertZipWithin, ImportError } from '@tiendo/importer';

/** A filled-in template is a few hundred kilobytes inflated; refuse anything near a bomb. */
async function guardZip(bytes: Uint8Array) {
  try {
    await assertZipWithin(bytes, 60 * 1024 * 1024);
  } catch (error) {
    if (error instanceof ImportError) throw badRequest(error.message);
    throw error;
  }
}

const Id = z.object({ id: z.coerce.number().int().positive() });

export function exportRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** The period's commune; the focal officer and admin manage its outputs, the leader reads. */
  const periodAccess = async (request: FastifyRequest, periodId: number, write: boolean) => {
    const user = requireUser(request);
    const row = await periodPlan(app.db, periodId);
    if (!row) throw notFound('Không tìm thấy kỳ báo cáo');
    const period = { communeId: row.commune_id, provinceId: null };
    assertCan(roleScope(user), write ? 'period.writeOutputs' : 'period.readOutputs', period);
    return user;
  };

  r.get(
    '/api/periods/:id/narrative',
    {
      schema: {
        tags: ['exports'],
        summary: 'Phần lời của báo cáo tổng hợp (để sửa trước khi xuất)',
        params: Id,
        response: { 200: NarrativeView },
      },
    },
    async (request) => {
      await periodAccess(request, request.params.id, false);
      return loadNarrative(app.db, await periodSummary(app.db, request.params.id));
    },
  );

  r.put(
    '/api/periods/:id/narrative',
    {
      schema: {
        tags: ['exports'],
        summary: 'Lưu phần lời của báo cáo tổng hợp',
        params: Id,
        body: z.object({ version: z.number().int().min(0), narrative: Narrative }),
        response: { 200: NewVersion },
      },
    },
    async (request) => {
      const user = await periodAccess(request, request.params.id, true);
      const { version, narrative } = request.body;
      return {
        version: await saveNarrative(app.db, request.params.id, version, narrative, user.id),
      };
    },
  );

  /** The commune's managers and leaders, and the province above (which ingests it). */
  const upwardAccess = async (request: FastifyRequest, periodId: number) => {
    const user = requireUser(request);
    const row = await periodPlan(app.db, periodId);
    if (!row) throw notFound('Không tìm thấy kỳ báo cáo');
    const period = { communeId: row.commune_id, provinceId: row.province_id };
    assertCan(roleScope(user), 'period.readUpward', period);
  };

  const UPWARD_FORMATS = {
    json: {
      label: 'JSON',
      type: 'application/json; charset=utf-8',
      render: (data: UpwardExport) => JSON.stringify(data, null, 2),
    },
    csv: { label: 'CSV UTF-8', type: 'text/csv; charset=utf-8', render: upwardExportCsv },
  };
  for (const [extension, format] of Object.entries(UPWARD_FORMATS))
    r.get(
      `/api/periods/:id/upward.${extension}`,
      {
        schema: {
          tags: ['exports'],
          summary: `Tiến độ kỳ báo cáo cho hệ thống cấp trên (${format.label}, ${UPWARD_SCHEMA}, có mã đơn vị hành chính)`,
          params: Id,
        },
      },
      async (request, reply) => {
        await upwardAccess(request, request.params.id);
        const data = await upwardExport(app.db, request.params.id);
        const name = `tien-do-${data.commune.code ?? data.commune.name}-${data.period.label}`;
        return sendFile(reply, format.type, `${name}.${extension}`, format.render(data));
      },
    );

  r.get(
    '/api/periods/:id/report.docx',
    {
      schema: {
        tags: ['exports'],
        summary: 'Báo cáo tổng hợp kỳ (.docx, thể thức Nghị định 30/2020)',
        params: Id,
      },
    },
    async (request, reply) => {
      await periodAccess(request, request.params.id, false);
      return sendDownload(reply, await periodReportFile(app.db, request.params.id));
    },
  );

  r.get(
    '/api/periods/:id/appendices.xlsx',
    {
      schema: {
        tags: ['exports'],
        summary: 'Phụ lục chỉ tiêu và nhiệm vụ của kỳ (.xlsx)',
        params: Id,
      },
    },
    async (request, reply) => {
      await periodAccess(request, request.params.id, false);
      return sendDownload(reply, await periodAppendicesFile(app.db, request.params.id));
    },
  );

  const readablePlan = (request: FastifyRequest, planId: number) =>
    assertPlanReadable(app.db, requireUser(request), planId, ['published', 'archived']);

  r.get(
    '/api/plans/:id/export.json',
    {
      schema: {
        tags: ['exports'],
        summary: 'Kế hoạch và các báo cáo đã gửi/duyệt (JSON)',
        params: Id,
      },
    },
    async (request, reply) => {
      await readablePlan(request, request.params.id);
      const readsText = await reportTextReader(app.db, requireUser(request), request.params.id);
      const data = await planExport(app.db, request.params.id, readsText);
      return sendFile(
        reply,
        'application/json; charset=utf-8',
        `ke-hoach-${request.params.id}.json`,
        JSON.stringify(data, null, 2),
      );
    },
  );

  r.get(
    '/api/plans/:id/export.csv',
    {
      schema: {
        tags: ['exports'],
        summary: 'Tiến độ từng nhiệm vụ, chỉ tiêu theo kỳ (CSV, UTF-8)',
        params: Id,
      },
    },
    async (request, reply) => {
      await readablePlan(request, request.params.id);
      const readsText = await reportTextReader(app.db, requireUser(request), request.params.id);
      const csv = await planExportCsv(app.db, request.params.id, readsText);
      return sendFile(reply, 'text/csv; charset=utf-8', `ke-hoach-${request.params.id}.csv`, csv);
    },
  );

  r.get(
    '/api/reports/:id/template.xlsx',
    {
      schema: {
        tags: ['exports'],
        summary: 'Mẫu Excel để đơn vị điền báo cáo ngoại tuyến',
        params: Id,
      },
    },
    async (request, reply) => {
      await writableReport(app.db, requireUser(request), request.params.id);
      return sendDownload(reply, await reportTemplateFile(app.db, request.params.id));
    },
  );

  r.post(
    '/api/reports/:id/template',
    {
      bodyLimit: 10 * 1024 * 1024,
      schema: {
        tags: ['exports'],
        summary: 'Tải lên mẫu Excel đã điền: kiểm tra từng ô, áp dụng tất cả hoặc không gì cả',
        params: Id,
        response: { 200: TemplateApplied },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const context = await writableReport(app.db, user, request.params.id);
      if (!Buffer.isBuffer(request.body) || request.body.byteLength === 0)
        throw badRequest('Chưa có nội dung tệp tải lên.');
      const bytes = new Uint8Array(request.body);
      await guardZip(bytes);
      const parsed = await parseReportTemplate(bytes, request.params.id);
      return applyReportTemplate(app.db, context, parsed, user.id);
    },
  );
}
