import { PublicCommune, PublicCommunes } from '@tiendo/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicCommune, publicCommunes } from './publicData.ts';
import { renderCommune, renderCommuneList } from './publicPage.ts';

const Id = z.object({ id: z.coerce.number().int().positive() });

/** No login: the public page (HTML) and the same data as JSON. Cached briefly by proxies. */
export function publicRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const html = 'text/html; charset=utf-8';
  r.get('/cong-khai', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type(html)
      .header('cache-control', 'public, max-age=300')
      .send(renderCommuneList(await publicCommunes(app.db))),
  );
  r.get('/cong-khai/:id', { schema: { hide: true, params: Id } }, async (request, reply) =>
    reply
      .type(html)
      .header('cache-control', 'public, max-age=300')
      .send(renderCommune(await publicCommune(app.db, request.params.id))),
  );
  r.get(
    '/api/public/communes',
    {
      schema: {
        tags: ['public'],
        summary: 'Các xã, phường đã công bố kế hoạch (không cần đăng nhập)',
        response: { 200: PublicCommunes },
      },
    },
    async () => publicCommunes(app.db),
  );
  r.get(
    '/api/public/communes/:id',
    {
      schema: {
        tags: ['public'],
        summary: 'Kế hoạch và tiến độ đã duyệt của một xã, phường (không cần đăng nhập)',
        params: Id,
        response: { 200: PublicCommune },
      },
    },
    async (request) => publicCommune(app.db, request.params.id),
  );
}
