import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../packages/server/src/db/dialect.ts';
import { migrateToLatest } from '../packages/server/src/db/migrate.ts';
import { loadDemoDrafts, seedDemo } from '../packages/server/src/demo/seed.ts';
import { startTestServer, type TestServer } from './harness.ts';

// The production layout of docs/deployment.md in miniature: a PostgreSQL primary with a
// streaming hot standby (pg_basebackup -R), the app writing to the primary, and a second
// app in read-only mode serving the public page from the standby. Both clusters are made
// here, in a temporary folder, on their own ports: nothing touches the machine's server.

const PG_BIN = (() => {
  const root = '/usr/lib/postgresql';
  const version = existsSync(root) ? readdirSync(root).sort().at(-1) : undefined;
  return version ? join(root, version, 'bin') : null;
})();
const PRIMARY_PORT = 55431;
const STANDBY_PORT = 55432;

/** PostgreSQL refuses to run as root: run its tools as the postgres user when we are root. */
function pg(tool: string, args: string[]): string {
  const command = join(PG_BIN!, tool);
  const asRoot = process.getuid?.() === 0;
  return execFileSync(
    asRoot ? 'runuser' : command,
    asRoot ? ['-u', 'postgres', '--', command, ...args] : args,
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

const urlOf = (port: number) => `postgres://postgres@127.0.0.1:${port}/tiendo`;

describe('a hot standby serves the public page', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tiendo-standby-'));
  const primary = join(dir, 'primary');
  const standby = join(dir, 'standby');
  let database: DatabaseHandle;
  let readOnly: TestServer | null = null;

  beforeAll(async () => {
    if (!PG_BIN) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql');
    chmodSync(dir, 0o777);
    if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
    pg('initdb', ['-D', primary, '--auth=trust', '-U', 'postgres', '--encoding=UTF8', '--no-sync']);
    appendFileSync(
      join(primary, 'postgresql.conf'),
      `\nport = ${PRIMARY_PORT}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${dir}'\nwal_level = replica\nmax_wal_senders = 4\nhot_standby = on\n`,
    );
    pg('pg_ctl', ['-D', primary, '-l', join(dir, 'primary.log'), '-w', 'start']);
    pg('psql', [
      '-h',
      '127.0.0.1',
      '-p',
      String(PRIMARY_PORT),
      '-U',
      'postgres',
      '-c',
      'CREATE DATABASE tiendo',
    ]);
    database = await openDatabase(urlOf(PRIMARY_PORT));
    await migrateToLatest(database);
    await seedDemo(database.db, loadDemoDrafts().slice(0, 1));
    pg('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(PRIMARY_PORT),
      '-U',
      'postgres',
      '-D',
      standby,
      '-R',
      '-X',
      'stream',
      '--checkpoint=fast',
    ]);
    appendFileSync(join(standby, 'postgresql.conf'), `\nport = ${STANDBY_PORT}\n`);
    pg('pg_ctl', ['-D', standby, '-l', join(dir, 'standby.log'), '-w', 'start']);
  }, 120_000);

  afterAll(async () => {
    await readOnly?.stop();
    await database?.close();
    for (const cluster of [standby, primary])
      if (existsSync(join(cluster, 'postmaster.pid')))
        pg('pg_ctl', ['-D', cluster, '-m', 'immediate', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('streams the primary’s changes, serves them read-only and refuses writes in Vietnamese', async () => {
    // A change on the primary after the standby was made: it must arrive by streaming.
    const plan = await database.db
      .selectFrom('plans')
      .innerJoin('org_units as c', 'c.id', 'plans.commune_id')
      .select(['plans.id', 'c.id as commune_id'])
      .where('c.kind', '=', 'commune')
      .executeTakeFirstOrThrow();
    await database.db
      .updateTable('plans')
      .set({ title: 'Kế hoạch sau khi bản sao đã chạy' })
      .where('id', '=', plan.id)
      .execute();

    readOnly = await startTestServer({ DATABASE_URL: urlOf(STANDBY_PORT), TIENDO_READ_ONLY: '1' });
    const page = async () => (await fetch(`${readOnly!.url}/cong-khai/${plan.commune_id}`)).text();
    await expect.poll(page, { timeout: 10_000 }).toContain('Kế hoạch sau khi bản sao đã chạy');
    expect((await fetch(`${readOnly.url}/cong-khai`)).status).toBe(200);

    const login = await fetch(`${readOnly.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'kienhung.daumoi', password: 'Demo@2026' }),
    });
    expect(login.status).toBe(503);
    expect((await login.json()).error).toMatch(/bản sao chỉ đọc/);
    // The standby really is read-only: PostgreSQL itself refuses a write.
    const replica = await openDatabase(urlOf(STANDBY_PORT));
    await expect(
      replica.db.updateTable('plans').set({ title: 'x' }).where('id', '=', plan.id).execute(),
    ).rejects.toThrow(/read-only transaction/);
    await replica.close();
  }, 120_000);
});
