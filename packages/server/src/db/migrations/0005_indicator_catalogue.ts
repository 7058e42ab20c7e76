import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { searchKey } from '@tiendo/core';
import type { MigrationContext } from './columns.ts';

// Reference data: the shared indicator catalogue, seeded with the NQ 71/NQ-CP and 5-year-phase
// indicators that recur across the seed plans (catalogue/indicators.json).

interface Entry {
  code: string;
  name: string;
  measure_unit: string | null;
}

export async function up({ db }: MigrationContext): Promise<void> {
  const entries = JSON.parse(
    readFileSync(join(import.meta.dirname, '../../catalogue/indicators.json'), 'utf8'),
  ) as Entry[];
  for (const e of entries)
    await sql`insert into indicator_catalogue (code, name, search_key, measure_unit)
              values (${e.code}, ${e.name}, ${searchKey(e.name)}, ${e.measure_unit})`.execute(db);
}

export async function down({ db }: { db: Kysely<unknown> }): Promise<void> {
  await sql`delete from indicator_catalogue where code like 'NQ57-%'`.execute(db);
}
