/**
 * Tamper-evident audit log: each event carries the SHA-256 of the previous event's hash and its own canonical
 * content, so changing, removing or reordering a stored event breaks the chain from that point.
 * Source: issue "Foundation" (Trust: "every read and write of a patient's data in a tamper-evident audit
 * log") and PRODUCT.md capability 13.
 *
 * Assumptions:
 * - One chain per installation, numbered from seq 1; the first event links to GENESIS_HASH (64 zeros).
 * - hash = sha256_hex(prevHash + "\n" + canonicalAuditPayload(seq, event)), UTF-8.
 * - The canonical payload is JSON of exactly the AuditEventInput fields plus `seq`, keys sorted, every field
 *   present (null when absent), no whitespace. Extra properties on the object (prevHash, hash, database
 *   columns) are not part of it. occurredAt is hashed as the stored text, never re-formatted.
 * - Verification reads events in seq order. For each event, checks run in this order: seq is the next
 *   number ('sequence-gap', which also covers duplicates and out-of-order pages), prevHash equals the hash
 *   of the event before ('prev-hash-mismatch'), stored hash equals the recomputed one ('hash-mismatch').
 * - This detects tampering by anyone who cannot rewrite every later event; anchoring the head elsewhere
 *   (e.g. a periodically exported head hash) is outside this module.
 */
import { createHash } from 'node:crypto';

export type AuditActorType = 'user' | 'api-token' | 'system' | 'anonymous';
export interface AuditEventInput {
  orgId: string | null;
  patientId: string | null;
  actorType: AuditActorType;
  actorId: string | null;
  actorName: string | null;
  /** e.g. 'read', 'create', 'update', 'search', 'login', 'break-glass', 'verify' */
  action: string;
  /** e.g. 'Patient', 'Task', 'Session' */
  resourceType: string;
  resourceId: string | null;
  reason: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  /** ISO 8601 instant, stored as text so the hash input is exact. */
  occurredAt: string;
}
export interface ChainedAuditEvent extends AuditEventInput {
  seq: number;
  prevHash: string;
  hash: string;
}
export interface ChainHead {
  lastSeq: number;
  lastHash: string;
}
export interface ChainVerification {
  ok: boolean;
  /** Events that verified intact in this call (the broken event, if any, is not counted). */
  checked: number;
  firstBroken: { seq: number; problem: 'hash-mismatch' | 'prev-hash-mismatch' | 'sequence-gap' } | null;
  /** The last intact event; pass it as `start` to verify the next page. */
  head: ChainHead;
}

export const GENESIS_HASH: string = '0'.repeat(64);

/** The head of an empty chain. */
export const GENESIS_HEAD: ChainHead = { lastSeq: 0, lastHash: GENESIS_HASH };

/** Every field that is hashed, in sorted order (the canonical key order). */
const AUDIT_FIELDS = [
  'action',
  'actorId',
  'actorName',
  'actorType',
  'ip',
  'occurredAt',
  'orgId',
  'patientId',
  'reason',
  'requestId',
  'resourceId',
  'resourceType',
  'seq',
  'userAgent',
] as const satisfies readonly (keyof AuditEventInput | 'seq')[];

/** JSON with keys sorted, every field present (null when absent), no whitespace. */
export function canonicalAuditPayload(seq: number, event: AuditEventInput): string {
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`Audit seq must be a positive integer, got ${seq}`);
  const record: Record<string, unknown> = {};
  for (const field of AUDIT_FIELDS) {
    record[field] = field === 'seq' ? seq : (event[field] ?? null);
  }
  return JSON.stringify(record);
}

/** sha256 hex of prevHash + '\n' + canonical payload. */
export function computeAuditHash(prevHash: string, seq: number, event: AuditEventInput): string {
  return createHash('sha256').update(`${prevHash}\n${canonicalAuditPayload(seq, event)}`, 'utf8').digest('hex');
}

/** Copies only the hashed input fields, so the chained event never carries stray properties. */
function pickInput(event: AuditEventInput): AuditEventInput {
  return {
    orgId: event.orgId ?? null,
    patientId: event.patientId ?? null,
    actorType: event.actorType,
    actorId: event.actorId ?? null,
    actorName: event.actorName ?? null,
    action: event.action,
    resourceType: event.resourceType,
    resourceId: event.resourceId ?? null,
    reason: event.reason ?? null,
    ip: event.ip ?? null,
    userAgent: event.userAgent ?? null,
    requestId: event.requestId ?? null,
    occurredAt: event.occurredAt,
  };
}

/** Appends events after `head`, numbering and linking them; returns the chained events and the new head. */
export function chainAuditEvents(
  head: ChainHead,
  events: readonly AuditEventInput[],
): { events: ChainedAuditEvent[]; head: ChainHead } {
  let { lastSeq, lastHash } = head;
  const chained: ChainedAuditEvent[] = [];
  for (const event of events) {
    const seq = lastSeq + 1;
    const input = pickInput(event);
    const hash = computeAuditHash(lastHash, seq, input);
    chained.push({ ...input, seq, prevHash: lastHash, hash });
    lastSeq = seq;
    lastHash = hash;
  }
  return { events: chained, head: { lastSeq, lastHash } };
}

/**
 * Verifies a page of events in seq order, continuing from `start` (so a verifier can stream pages). Stops at the
 * first broken link.
 */
export function verifyAuditChain(events: Iterable<ChainedAuditEvent>, start: ChainHead): ChainVerification {
  let head: ChainHead = { lastSeq: start.lastSeq, lastHash: start.lastHash };
  let checked = 0;
  for (const event of events) {
    const problem =
      event.seq !== head.lastSeq + 1
        ? 'sequence-gap'
        : event.prevHash !== head.lastHash
          ? 'prev-hash-mismatch'
          : event.hash !== computeAuditHash(event.prevHash, event.seq, event)
            ? 'hash-mismatch'
            : null;
    if (problem !== null) return { ok: false, checked, firstBroken: { seq: event.seq, problem }, head };
    head = { lastSeq: event.seq, lastHash: event.hash };
    checked += 1;
  }
  return { ok: true, checked, firstBroken: null, head };
}
