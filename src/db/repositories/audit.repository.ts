/**
 * The append-only audit log. Appending locks the single chain head row (`audit_head`, id 1) inside the
 * caller's transaction, chains the events (src/domain/audit) and inserts them; concurrent writers in any
 * number of server processes therefore extend one unbroken chain.
 */
import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import { chainAuditEvents, type AuditEventInput, type ChainedAuditEvent, type ChainHead } from '../../domain/audit/hash-chain';
import type { DbOrTx, Tx } from '../client';
import { auditEvents, auditHead } from '../schema';

export async function appendAuditEvents(tx: Tx, events: readonly AuditEventInput[]): Promise<ChainedAuditEvent[]> {
  if (events.length === 0) return [];
  const heads = await tx.select().from(auditHead).where(eq(auditHead.id, 1)).for('update');
  const head = heads[0];
  if (!head) throw new Error('audit_head row is missing: migrations did not run');
  const chained = chainAuditEvents({ lastSeq: head.lastSeq, lastHash: head.lastHash }, events);
  // One array parameter per column: the statement text is the same for any number of events, so building
  // it costs nothing per event and there is no bind-parameter limit to stay under.
  const column = <K extends keyof ChainedAuditEvent>(key: K) => sql.param(chained.events.map((e) => e[key] ?? null));
  await tx.execute(sql`INSERT INTO audit_events (seq, org_id, patient_id, actor_type, actor_id, actor_name, action, resource_type,
      resource_id, reason, ip, user_agent, request_id, occurred_at, prev_hash, hash)
    SELECT * FROM unnest(${column('seq')}::int8[], ${column('orgId')}::uuid[], ${column('patientId')}::uuid[], ${column('actorType')}::text[],
      ${column('actorId')}::text[], ${column('actorName')}::text[], ${column('action')}::text[], ${column('resourceType')}::text[],
      ${column('resourceId')}::text[], ${column('reason')}::text[], ${column('ip')}::text[], ${column('userAgent')}::text[],
      ${column('requestId')}::text[], ${column('occurredAt')}::text[], ${column('prevHash')}::text[], ${column('hash')}::text[])`);
  await tx
    .update(auditHead)
    .set({ lastSeq: chained.head.lastSeq, lastHash: chained.head.lastHash })
    .where(eq(auditHead.id, 1));
  return chained.events;
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
