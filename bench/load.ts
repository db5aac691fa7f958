/**
 * A bounded load with autocannon (programmatic API): a fixed overall rate over a fixed number of
 * connections for a fixed time, after a warm-up at the same rate that is not counted.
 *
 * Latency is taken from each response's own time (autocannon's `response` event, in fractional ms), not
 * from autocannon's histogram, which stores whole milliseconds (too coarse to compare a 1 ms health route
 * with a 2 ms read). Only 2xx answers count towards latency; other statuses are counted apart.
 *
 * Two properties of autocannon's rate limit shape what these figures mean:
 * - The rate is enforced per connection per second: each connection sends back-to-back until it has
 *   made its share for the current second, then waits for the next second. 1,000 req/s over 50
 *   connections therefore arrives as a burst of 50 concurrent requests at the start of each second, not as
 *   one request every millisecond. `burstMs` reports how long each second's burst took to be answered.
 * - Its coordinated-omission correction uses an expected interval of ceil(1 / rate per connection) = 1 ms
 *   whatever the rate, which would add one synthetic sample per millisecond of every response. It is
 *   turned off (`ignoreCoordinatedOmission`); the latencies are the measured ones.
 */
import autocannon from 'autocannon';
import type { CpuUse, CpuWindow } from './cpu';

export interface LoadSpec {
  name: string;
  /** The route as printed, e.g. /api/v1/patients/:id. */
  label: string;
  url: string;
  headers?: Record<string, string>;
  durationS: number;
  warmupS: number;
  ratePerS: number;
  connections: number;
  /** CPU accounting over the measured run (not the warm-up). */
  cpu?: CpuWindow;
}

export interface LoadResult {
  name: string;
  /** The route as printed, e.g. /api/v1/patients/:id. */
  label: string;
  /** The path and query actually requested. */
  path: string;
  durationS: number;
  targetRatePerS: number;
  connections: number;
  requests: number;
  achievedRatePerS: number;
  ok2xx: number;
  non2xx: number;
  statusCounts: Record<string, number>;
  /** Connection errors and timeouts (autocannon counts a timeout as an error too). */
  errors: number;
  timeouts: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  /** Median over whole seconds of the time from the first to the last answer in that second. */
  burstMs: number;
  /** CPU time over the measured run, and per request. */
  cpu: (CpuUse & { serverMsPerRequest: number; postgresMsPerRequest: number | null }) | null;
  /** autocannon's own figures (whole ms), kept for reference. */
  autocannon: { p50: number; p90: number; p99: number; max: number; requestsPerSAverage: number };
}

interface Raw {
  result: autocannon.Result;
  latencies: number[];
  completions: number[];
  statusCounts: Record<string, number>;
  startedAt: number;
}

function runOnce(spec: LoadSpec, durationS: number): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const completions: number[] = [];
    const statusCounts: Record<string, number> = {};
    const startedAt = performance.now();
    const instance = autocannon(
      {
        url: spec.url,
        headers: spec.headers,
        connections: spec.connections,
        overallRate: spec.ratePerS,
        duration: durationS,
        timeout: 10,
        ignoreCoordinatedOmission: true,
      },
      (err, result) => {
        if (err) reject(err instanceof Error ? err : new Error(String(err)));
        else resolve({ result, latencies, completions, statusCounts, startedAt });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      const key = String(statusCode);
      statusCounts[key] = (statusCounts[key] ?? 0) + 1;
      completions.push(performance.now() - startedAt);
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
}

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  if (spec.warmupS > 0) await runOnce(spec, spec.warmupS);
  await spec.cpu?.start();
  const raw = await runOnce(spec, spec.durationS);
  const cpu = (await spec.cpu?.stop()) ?? null;
  const sorted = Float64Array.from(raw.latencies).sort();
  const total = raw.completions.length;
  const ok2xx = raw.latencies.length;
  const r = raw.result;
  return {
    name: spec.name,
    label: spec.label,
    path: new URL(spec.url).pathname + new URL(spec.url).search,
    durationS: r.duration,
    targetRatePerS: spec.ratePerS,
    connections: spec.connections,
    requests: total,
    achievedRatePerS: total / (r.duration || spec.durationS),
    ok2xx,
    non2xx: total - ok2xx,
    statusCounts: raw.statusCounts,
    errors: r.errors,
    timeouts: r.timeouts,
    latencyMs: {
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p99: percentile(sorted, 99),
      max: sorted.length > 0 ? (sorted[sorted.length - 1] ?? 0) : 0,
      mean: sorted.length > 0 ? sorted.reduce((a, b) => a + b, 0) / sorted.length : 0,
    },
    burstMs: burstSpan(raw.completions),
    cpu: cpu && {
      ...cpu,
      serverMsPerRequest: cpu.serverMs / Math.max(total, 1),
      postgresMsPerRequest: cpu.postgresMs === null ? null : cpu.postgresMs / Math.max(total, 1),
    },
    autocannon: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max, requestsPerSAverage: r.requests.average },
  };
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? 0;
}

function burstSpan(completionsMs: number[]): number {
  const bySecond = new Map<number, { first: number; last: number }>();
  for (const t of completionsMs) {
    const s = Math.floor(t / 1000);
    const w = bySecond.get(s);
    if (!w) bySecond.set(s, { first: t, last: t });
    else w.last = Math.max(w.last, t);
  }
  // Leave out the first and last (partial) seconds.
  const spans = [...bySecond.entries()]
    .sort((a, b) => a[0] - b[0])
    .slice(1, -1)
    .map(([, w]) => w.last - w.first);
  if (spans.length === 0) return 0;
  return percentile(Float64Array.from(spans).sort(), 50);
}
