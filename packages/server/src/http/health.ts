import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Health, HealthDown } from '@tiendo/core';

export function healthRoutes(app: FastifyInstance): void {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Tình trạng hệ thống',
        response: { 200: Health, 503: HealthDown },
      },
    },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(app.db);
        return { status: 'ok' as const, database: app.database.dialect };
      } catch {
        return reply.code(503).send({ status: 'error' as const, database: app.database.dialect });
      }
    },
  );
}
