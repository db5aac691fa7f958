/**
 * The append-only audit log. Appending locks the single chain head row (`audit_head`, id 1) inside the
 * caller's transaction, chains the events (src/domain/audit) and inserts them; concurrent writers in any
 * number of server processes therefore extend one unbroken chain.
 */
import { and, asc, desc, eq, gt, sql, type Param, type SQL } from 'drizzle-orm';
import { chainAuditEvents, type AuditEventInput, type ChainedAuditEvent, type ChainHead } from '../../domain/audit/hash-chain';
import type { DbOrTx, Tx } from '../client';
import { auditEvents, auditHead } from '../schema';

export async function appendAuditEvents(tx: Tx, events: readonly AuditEventInput[]): Promise<ChainedAuditEvent[]> {
  if (events.length === 0) return [];
  const heads = await tx.select().from(auditHead).where(eq(auditHead.id, 1)).for('update');
  const head = heads[0];
  if (!head) throw new Error('audit_head row is missing: migrations did not run');
  const chained = chainAuditEvents({ lastSeq: head.lastSeq, lastHash: head.lastHash }, events);
  await tx.execute(sql`INSERT INTO audit_events ${AUDIT_COLUMNS} ${unnestEvents(chained.events)}`);
  await tx
    .update(auditHead)
    .set({ lastSeq: chained.head.lastSeq, lastHash: chained.head.lastHash })
    .where(eq(auditHead.id, 1));
  return chained.events;
}

/**
 * Appends events after `expected` in ONE statement, with no explicit transaction: the head moves from
 * `expected` to the new head and the events are inserted together, or nothing happens because the head is
 * no longer `expected` (another writer appended first; a writer holding the head row locked is waited for,
 * then its new head is seen). Returns the new head, or null when the caller must re-read the head and try
 * again. One round trip instead of five (BEGIN, lock, insert, update, COMMIT): the read path's group commit
 * (src/server/audit/audit-writer.ts) keeps the head it last wrote and uses this.
 */
export async function appendAuditEventsAfter(db: DbOrTx, expected: ChainHead, events: readonly AuditEventInput[]): Promise<ChainHead | null> {
  if (events.length === 0) return expected;
  const chained = chainAuditEvents(expected, events);
  const result = await db.execute(sql`WITH head AS (
      UPDATE audit_head SET last_seq = ${chained.head.lastSeq}, last_hash = ${chained.head.lastHash}
      WHERE id = 1 AND last_seq = ${expected.lastSeq} AND last_hash = ${expected.lastHash} RETURNING id),
    inserted AS (INSERT INTO audit_events ${AUDIT_COLUMNS} ${unnestEvents(chained.events)} WHERE EXISTS (SELECT 1 FROM head) RETURNING seq)
    SELECT count(*)::int AS n FROM inserted`);
  // Both drivers answer with `rows` (node-postgres QueryResult, PGlite Results).
  const n = Number((result as { rows: { n: number }[] }).rows[0]?.n ?? 0);
  if (n === 0) return null;
  if (n !== chained.events.length) throw new Error(`audit append inserted ${n} of ${chained.events.length} events`);
  return chained.head;
}

const AUDIT_COLUMNS = sql.raw(`(seq, org_id, patient_id, actor_type, actor_id, actor_name, action, resource_type, resource_id, reason, ip,
      user_agent, request_id, occurred_at, prev_hash, hash)`);

/**
 * `SELECT * FROM unnest(...)` over the chained events: one array parameter per column, so the statement
 * text is the same for any number of events, building it costs nothing per event and there is no
 * bind-parameter limit to stay under.
 */
function unnestEvents(events: readonly ChainedAuditEvent[]): SQL {
  const column = <K extends keyof ChainedAuditEvent>(key: K): Param => sql.param(events.map((e) => e[key] ?? null));
  return sql`SELECT * FROM unnest(${column('seq')}::int8[], ${column('orgId')}::uuid[], ${column('patientId')}::uuid[], ${column('actorType')}::text[],
      ${column('actorId')}::text[], ${column('actorName')}::text[], ${column('action')}::text[], ${column('resourceType')}::text[],
      ${column('resourceId')}::text[], ${column('reason')}::text[], ${column('ip')}::text[], ${column('userAgent')}::text[],
      ${column('requestId')}::text[], ${column('occurredAt')}::text[], ${column('prevHash')}::text[], ${column('hash')}::text[])`;
}

export async function readAuditPage(db: DbOrTx, afterSeq: number, limit: number): Promise<ChainedAuditEvent[]> {
  const rows = await db.select().from(auditEvents).where(gt(auditEvents.seq, afterSeq)).orderBy(asc(auditEvents.seq)).limit(limit);
  return rows as ChainedAuditEvent[];
}

export async function readChainHead(db: DbOrTx): Promise<ChainHead> {
  const rows = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  const head = rows[0];
  if (!head) throw new Error('audit_head row is missing: migrations did not run');
  return { lastSeq: head.lastSeq, lastHash: head.lastHash };
}

export async function patientAccessHistory(
  db: DbOrTx,
  orgId: string,
  patientId: string,
  limit: number,
): Promise<ChainedAuditEvent[]> {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.patientId, patientId)))
    .orderBy(desc(auditEvents.seq))
    .limit(limit);
  return rows as ChainedAuditEvent[];
}

export async function countAuditEvents(db: DbOrTx): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
  return rows[0]?.n ?? 0;
}
