import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import type { DatabaseHandle } from './dialect.ts';
import * as initial from './migrations/0001_initial.ts';
import * as reportingWorkflow from './migrations/0002_reporting_workflow.ts';
import * as reminders from './migrations/0003_reminders.ts';
import * as narratives from './migrations/0004_period_narratives.ts';
import * as catalogue from './migrations/0005_indicator_catalogue.ts';
import * as beyondAnchors from './migrations/0006_beyond_anchors.ts';
import * as trustedDevices from './migrations/0007_trusted_devices.ts';
import * as periodTallies from './migrations/0008_period_tallies.ts';
import * as amendments from './migrations/0009_amendments.ts';

// Migrations are listed here (not read from disk) so they work the same under tsx, vitest
// and a bundled build. Each receives the dialect for the few types that differ.
const MIGRATIONS = {
  '0001_initial': initial,
  '0002_reporting_workflow': reportingWorkflow,
  '0003_reminders': reminders,
  '0004_period_narratives': narratives,
  '0005_indicator_catalogue': catalogue,
  '0006_beyond_anchors': beyondAnchors,
  '0007_trusted_devices': trustedDevices,
  '0008_period_tallies': periodTallies,
  '0009_amendments': amendments,
};

function provider(handle: DatabaseHandle): MigrationProvider {
  return {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, m] of Object.entries(MIGRATIONS)) {
        out[name] = {
          up: (db) => m.up({ db, dialect: handle.dialect }),
          down: (db) => m.down({ db }),
        };
      }
      return out;
    },
  };
}

function migratorOf(handle: DatabaseHandle): Migrator {
  // Name the schema: without it Kysely takes a migration table in *any* schema of the
  // database as ours (seen with many test schemas side by side) and skips creating it.
  return new Migrator({
    db: handle.db,
    provider: provider(handle),
    ...(handle.schema ? { migrationTableSchema: handle.schema } : {}),
  });
}

/** Migrations not yet applied (a read-only replica cannot apply them: it must be told). */
export async function pendingMigrations(handle: DatabaseHandle): Promise<string[]> {
  const all = await migratorOf(handle).getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}

export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
  const migrator = migratorOf(handle);
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
