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
  /** The demo seeded with reporting under way (periods, reports sent, returned, approved). */
  demoActivity: z.coerce.boolean().default(true),
  /** smtp://user:pass@host:port for reminder e-mail; none → in-app notifications only. */
  smtpUrl: z.string().url().nullable().default(null),
  mailFrom: z.string().default('Tiến độ <khong-tra-loi@tiendo.local>'),
  /** Remind units this many days before a report is due (and once when it is overdue). */
  reminderDaysBefore: z.coerce.number().int().min(0).max(60).default(3),
  /** How often the reminder sweep runs, in minutes. */
  reminderEveryMinutes: z.coerce.number().int().min(1).max(1440).default(15),
  /** Run background jobs in this process (turn off for a web-only instance). */
  jobs: z.coerce.boolean().default(true),
  /** Serve reads only, from a read-only replica (a PostgreSQL hot standby): no migrations,
   *  no demo data, no jobs, and every write answered 503. */
  readOnly: z.coerce.boolean().default(false),
  /** Addresses (IPs or CIDR ranges) of the reverse proxies in front of the app. Only a
   *  request arriving from one of them has its X-Forwarded-For/-Proto believed; by default
   *  none, so a client cannot choose the address the login limits count it under. */
  trustProxy: z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : (v ?? []),
    z.array(z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()])),
  ),
  /** Sign-in attempts allowed per client address per 15 minutes, across accounts (an office
   *  behind one NAT address shares it; see docs/deployment.md). */
  signinLimitPerAddress: z.coerce.number().int().min(5).max(100_000).default(40),
  /** Public address of the app, used in e-mail links. */
  publicUrl: z.string().url().nullable().default(null),
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
    demoActivity:
      env.TIENDO_DEMO_ACTIVITY === undefined ? undefined : env.TIENDO_DEMO_ACTIVITY !== '0',
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM,
    reminderDaysBefore: env.TIENDO_REMINDER_DAYS_BEFORE,
    reminderEveryMinutes: env.TIENDO_REMINDER_EVERY_MINUTES,
    jobs: env.TIENDO_JOBS === undefined ? undefined : env.TIENDO_JOBS !== '0',
    publicUrl: env.TIENDO_PUBLIC_URL || undefined,
    trustProxy: env.TIENDO_TRUST_PROXY,
    signinLimitPerAddress: env.TIENDO_SIGNIN_LIMIT_PER_ADDRESS,
    readOnly: env.TIENDO_READ_ONLY === undefined ? undefined : env.TIENDO_READ_ONLY !== '0',
    ...overrides,
  });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Cấu hình không hợp lệ: ${issues}`);
  }
  return parsed.data;
}
