import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../auth/plugin.ts';
import { roleScope } from '../access/scope.ts';
import { assertCan } from '../access/policy.ts';
import { forbidden } from '../http/errors.ts';
import {
  assertPlanReadable,
  canViewProvince,
  provincesViewedBy,
  readableCommuneIds,
} from '../org/queries.ts';
import { communeDashboard } from './communeDashboard.ts';
import { provinceRollup } from './provinceRollup.ts';
import { compareAcrossProvinces, nationalRollup } from './nationalRollup.ts';
import {
  CommuneDashboard,
  IndicatorAcrossProvinces,
  NationalRollup,
  PlanComplianceView,
  ProvinceComplianceView,
  ProvinceList,
  ProvinceRollup,
  TaskHistory,
} from '@tiendo/core';
import { taskHistory } from './itemHistory.ts';
import { planCompliance, provinceCompliance } from '../reports/compliance.ts';
import { todayInVietnam } from '../http/time.ts';
import { reportTextReader, withoutText } from '../reports/access.ts';

const Id = z.object({ id: z.coerce.number().int().positive() });

function assertProvinceViewer(request: FastifyRequest, provinceId: number): void {
  if (!canViewProvince(requireUser(request), provinceId))
    throw forbidden('Chỉ cán bộ cấp tỉnh/thành phố mới xem được tổng hợp này');
}

export function dashboardRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const readablePublishedPlan = (request: FastifyRequest, planId: number) =>
    assertPlanReadable(app.db, requireUser(request), planId, ['published']);

  r.get(
    '/api/plans/:id/dashboard',
    {
      schema: {
        tags: ['dashboards'],
        summary:
          'Bảng điều hành của xã: nhiệm vụ theo trạng thái, chỉ tiêu theo lộ trình, xếp hạng đơn vị',
        params: Id,
        querystring: z.object({
          periodId: z.coerce.number().int().positive().optional(),
          unitId: z.coerce.number().int().positive().optional(),
          appendix: z.string().max(100).optional(),
        }),
        response: { 200: CommuneDashboard },
      },
    },
    async (request) => {
      await readablePublishedPlan(request, request.params.id);
      return communeDashboard(app.db, request.params.id, request.query);
    },
  );

  r.get(
    '/api/plans/:id/compliance',
    {
      schema: {
        tags: ['dashboards'],
        summary: 'Tỷ lệ báo cáo đầy đủ và đúng hạn của từng đơn vị',
        params: Id,
        response: { 200: PlanComplianceView },
      },
    },
    async (request) => {
      await readablePublishedPlan(request, request.params.id);
      return planCompliance(app.db, request.params.id, todayInVietnam());
    },
  );

  r.get(
    '/api/provinces/:id/compliance',
    {
      schema: {
        tags: ['dashboards'],
        summary: 'Tỷ lệ báo cáo đầy đủ và đúng hạn của từng xã',
        params: Id,
        response: { 200: ProvinceComplianceView },
      },
    },
    async (request) => {
      assertProvinceViewer(request, request.params.id);
      return provinceCompliance(app.db, request.params.id, todayInVietnam());
    },
  );

  r.get(
    '/api/provinces',
    {
      schema: {
        tags: ['dashboards'],
        summary: 'Các tỉnh/thành phố người dùng được xem tổng hợp',
        response: { 200: ProvinceList },
      },
    },
    async (request) => provincesViewedBy(app.db, requireUser(request)),
  );

  r.get(
    '/api/provinces/:id/rollup',
    {
      schema: {
        tags: ['dashboards'],
        summary: 'Tổng hợp cấp tỉnh: xã chưa báo cáo, tỷ lệ hoàn thành, đúng hạn, xếp hạng',
        params: Id,
        querystring: z.object({ label: z.string().max(200).optional() }),
        response: { 200: ProvinceRollup },
      },
    },
    async (request) => {
      assertProvinceViewer(request, request.params.id);
      return provinceRollup(app.db, request.params.id, request.query.label);
    },
  );

  r.get(
    '/api/national/rollup',
    {
      schema: {
        tags: ['dashboards'],
        summary:
          'Tổng hợp toàn quốc: mức độ đầy đủ, đúng hạn của báo cáo và tỷ lệ hoàn thành nhiệm vụ theo tỉnh',
        querystring: z.object({ label: z.string().max(200).optional() }),
        response: { 200: NationalRollup },
      },
    },
    async (request) => {
      assertCan(roleScope(requireUser(request)), 'nation.view', {});
      return nationalRollup(app.db, request.query.label);
    },
  );

  r.get(
    '/api/national/catalogue/:id',
    {
      schema: {
        tags: ['dashboards'],
        summary: 'Một chỉ tiêu trong danh mục dùng chung, so sánh giữa các tỉnh',
        params: Id,
        querystring: z.object({ label: z.string().max(200).optional() }),
        response: { 200: IndicatorAcrossProvinces },
      },
    },
    async (request) => {
      assertCan(roleScope(requireUser(request)), 'nation.view', {});
      return compareAcrossProvinces(app.db, request.params.id, request.query.label);
    },
  );

  r.get(
    '/api/tasks/:id/history',
    {
      schema: {
        tags: ['dashboards'],
        summary: 'Một nhiệm vụ và các lần báo cáo qua các kỳ',
        params: Id,
        response: { 200: TaskHistory },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const history = await taskHistory(app.db, request.params.id);
      const communes = await readableCommuneIds(app.db, user);
      if (communes !== 'all' && !communes.includes(history.task.communeId))
        throw forbidden('Bạn không có quyền xem nhiệm vụ này');
      // Every reader sees each unit's status and progress; the words, only those who may.
      const readsText = await reportTextReader(app.db, user, history.task.planId);
      const task = { kind: 'task' as const, id: history.task.id };
      return {
        ...history,
        updates: history.updates.map(({ unitId, ...update }) =>
          readsText({ unitId, status: update.reportStatus }, task)
            ? update
            : withoutText(update, ['results', 'evidence', 'difficulties'] as const),
        ),
      };
    },
  );
}
