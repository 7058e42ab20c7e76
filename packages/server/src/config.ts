import { resolve } from 'node:path';
import { z } from 'zod';

// Configuration comes from the environment, validated once at start-up so a typo fails
// loudly with a Vietnamese message instead of misbehaving later.

const Config = z.object({
  host: z.string().default('0.0.0.0'),
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  /** postgres://… for PostgreSQL; otherwise a SQLite file path. */
  databaseUrl: z.string().min(1),
  dataDir: z.string(),
  /** Serve the built web app from this folder (production mode). */
  webDist: z.string().nullable(),
  sessionTtlHours: z.coerce.number().positive().default(12),
  /** Set cookies with Secure; on by default behind TLS (see docs/deployment.md). */
  secureCookies: z
    .enum(['auto', 'true', 'false'])
    .default('auto')
    .transform((v) => (v === 'auto' ? 'auto' : v === 'true')),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  seedDemo: z.coerce.boolean().default(true),
});
export type Config = z.infer<typeof Config>;

export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<Config> = {},
): Config {
  const dataDir = resolve(env.TIENDO_DATA_DIR ?? 'data');
  const parsed = Config.safeParse({
    host: env.HOST,
    port: env.PORT,
    databaseUrl: env.DATABASE_URL ?? resolve(dataDir, 'tiendo.sqlite'),
    dataDir,
    webDist: env.TIENDO_WEB_DIST ?? resolve(import.meta.dirname, '../../web/dist'),
    sessionTtlHours: env.TIENDO_SESSION_TTL_HOURS,
    secureCookies: env.TIENDO_SECURE_COOKIES,
    logLevel: env.LOG_LEVEL,
    seedDemo: env.TIENDO_SEED_DEMO === undefined ? undefined : env.TIENDO_SEED_DEMO !== '0',
    ...overrides,
  });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Cấu hình không hợp lệ: ${issues}`);
  }
  return parsed.data;
}
