import Fastify from 'fastify';
import { sql } from 'kysely';
import { openDatabase } from '../../packages/server/src/db/dialect.ts';
import { findSessionUser, SESSION_COOKIE } from '../../packages/server/src/auth/sessions.ts';

// The fair floor for bench/load/surge.ts: a bare Fastify handler doing the database work every
// save must do at the least — read the caller's session (the app's own findSessionUser: the
// session, its user and roles) and one upsert of the body — on the surge's own database, with
// no validation, authorisation, report rules or audit. The surge's throughput over this one's
// is how much the app's own work costs beyond the unavoidable (goal ≥ 0.5).

const handle = await openDatabase(process.env.DATABASE_URL!);
const db = handle.db;
await sql`create table if not exists bench_floor (k text primary key, version integer not null, body text not null)`.execute(
  db,
);
const app = Fastify({ logger: false });
app.put<{ Params: { k: string } }>('/save/:k', async (request, reply) => {
  const cookie = request.headers.cookie ?? '';
  const token = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(cookie)?.[1];
  const user = token ? await findSessionUser(db, token) : null;
  if (!user) return reply.code(401).send({ error: 'no session' });
  const body = JSON.stringify(request.body);
  const { rows } = await sql<{ version: number }>`
    insert into bench_floor (k, version, body) values (${request.params.k}, 1, ${body})
    on conflict (k) do update set version = bench_floor.version + 1, body = excluded.body
    returning version`.execute(db);
  return { version: rows[0]!.version };
});
const url = await app.listen({ host: '127.0.0.1', port: 0 });
console.log(`listening at ${url}`);
process.once(
  'SIGTERM',
  () =>
    void app
      .close()
      .then(() => handle.close())
      .then(() => process.exit(0)),
);
