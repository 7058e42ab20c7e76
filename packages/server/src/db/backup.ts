import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { isPostgresUrl, searchPathSchema } from './dialect.ts';

// Backups: SQLite's online backup API (safe while the app runs; the copy is consistent),
// and pg_dump / pg_restore in custom format for PostgreSQL.

export async function backupDatabase(databaseUrl: string, target: string): Promise<void> {
  mkdirSync(dirname(target), { recursive: true });
  if (isPostgresUrl(databaseUrl)) {
    // A database URL that names a schema (options=-c search_path=…) backs up that schema only.
    const schema = searchPathSchema(databaseUrl);
    await run('pg_dump', [
      '--format=custom',
      '--no-owner',
      ...(schema ? [`--schema=${schema}`] : []),
      `--file=${target}`,
      databaseUrl,
    ]);
    return;
  }
  if (!existsSync(databaseUrl)) throw new Error(`Không tìm thấy tệp cơ sở dữ liệu: ${databaseUrl}`);
  const source = new SQLite(databaseUrl, { readonly: true });
  try {
    await source.backup(target);
  } finally {
    source.close();
  }
}

/** Restores a backup over the database. For SQLite the app must be stopped first. */
export async function restoreDatabase(databaseUrl: string, source: string): Promise<void> {
  if (!existsSync(source)) throw new Error(`Không tìm thấy tệp sao lưu: ${source}`);
  if (isPostgresUrl(databaseUrl)) {
    await run('pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      `--dbname=${databaseUrl}`,
      source,
    ]);
    return;
  }
  const check = new SQLite(source, { readonly: true });
  try {
    const result = check.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error('Tệp sao lưu bị hỏng (integrity_check thất bại)');
  } finally {
    check.close();
  }
  mkdirSync(dirname(databaseUrl), { recursive: true });
  const staging = `${databaseUrl}.restoring`;
  copyFileSync(source, staging);
  for (const suffix of ['-wal', '-shm']) rmSync(`${databaseUrl}${suffix}`, { force: true });
  // rename is atomic: a crash leaves either the old database or the restored one.
  renameSync(staging, databaseUrl);
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', (err) => reject(new Error(`Không chạy được ${command}: ${err.message}`)));
    child.on('exit', (code) =>
      code === 0 ? resolvePromise() : reject(new Error(`${command} kết thúc với mã lỗi ${code}`)),
    );
  });
}
