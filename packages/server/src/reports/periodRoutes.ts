import {
  Created,
  MyReportRow,
  NewVersion,
  OpenedReport,
  PeriodOverview,
  PeriodsCreated,
  PeriodView,
} from '@tiendo/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { IsoDay } from '@tiendo/core';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../auth/plugin.ts';
import { assertCan, can } from '../access/policy.ts';
import { roleScope } from '../access/scope.ts';
import { badRequest, forbidden, notFound } from '../http/errors.ts';
import { parentOf, visiblePlan } from '../org/queries.ts';
import { canReviewReports, canWriteUnitReport } from './access.ts';
import {
  addAdhocPeriod,
  changePeriod,
  generatePeriods,
  listPeriods,
  periodPlan,
  planOf,
  presentPeriod,
} from './periods.ts';
import { openReport } from './reportView.ts';
import { unlockForUnit } from './periodLocks.ts';
import { myReports, periodOverview } from './overview.ts';

const Id = z.object({ id: z.coerce.number().int().positive() });
const Day = IsoDay;
const MAX_GENERATE_YEARS = 10;

export function periodRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const periodCommune = async (periodId: number) => {
    const row = await periodPlan(app.db, periodId);
    if (!row) throw notFound('Không tìm thấy kỳ báo cáo');
    return row;
  };
  const unitOfCommune = async (unitId: number, communeId: number) => {
    if ((await parentOf(app.db, unitId)) !== communeId)
      throw forbidden('Đơn vị không thuộc xã của kế hoạch');
  };
  const managerOf = async (request: FastifyRequest, communeId: number) => {
    const user = requireUser(request);
    if (!canReviewReports(user, communeId))
      throw forbidden('Chỉ cán bộ đầu mối của xã mới quản lý được kỳ báo cáo');
    return user;
  };

  r.get(
    '/api/plans/:id/periods',
    {
      schema: {
        tags: ['periods'],
        summary: 'Các kỳ báo cáo của kế hoạch',
        params: Id,
        response: { 200: z.array(PeriodView) },
      },
    },
    async (request) => {
      const plan = await visiblePlan(app.db, requireUser(request), request.params.id);
      return (await listPeriods(app.db, plan.id)).map(presentPeriod);
    },
  );

  r.post(
    '/api/plans/:id/periods/generate',
    {
      schema: {
        tags: ['periods'],
        summary: 'Tạo các kỳ báo cáo theo chế độ báo cáo của kế hoạch (Nghị định 09/2019)',
        params: Id,
        body: z.object({ from: Day, to: Day }),
        response: { 200: PeriodsCreated },
      },
    },
    async (request) => {
      const plan = await planOf(app.db, request.params.id);
      const user = await managerOf(request, plan.commune_id);
      const { from, to } = request.body;
      // A plan runs a few years; a wider range is a typo that would flood the period list.
      if (to < from || Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > MAX_GENERATE_YEARS)
        throw badRequest(
          `Chỉ tạo kỳ báo cáo cho tối đa ${MAX_GENERATE_YEARS} năm một lần, từ ngày trước đến ngày sau.`,
        );
      return { created: await generatePeriods(app.db, plan.id, from, to, user.id) };
    },
  );

  r.post(
    '/api/plans/:id/periods',
    {
      schema: {
        tags: ['periods'],
        summary: 'Thêm kỳ báo cáo đột xuất',
        params: Id,
        body: z.object({
          label: z.string().trim().min(1).max(200),
          windowStart: Day,
          windowEnd: Day,
          dueDate: Day,
        }),
        response: { 201: Created },
      },
    },
    async (request, reply) => {
      const plan = await planOf(app.db, request.params.id);
      const user = await managerOf(request, plan.commune_id);
      const id = await addAdhocPeriod(app.db, plan.id, request.body, user.id);
      return reply.code(201).send({ id });
    },
  );

  r.patch(
    '/api/periods/:id',
    {
      schema: {
        tags: ['periods'],
        summary: 'Đặt hạn nộp, mở, đóng, khóa kỳ báo cáo',
        params: Id,
        body: z.object({
          version: z.number().int().positive(),
          dueDate: Day.optional(),
          status: z.enum(['open', 'closed', 'locked']).optional(),
          lockAfterDays: z.number().int().min(0).max(365).nullable().optional(),
        }),
        response: { 200: NewVersion },
      },
    },
    async (request) => {
      const { commune_id, plan_status } = await periodCommune(request.params.id);
      const user = await managerOf(request, commune_id);
      // An archived plan is read-only (plans/lifecycle.ts): its periods stay as they are.
      if (plan_status === 'archived') throw badRequest('Kế hoạch đã lưu trữ: chỉ để xem.');
      return {
        version: await changePeriod(app.db, request.params.id, request.body, user.id, app.outbox),
      };
    },
  );

  r.get(
    '/api/periods/:id/reports',
    {
      schema: {
        tags: ['periods'],
        summary: 'Tình hình nộp báo cáo của các đơn vị trong kỳ',
        params: Id,
        response: { 200: PeriodOverview },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { commune_id } = await periodCommune(request.params.id);
      // Who has reported: the commune's oversight (focal officer, leaders).
      const scope = roleScope(user);
      const period = { communeId: commune_id, provinceId: null };
      assertCan(scope, 'period.readOutputs', period);
      const overview = await periodOverview(app.db, request.params.id);
      return { ...overview, permissions: { manage: can(scope, 'period.writeOutputs', period) } };
    },
  );

  r.post(
    '/api/periods/:id/units/:unitId/unlock',
    {
      schema: {
        tags: ['periods'],
        summary: 'Mở lại kỳ đã đóng/khóa cho một đơn vị (ghi lý do)',
        params: z.object({
          id: z.coerce.number().int().positive(),
          unitId: z.coerce.number().int().positive(),
        }),
        body: z.object({ reason: z.string().trim().min(1, 'Cần ghi lý do mở lại').max(2_000) }),
        response: { 200: OpenedReport },
      },
    },
    async (request) => {
      const { commune_id } = await periodCommune(request.params.id);
      const user = await managerOf(request, commune_id);
      await unitOfCommune(request.params.unitId, commune_id);
      const { id, unitId } = request.params;
      return { reportId: await unlockForUnit(app.db, id, unitId, request.body.reason, user.id) };
    },
  );

  r.get(
    '/api/my/reports',
    {
      schema: {
        tags: ['reports'],
        summary: 'Các kỳ báo cáo của đơn vị tôi',
        response: { 200: z.array(MyReportRow) },
      },
    },
    async (request) => myReports(app.db, requireUser(request)),
  );

  r.post(
    '/api/periods/:id/units/:unitId/report',
    {
      schema: {
        tags: ['reports'],
        summary: 'Mở báo cáo của đơn vị cho kỳ (tạo bản nháp nếu chưa có)',
        params: z.object({
          id: z.coerce.number().int().positive(),
          unitId: z.coerce.number().int().positive(),
        }),
        response: { 200: OpenedReport },
      },
    },
    async (request) => {
      const user = requireUser(request);
      if (!canWriteUnitReport(user, request.params.unitId))
        throw forbidden('Chỉ người báo cáo của đơn vị mới lập được báo cáo này');
      const { commune_id } = await periodCommune(request.params.id);
      await unitOfCommune(request.params.unitId, commune_id);
      return { reportId: await openReport(app.db, request.params.id, request.params.unitId) };
    },
  );
}
