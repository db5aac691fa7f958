/**
 * Server configuration from the environment (and `--no-demo` on the command line). Every setting has a
 * safe default so `npm start` works on a fresh machine.
 */
export interface ServerConfig {
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Seed the demo clinic on an empty database. Off with `--no-demo` or PAINPATH_DEMO=off. */
  demo: boolean;
  /** Run pg-boss background jobs (reminders). */
  jobs: boolean;
  /** Mark cookies Secure: 'auto' sets it when the request came over https (directly or via a trusted proxy). */
  secureCookies: 'auto' | 'always' | 'never';
  trustProxy: boolean;
  logLevel: string;
  /** Login attempts per IP address per minute. */
  loginRateLimitPerMinute: number;
  /** Serve the built web app from this folder when it exists. */
  webDir: string;
  bodyLimitBytes: number;
  poolSize: number;
  /** How long a resolved session is cached in this process (ms); 0 turns the cache off. */
  sessionCacheMs: number;
  /**
   * How much V8 lets the heap grow past what was live after a full collection before collecting again, in
   * percent (V8's --heap-growing-percent); 0 keeps V8's own choice. See src/server/main.ts.
   */
  heapGrowingPercent: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv): ServerConfig {
  const demoOff = argv.includes('--no-demo') || ['off', 'false', '0', 'no'].includes((env.PAINPATH_DEMO ?? '').toLowerCase());
  return {
    host: env.HOST ?? '127.0.0.1',
    port: intFrom(env.PORT, 3000),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR ?? './data',
    demo: !demoOff,
    jobs: (env.PAINPATH_JOBS ?? 'on') !== 'off',
    secureCookies: (env.SECURE_COOKIES as ServerConfig['secureCookies'] | undefined) ?? 'auto',
    trustProxy: env.TRUST_PROXY === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    loginRateLimitPerMinute: intFrom(env.LOGIN_RATE_LIMIT_PER_MINUTE, 20),
    webDir: env.WEB_DIR ?? 'dist/web',
    bodyLimitBytes: intFrom(env.BODY_LIMIT_BYTES, 1_048_576),
    poolSize: intFrom(env.DATABASE_POOL_SIZE, 10),
    sessionCacheMs: intFrom(env.SESSION_CACHE_MS, 5000),
    heapGrowingPercent: intFrom(env.HEAP_GROWING_PERCENT, 100),
  };
}

function intFrom(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`Expected a whole number, got "${value}"`);
  return n;
}
