/**
 * An evenly paced, open-loop load: requests are due at a steady rate (checked every millisecond) whatever the
 * server does, over a pool of keep-alive connections, and each latency is measured from the moment the
 * request was due, so waiting for a free connection counts (no coordinated omission).
 *
 * It complements autocannon's rate limit, which sends each second's requests in a burst on every connection
 * at the start of the second: there a latency is about (connections x service time), here it is what one
 * request waits at a steady arrival rate. Both are printed; see report.ts.
 */
import http from 'node:http';
import { percentile } from './load';

export interface PacedSpec {
  name: string;
  url: string;
  headers?: Record<string, string>;
  ratePerS: number;
  durationS: number;
  warmupS: number;
  maxSockets: number;
}

export interface PacedResult {
  name: string;
  ratePerS: number;
  durationS: number;
  requests: number;
  achievedRatePerS: number;
  non2xx: number;
  errors: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
}

const TICK_MS = 1;
/** After the last request is due, answers still missing after this long count as errors. */
const DRAIN_MS = 5_000;

function runPaced(spec: PacedSpec, durationS: number): Promise<{ latencies: number[]; non2xx: number; errors: number; wallMs: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.maxSockets });
  return new Promise((resolve) => {
    const latencies: number[] = [];
    let non2xx = 0;
    let errors = 0;
    let due = 0;
    let outstanding = 0;
    let done = false;
    let resolved = false;
    const t0 = performance.now();
    const total = Math.round(spec.ratePerS * durationS);
    const target = new URL(spec.url);

    const settle = (): void => {
      if (resolved) return;
      resolved = true;
      clearTimeout(drainTimer);
      // Also aborts requests still queued after a drain timeout.
      agent.destroy();
      resolve({ latencies, non2xx, errors: errors + outstanding, wallMs: performance.now() - t0 });
    };
    const finish = (): void => {
      if (done && outstanding === 0) settle();
    };
    let drainTimer: NodeJS.Timeout | undefined;
    const fire = (dueAt: number): void => {
      outstanding += 1;
      const req = http.request(
        { host: target.hostname, port: target.port, path: target.pathname + target.search, headers: spec.headers, agent },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (resolved) return;
            if (res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300) latencies.push(performance.now() - dueAt);
            else non2xx += 1;
            outstanding -= 1;
            finish();
          });
        },
      );
      req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        if (resolved) return;
        errors += 1;
        outstanding -= 1;
        finish();
      });
      req.end();
    };
    const tick = (): void => {
      const elapsed = performance.now() - t0;
      const shouldHaveSent = Math.min(total, Math.floor((elapsed / 1000) * spec.ratePerS));
      while (due < shouldHaveSent) {
        fire(t0 + (due * 1000) / spec.ratePerS);
        due += 1;
      }
      if (due >= total) {
        clearInterval(timer);
        done = true;
        drainTimer = setTimeout(settle, DRAIN_MS);
        finish();
      }
    };
    const timer = setInterval(tick, TICK_MS);
  });
}

export async function runPacedLoad(spec: PacedSpec): Promise<PacedResult> {
  if (spec.warmupS > 0) await runPaced(spec, spec.warmupS);
  const raw = await runPaced(spec, spec.durationS);
  const sorted = Float64Array.from(raw.latencies).sort();
  const requests = raw.latencies.length + raw.non2xx + raw.errors;
  return {
    name: spec.name,
    ratePerS: spec.ratePerS,
    durationS: spec.durationS,
    requests,
    achievedRatePerS: raw.latencies.length / (raw.wallMs / 1000),
    non2xx: raw.non2xx,
    errors: raw.errors,
    latencyMs: {
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p99: percentile(sorted, 99),
      max: sorted.length > 0 ? (sorted[sorted.length - 1] ?? 0) : 0,
    },
  };
}
