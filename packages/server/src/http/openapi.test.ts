import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase, type TestDatabase } from '../testing/databases.ts';
import { buildTestApp } from '../testing/app.ts';

// The HTTP API is documented from the same zod schemas that validate it.

describe('OpenAPI document', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await openTestDatabase('sqlite');
    app = await buildTestApp(database);
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  it('describes every API route, with Vietnamese summaries and request examples', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const documented = Object.entries(
      doc.paths as Record<string, Record<string, { summary?: string }>>,
    ).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect([...new Set(app.apiRoutes)].sort()).toEqual(expect.arrayContaining(documented.sort()));
    expect(documented.length).toBe(new Set(app.apiRoutes).size);
    const missingSummary = Object.values(
      doc.paths as Record<string, Record<string, { summary?: string }>>,
    )
      .flatMap((ops) => Object.values(ops))
      .filter((op) => !op.summary);
    expect(missingSummary).toEqual([]);
    const body =
      doc.paths['/api/reports/{id}/tasks/{itemId}'].put.requestBody.content['application/json']
        .schema;
    expect(JSON.stringify(body)).toContain('Đã tổ chức 2 hội nghị');
  });

  it('declares a 2xx response schema for every JSON route (files are listed as files)', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const missing = Object.entries(
      doc.paths as Record<
        string,
        Record<string, { responses?: Record<string, { content?: unknown }> }>
      >,
    ).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) =>
          Object.entries(op.responses ?? {}).every(([code, r]) => !/^2/.test(code) || !r.content),
        )
        .map(([method]) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(missing.filter((route) => !FILE_ROUTES.has(route))).toEqual([]);
  });
});

/** Downloads: a file, not JSON (.docx, .xlsx, .csv, an attachment, a whole export). */
const FILE_ROUTES = new Set([
  'GET /api/attachments/:id',
  'GET /api/periods/:id/report.docx',
  'GET /api/periods/:id/appendices.xlsx',
  'GET /api/periods/:id/upward.json',
  'GET /api/periods/:id/upward.csv',
  'GET /api/plans/:id/export.json',
  'GET /api/plans/:id/export.csv',
  'GET /api/plans/:id/review.docx',
  'GET /api/plans/:id/review.xlsx',
  'GET /api/reports/:id/template.xlsx',
]);
