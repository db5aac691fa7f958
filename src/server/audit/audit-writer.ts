/**
 * Audit writer with group commit. Reads append their audit event through `record()`: events that arrive
 * while a batch is being written wait for the next batch, and every caller's promise settles only after its
 * event is committed, so a response never goes out before its audit event is durable. Writes of patient
 * data use `appendAuditEvents(tx, ...)` inside their own transaction instead, so the change and its audit
 * event commit together or not at all.
 */
import type { AuditEventInput, ChainedAuditEvent } from '../../domain/audit/hash-chain';
import type { Db } from '../../db/client';
import { appendAuditEvents } from '../../db/repositories/audit.repository';

interface Pending {
  events: readonly AuditEventInput[];
  resolve: () => void;
  reject: (err: unknown) => void;
}

export class AuditWriter {
  private queue: Pending[] = [];
  private running = false;
  private readonly db: Db;
  private readonly maxBatch: number;

  constructor(db: Db, maxBatch = 500) {
    this.db = db;
    this.maxBatch = maxBatch;
  }

  record(...events: AuditEventInput[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ events, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const batch: Pending[] = [];
        let count = 0;
        while (this.queue.length > 0 && count < this.maxBatch) {
          const next = this.queue.shift() as Pending;
          batch.push(next);
          count += next.events.length;
        }
        try {
          await this.db.transaction(async (tx) => {
            await appendAuditEvents(
              tx,
              batch.flatMap((p) => p.events),
            );
          });
          for (const p of batch) p.resolve();
        } catch (err) {
          for (const p of batch) p.reject(err);
        }
      }
    } finally {
      this.running = false;
    }
  }

  /** Waits until everything queued so far is written (used at shutdown). */
  async flush(): Promise<void> {
    await this.record();
  }
}

export type { ChainedAuditEvent };
