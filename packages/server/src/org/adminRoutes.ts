import {
  AddedUser,
  CommuneAdmin,
  Done,
  NewVersion,
  Reorganised,
  SavedUnit,
  TemporaryPassword,
  UnitHistory,
} from '@tiendo/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../auth/plugin.ts';
import { ROLES } from '../auth/roles.ts';
import { notFound } from '../http/errors.ts';
import {
  addUser,
  assertCanAdminister,
  communeAdminView,
  resetPassword,
  saveUnit,
  updateUser,
} from './admin.ts';
import { Reorganisation, reorganise, setAdministrativeCode, unitHistory } from './succession.ts';
import { assertUnitReadable, communeById, parentOf } from './queries.ts';

const Id = z.object({ id: z.coerce.number().int().positive() });
const RoleInput = z.object({ role: z.enum(ROLES), scopeUnitId: z.number().int().positive() });
/** A role listed twice is granted once. */
const Roles = z
  .array(RoleInput)
  .max(10)
  .transform((roles) =>
    roles.filter(
      (r, i) => roles.findIndex((o) => o.role === r.role && o.scopeUnitId === r.scopeUnitId) === i,
    ),
  );
const UnitInput = z.object({
  name: z.string().trim().min(2).max(200),
  shortName: z.string().trim().max(50).nullable().default(null),
});
const email = z.string().trim().email('Thư điện tử không hợp lệ').max(200).nullable();

export function adminRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/admin/reorganisations',
    {
      schema: {
        tags: ['admin'],
        summary: 'Sáp nhập hoặc chia tách xã, đơn vị (giữ nguyên lịch sử báo cáo)',
        body: Reorganisation,
        response: { 200: Reorganised },
      },
    },
    async (request) => ({ created: await reorganise(app.db, requireUser(request), request.body) }),
  );

  r.put(
    '/api/admin/org-units/:id/code',
    {
      schema: {
        tags: ['admin'],
        summary: 'Mã đơn vị hành chính của tỉnh, xã (Quyết định 19/2025/QĐ-TTg)',
        params: Id,
        body: z.object({ code: z.string().trim().max(10).nullable() }),
        response: { 200: Done },
      },
    },
    async (request) => {
      const { id } = request.params;
      await setAdministrativeCode(app.db, requireUser(request), id, request.body.code || null);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/org/units/:id/history',
    {
      schema: {
        tags: ['admin'],
        summary: 'Lịch sử đơn vị: đơn vị tiền thân và đơn vị kế tiếp',
        params: Id,
        response: { 200: UnitHistory },
      },
    },
    async (request) => {
      await assertUnitReadable(app.db, requireUser(request), request.params.id);
      return unitHistory(app.db, request.params.id);
    },
  );

  const commune = async (id: number) => {
    const row = await communeById(app.db, id);
    if (!row) throw notFound('Không tìm thấy xã/phường');
    return row;
  };

  r.get(
    '/api/admin/communes/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Đơn vị và người dùng của xã',
        params: Id,
        response: { 200: CommuneAdmin },
      },
    },
    async (request) => {
      assertCanAdminister(requireUser(request), request.params.id);
      return {
        commune: await commune(request.params.id),
        ...(await communeAdminView(app.db, request.params.id)),
      };
    },
  );

  r.post(
    '/api/admin/communes/:id/units',
    {
      schema: {
        tags: ['admin'],
        summary: 'Thêm đơn vị',
        params: Id,
        body: UnitInput,
        response: { 201: SavedUnit },
      },
    },
    async (request, reply) => {
      await commune(request.params.id);
      const saved = await saveUnit(app.db, requireUser(request), request.params.id, request.body);
      return reply.code(201).send(saved);
    },
  );

  r.patch(
    '/api/admin/units/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Đổi tên đơn vị',
        params: Id,
        body: UnitInput.extend({ version: z.number().int().positive() }),
        response: { 200: SavedUnit },
      },
    },
    async (request) => {
      const communeId = await parentOf(app.db, request.params.id, 'unit');
      if (!communeId) throw notFound('Không tìm thấy đơn vị');
      return saveUnit(app.db, requireUser(request), communeId, {
        id: request.params.id,
        ...request.body,
      });
    },
  );

  r.post(
    '/api/admin/communes/:id/users',
    {
      schema: {
        tags: ['admin'],
        summary: 'Thêm người dùng (trả về mật khẩu tạm, phải đổi khi đăng nhập)',
        params: Id,
        body: z.object({
          username: z
            .string()
            .trim()
            .min(3)
            .max(60)
            .regex(/^[a-z0-9._-]+$/i, 'Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch'),
          displayName: z.string().trim().min(2).max(200),
          email: email.default(null),
          unitId: z.number().int().positive().nullable().default(null),
          roles: Roles.default([]),
        }),
        response: { 201: AddedUser },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      assertCanAdminister(user, request.params.id);
      return reply.code(201).send(await addUser(app.db, user, request.params.id, request.body));
    },
  );

  r.patch(
    '/api/admin/users/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Sửa người dùng, vai trò, khóa/mở tài khoản',
        params: Id,
        body: z.object({
          version: z.number().int().positive(),
          displayName: z.string().trim().min(2).max(200).optional(),
          email: email.optional(),
          unitId: z.number().int().positive().nullable().optional(),
          active: z.boolean().optional(),
          roles: Roles.optional(),
        }),
        response: { 200: NewVersion },
      },
    },
    async (request) => ({
      version: await updateUser(app.db, requireUser(request), request.params.id, request.body),
    }),
  );

  r.post(
    '/api/admin/users/:id/reset-password',
    {
      schema: {
        tags: ['admin'],
        summary: 'Đặt lại mật khẩu (mật khẩu tạm, đăng xuất mọi phiên)',
        params: Id,
        response: { 200: TemporaryPassword },
      },
    },
    async (request) => ({
      temporaryPassword: await resetPassword(app.db, requireUser(request), request.params.id),
    }),
  );
}
