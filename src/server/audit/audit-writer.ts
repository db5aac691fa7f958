/**
 * Audit writer with group commit. Reads append their audit event through `record()`: events that arrive
 * while a batch is being written wait for the next batch, and every caller's promise settles only after its
 * event is committed, so a response never goes out before its audit event is durable. Writes of patient
 * data use `appendAuditEvents(tx, ...)` inside their own transaction instead, so the change and its audit
 * event commit together or not at all.
 *
 * A batch is one statement (`appendAuditEventsAfter`): the writer remembers the chain head it last wrote
 * and appends after it. When another writer moved the head meanwhile (a write's transaction, another
 * server process), that statement changes nothing; the writer reads the head again and retries, and after
 * MAX_OPTIMISTIC_TRIES falls back to the locking transaction, which always succeeds.
 */
import type { AuditEventInput, ChainedAuditEvent } from '../../domain/audit/hash-chain';
import type { Db } from '../../db/client';
import { appendAuditEvents, appendAuditEventsAfter, readChainHead } from '../../db/repositories/audit.repository';
import type { ChainHead } from '../../domain/audit/hash-chain';

const MAX_OPTIMISTIC_TRIES = 3;

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
  /** The head this writer last wrote or read; may be stale (then the next append reads it again). */
  private head: ChainHead | undefined;

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
          await this.append(batch.flatMap((p) => p.events));
          for (const p of batch) p.resolve();
        } catch (err) {
          this.head = undefined;
          for (const p of batch) p.reject(err);
        }
      }
    } finally {
      this.running = false;
    }
  }

  private async append(events: readonly AuditEventInput[]): Promise<void> {
    if (events.length === 0) return;
    for (let attempt = 0; attempt < MAX_OPTIMISTIC_TRIES; attempt++) {
      const expected = this.head ?? (await readChainHead(this.db));
      const next = await appendAuditEventsAfter(this.db, expected, events);
      if (next) {
        this.head = next;
        return;
      }
      this.head = undefined;
    }
    const written = await this.db.transaction((tx) => appendAuditEvents(tx, events));
    const last = written.at(-1);
    this.head = last ? { lastSeq: last.seq, lastHash: last.hash } : undefined;
  }

  /** Waits until everything queued so far is written (used at shutdown). */
  async flush(): Promise<void> {
    await this.record();
  }
}

export type { ChainedAuditEvent };
