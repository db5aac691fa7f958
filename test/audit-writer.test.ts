import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEvents, appendAuditEventsAfter, countAuditEvents, readAuditPage, readChainHead } from '../src/db/repositories/audit.repository';
import { GENESIS_HEAD, verifyAuditChain, type AuditEventInput } from '../src/domain/audit/hash-chain';
import { AuditWriter } from '../src/server/audit/audit-writer';
import { buildTestApp, type TestApp } from './support/app';

let t: TestApp;
let n = 0;

function event(reason: string): AuditEventInput {
  n += 1;
  return {
    orgId: null,
    patientId: null,
    actorType: 'system',
    actorId: null,
    actorName: 'audit writer test',
    action: 'read',
    resourceType: 'Test',
    resourceId: String(n),
    reason,
    ip: null,
    userAgent: null,
    requestId: null,
    occurredAt: new Date(Date.UTC(2026, 10, 22, 15, 0, n)).toISOString(),
  };
}

async function verifyAll(): Promise<ReturnType<typeof verifyAuditChain>> {
  return verifyAuditChain(await readAuditPage(t.ctx.db, 0, 100_000), GENESIS_HEAD);
}

beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t.close());

describe('audit writer: one statement per batch while it holds the head, the locking path when not', () => {
  it('appends after a head only while the head is still there; a stale head writes nothing', async () => {
    const db = t.ctx.db;
    const head = await readChainHead(db);
    const before = await countAuditEvents(db);
    const moved = await appendAuditEventsAfter(db, head, [event('first'), event('second')]);
    expect(moved).toEqual(await readChainHead(db));
    expect(moved?.lastSeq).toBe(head.lastSeq + 2);
    expect(await appendAuditEventsAfter(db, head, [event('stale')])).toBeNull();
    expect(await countAuditEvents(db)).toBe(before + 2);
    expect((await readAuditPage(db, head.lastSeq, 10)).map((e) => e.reason)).toEqual(['first', 'second']);
    expect((await verifyAll()).ok).toBe(true);
  });

  it('keeps one unbroken chain when changes append in their own transactions between its batches', async () => {
    const db = t.ctx.db;
    const writer = new AuditWriter(db);
    const before = await countAuditEvents(db);
    await Promise.all([writer.record(event('w1')), writer.record(event('w2'))]);
    await db.transaction((tx) => appendAuditEvents(tx, [event('change in a transaction')]));
    await Promise.all([writer.record(event('w3')), writer.record(event('w4'), event('w5'))]);
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 5 === 0 ? db.transaction((tx) => appendAuditEvents(tx, [event(`tx${i}`)])) : writer.record(event(`r${i}`)))));
    await writer.flush();
    expect(await countAuditEvents(db)).toBe(before + 6 + 20);
    const verification = await verifyAll();
    expect(verification).toMatchObject({ ok: true, firstBroken: null });
    expect(verification.head).toEqual(await readChainHead(db));
  });

  it('a batch that cannot be written is refused, and the next batch is written after the current head', async () => {
    const db = t.ctx.db;
    const writer = new AuditWriter(db);
    await writer.record(event('before'));
    const { sql: raw } = t.ctx.database;
    await raw.executeSql(`ALTER TABLE audit_events ADD CONSTRAINT test_refuse_writer CHECK (reason IS DISTINCT FROM 'refuse-me')`);
    try {
      await expect(writer.record(event('refuse-me'))).rejects.toThrow();
    } finally {
      await raw.executeSql('ALTER TABLE audit_events DROP CONSTRAINT test_refuse_writer');
    }
    await db.transaction((tx) => appendAuditEvents(tx, [event('in between')]));
    await writer.record(event('after'));
    const last = await readAuditPage(db, (await readChainHead(db)).lastSeq - 3, 10);
    expect(last.map((e) => e.reason)).toEqual(['before', 'in between', 'after']);
    expect((await verifyAll()).ok).toBe(true);
  });
});
