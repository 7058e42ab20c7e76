import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';

export function healthRoutes(app: FastifyInstance): void {
  app.get(
    '/api/health',
    { schema: { tags: ['system'], summary: 'Tình trạng hệ thống' } },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(app.db);
        return { status: 'ok', database: app.database.dialect };
      } catch {
        return reply.code(503).send({ status: 'error', database: app.database.dialect });
      }
    },
  );
}
