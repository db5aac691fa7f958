/**
 * Memory of the server process, read from /proc/<pid>/status (Linux): VmRSS (resident now) and VmHWM
 * (the resident high-water mark since the process started). A sampler polls VmRSS at a fixed interval so
 * a report can give the peak seen under load as well as the final figure.
 */
import { readFileSync } from 'node:fs';

export interface ProcMemory {
  rssMb: number;
  hwmMb: number;
}

/** VmRSS and VmHWM in MB, or undefined when the process is gone or /proc is not there. */
export function readProcMemory(pid: number): ProcMemory | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const kb = (field: string): number | undefined => {
    const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(text);
    return match?.[1] === undefined ? undefined : Number(match[1]);
  };
  const rssKb = kb('VmRSS');
  const hwmKb = kb('VmHWM');
  if (rssKb === undefined || hwmKb === undefined) return undefined;
  return { rssMb: rssKb / 1024, hwmMb: hwmKb / 1024 };
}

export interface MemorySummary {
  samples: number;
  peakRssMb: number;
  finalRssMb: number;
  hwmMb: number;
}

/** Samples VmRSS every `intervalMs` until stopped; `stop()` takes one last reading. */
export class RssSampler {
  private readonly pid: number;
  private readonly timer: NodeJS.Timeout;
  private samples = 0;
  private peakRssMb = 0;
  private last: ProcMemory | undefined;

  constructor(pid: number, intervalMs = 200) {
    this.pid = pid;
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  private sample(): void {
    const m = readProcMemory(this.pid);
    if (!m) return;
    this.samples += 1;
    this.peakRssMb = Math.max(this.peakRssMb, m.rssMb);
    this.last = m;
  }

  stop(): MemorySummary {
    clearInterval(this.timer);
    this.sample();
    return {
      samples: this.samples,
      peakRssMb: this.peakRssMb,
      finalRssMb: this.last?.rssMb ?? 0,
      hwmMb: this.last?.hwmMb ?? 0,
    };
  }
}
