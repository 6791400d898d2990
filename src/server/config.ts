import { z } from 'zod';

/** Every setting Lantern reads from its environment. The README's configuration table lists the same. */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  LANTERN_DATA_DIR: z.string().default('./data'),
  LANTERN_PUBLIC_URL: z.string().url().optional(),
  LANTERN_ENCRYPTION_KEY: z.string().optional(),
  // Fractions are allowed (0.5 is thirty seconds), so timeouts can be exercised without waiting minutes.
  LANTERN_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(30),
  LANTERN_SESSION_ABSOLUTE_HOURS: z.coerce.number().min(1).max(72).default(12),
  LANTERN_SESSION_WARNING_SECONDS: z.coerce.number().int().min(10).max(3600).default(120),
  LANTERN_LOCKOUT_THRESHOLD: z.coerce.number().int().min(3).max(100).default(5),
  LANTERN_LOCKOUT_MINUTES: z.coerce
    .number()
    .min(1)
    .max(24 * 60)
    .default(15),
  LANTERN_IP_THROTTLE_PER_15_MINUTES: z.coerce.number().int().min(5).max(10_000).default(50),
  LANTERN_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LANTERN_TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string | undefined;
  encryptionKey: string | undefined;
  session: { idleMinutes: number; absoluteHours: number; warningSeconds: number };
  lockout: { threshold: number; minutes: number; ipPer15Minutes: number };
  logLevel: z.infer<typeof Env>['LANTERN_LOG_LEVEL'];
  trustProxy: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Configuration: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.LANTERN_DATA_DIR,
    publicUrl: e.LANTERN_PUBLIC_URL,
    encryptionKey: e.LANTERN_ENCRYPTION_KEY,
    session: {
      idleMinutes: e.LANTERN_SESSION_IDLE_MINUTES,
      absoluteHours: e.LANTERN_SESSION_ABSOLUTE_HOURS,
      warningSeconds: e.LANTERN_SESSION_WARNING_SECONDS,
    },
    lockout: {
      threshold: e.LANTERN_LOCKOUT_THRESHOLD,
      minutes: e.LANTERN_LOCKOUT_MINUTES,
      ipPer15Minutes: e.LANTERN_IP_THROTTLE_PER_15_MINUTES,
    },
    logLevel: e.LANTERN_LOG_LEVEL,
    trustProxy: e.LANTERN_TRUST_PROXY,
  };
}

export function databaseTarget(config: Config) {
  return config.databaseUrl
    ? ({ kind: 'server', url: config.databaseUrl } as const)
    : ({ kind: 'embedded', dataDir: config.dataDir } as const);
}
