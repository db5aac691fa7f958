/**
 * The tamper-evident audit log through the API: every read and write appends a chained event, the
 * patient sees who opened their record, the chain verifies, the table refuses changes, a forged event is
 * found, and concurrent reads still make one unbroken chain.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, patients } from '../src/db/schema';
import { buildTestApp, signIn, type Agent, type TestApp } from './support/app';
import { buildClinic, TEST_PASSWORD } from './support/builders';
import { expectError, UUID_RE } from './support/http';

let t: TestApp;
let clinic: Awaited<ReturnType<typeof buildClinic>>;
let doctor: Agent;
let admin: Agent;
let patient: Agent;

beforeAll(async () => {
  t = await buildTestApp({ loginRateLimitPerMinute: 1000 });
  clinic = await buildClinic(t.ctx.db);
  doctor = await signIn(t.app, clinic.prescriberA.email, TEST_PASSWORD);
  admin = await signIn(t.app, clinic.admin.email, TEST_PASSWORD);
  patient = await signIn(t.app, clinic.patientUser.email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

const url = (id: string): string => `/api/v1/patients/${id}`;

async function eventCount(): Promise<number> {
  const rows = await t.ctx.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
  return rows[0]?.n ?? 0;
}

async function eventsFor(patientId: string) {
  return t.ctx.db.select().from(auditEvents).where(eq(auditEvents.patientId, patientId)).orderBy(asc(auditEvents.seq));
}

async function lastEvent() {
  const rows = await t.ctx.db.select().from(auditEvents).orderBy(sql`${auditEvents.seq} desc`).limit(1);
  return rows[0];
}

describe('every read and write is audited', () => {
  it('a read appends one event with action, patient, actor, ip, user agent and request id', async () => {
    const before = await eventCount();
    const res = await t.app.inject({ method: 'GET', url: url(clinic.patientA.id), headers: { cookie: doctor.cookie, 'user-agent': 'audit-test/1.0' }, remoteAddress: '10.1.2.3' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await eventCount()).toBe(before + 1);
    const event = await lastEvent();
    expect(event).toMatchObject({
      seq: before + 1,
      orgId: clinic.org.id,
      patientId: clinic.patientA.id,
      actorType: 'user',
      actorId: clinic.prescriberA.id,
      actorName: 'Dr. Team A (prescriber)',
      action: 'read',
      resourceType: 'Patient',
      resourceId: clinic.patientA.id,
      reason: null,
      ip: '10.1.2.3',
      userAgent: 'audit-test/1.0',
      occurredAt: t.clock.now.toISOString(),
    });
    expect(event?.requestId).toMatch(UUID_RE);

    await doctor.get(url(clinic.patientA.id));
    const second = await lastEvent();
    expect(second?.seq).toBe(before + 2);
    expect(second?.requestId).toMatch(UUID_RE);
    expect(second?.requestId).not.toBe(event?.requestId);
    expect(second?.prevHash).toBe(event?.hash);
  });

  it('a denied read is audited under the request id the caller was given', async () => {
    const res = await doctor.get(url(clinic.patientB.id));
    const error = expectError(res, 403, 'access.not-on-care-team');
    const event = await lastEvent();
    expect(event).toMatchObject({ action: 'access-denied', patientId: clinic.patientB.id, actorId: clinic.prescriberA.id, reason: 'access.not-on-care-team', requestId: error.requestId });
  });

  it('a search is audited with the ids it showed', async () => {
    await doctor.get('/api/v1/patients');
    expect(await lastEvent()).toMatchObject({ action: 'search', resourceType: 'Patient', resourceId: clinic.patientA.id, reason: '1 of 1 shown', patientId: null });
  });

  it('a PATCH appends an update event committed with the change; a stale PATCH appends nothing', async () => {
    const read = await doctor.get(url(clinic.patientA.id));
    const version = read.json().version as number;
    t.clock.advance(60_000);
    const res = await doctor.send('PATCH', url(clinic.patientA.id), { phone: '555-0101', city: 'Riverbend' }, { 'if-match': `W/"${version}"` });
    expect(res.statusCode, res.body).toBe(200);
    const event = await lastEvent();
    expect(event).toMatchObject({ action: 'update', resourceType: 'Patient', patientId: clinic.patientA.id, actorId: clinic.prescriberA.id, reason: 'changed: city, phone', occurredAt: t.clock.now.toISOString() });
    expect(res.json().updatedAt).toBe(event?.occurredAt);

    const count = await eventCount();
    expectError(await doctor.send('PATCH', url(clinic.patientA.id), { phone: '555-0102' }, { 'if-match': `W/"${version}"` }), 412, 'conflict.stale-version');
    expect(await eventCount()).toBe(count);
  });

  it('a change whose audit event cannot be written is not made (same transaction)', async () => {
    const { sql: raw } = t.ctx.database;
    const read = await doctor.get(url(clinic.patientA.id));
    const before = read.json();
    const count = await eventCount();
    await raw.executeSql(`ALTER TABLE audit_events ADD CONSTRAINT test_refuse_postal CHECK (reason IS DISTINCT FROM 'changed: postalCode')`);
    try {
      const res = await doctor.send('PATCH', url(clinic.patientA.id), { postalCode: '99999' }, { 'if-match': `W/"${before.version}"` });
      expectError(res, 500, 'internal');
      expect(res.body).not.toContain('test_refuse_postal');
    } finally {
      await raw.executeSql('ALTER TABLE audit_events DROP CONSTRAINT test_refuse_postal');
    }
    const rows = await t.ctx.db.select().from(patients).where(eq(patients.id, clinic.patientA.id));
    expect(rows[0]).toMatchObject({ version: before.version, postalCode: before.postalCode });
    expect(await eventCount()).toBe(count);
  });

  it('a read whose audit event cannot be written is not answered', async () => {
    const { sql: raw } = t.ctx.database;
    await raw.executeSql(`ALTER TABLE audit_events ADD CONSTRAINT test_refuse_read CHECK (action <> 'read' OR user_agent IS DISTINCT FROM 'refuse-me')`);
    try {
      const res = await doctor.get(url(clinic.patientA.id), { 'user-agent': 'refuse-me' });
      expectError(res, 500, 'internal');
      expect(res.body).not.toContain('Okoye');
    } finally {
      await raw.executeSql('ALTER TABLE audit_events DROP CONSTRAINT test_refuse_read');
    }
  });
});

describe('access history', () => {
  it('lists events for the patient newest first', async () => {
    const res = await doctor.get(`${url(clinic.patientA.id)}/access-history`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { seq: number; action: string; actorName: string; ip: string }[];
    // The history request's own event is written after the list is read.
    const stored = (await eventsFor(clinic.patientA.id)).slice(0, -1);
    expect(items.map((i) => i.seq)).toEqual(stored.map((e) => e.seq).reverse());
    expect(items[0]).toMatchObject({ action: 'read', actorName: 'Dr. Team A (prescriber)' });
    expect(items.map((i) => i.action)).toContain('update');
    expect((await lastEvent())).toMatchObject({ action: 'read', resourceType: 'AccessHistory', patientId: clinic.patientA.id });

    const limited = (await doctor.get(`${url(clinic.patientA.id)}/access-history?limit=2`)).json().items;
    expect(limited).toHaveLength(2);
    expect(limited[0].seq).toBeGreaterThan(limited[1].seq);
  });

  it('the patient sees who opened their own record, but not someone else’s history', async () => {
    const res = await patient.get(`${url(clinic.patientA.id)}/access-history?limit=500`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { seq: number; actorName: string; action: string }[];
    expect(items.some((i) => i.actorName === 'Dr. Team A (prescriber)' && i.action === 'update')).toBe(true);
    for (let i = 1; i < items.length; i += 1) expect((items[i - 1] as { seq: number }).seq).toBeGreaterThan((items[i] as { seq: number }).seq);
    expectError(await patient.get(`${url(clinic.patientB.id)}/access-history`), 403, 'access.not-self');
    expectError(await doctor.get(`${url(clinic.patientB.id)}/access-history`), 403, 'access.not-on-care-team');
  });
});

describe('verification', () => {
  it('an administrator verifies the whole chain; other staff may not', async () => {
    const count = await eventCount();
    const res = await admin.get('/api/v1/audit/verify');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true, checked: count, firstBroken: null, headMatches: true });
    expect(await lastEvent()).toMatchObject({ action: 'verify', resourceType: 'AuditLog', reason: `ok, ${count} events` });
    expectError(await doctor.get('/api/v1/audit/verify'), 403, 'auth.role');
  });

  it('50 concurrent reads append 50 events with consecutive seq numbers and the chain still verifies', async () => {
    const before = await eventCount();
    const responses = await Promise.all(Array.from({ length: 50 }, () => doctor.get(url(clinic.patientA.id))));
    expect(responses.map((r) => r.statusCode)).toEqual(Array.from({ length: 50 }, () => 200));
    expect(await eventCount()).toBe(before + 50);
    const reads = await t.ctx.db.select().from(auditEvents).where(and(sql`${auditEvents.seq} > ${before}`, eq(auditEvents.action, 'read')));
    expect(reads).toHaveLength(50);
    expect(new Set(reads.map((r) => r.requestId)).size).toBe(50);
    const seqs = (await t.ctx.db.select({ seq: auditEvents.seq }).from(auditEvents).orderBy(asc(auditEvents.seq))).map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    const verify = (await admin.get('/api/v1/audit/verify')).json();
    expect(verify).toEqual({ ok: true, checked: before + 50, firstBroken: null, headMatches: true });
  });

});

describe('tampering', () => {
  it('the table refuses UPDATE, DELETE and TRUNCATE', async () => {
    const { sql: raw } = t.ctx.database;
    await expect(raw.executeSql(`UPDATE audit_events SET reason = 'forged' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(raw.executeSql('UPDATE audit_events SET reason = $1 WHERE seq = $2', ['forged', 2])).rejects.toThrow(/append-only/);
    await expect(raw.executeSql('DELETE FROM audit_events WHERE seq = 1')).rejects.toThrow(/append-only/);
    await expect(raw.executeSql('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
    expect((await admin.get('/api/v1/audit/verify')).json().ok).toBe(true);
  });

  it('an event changed behind the trigger’s back is reported as the first broken link', async () => {
    const { sql: raw } = t.ctx.database;
    const update = (await eventsFor(clinic.patientA.id)).find((e) => e.action === 'update');
    expect(update).toBeDefined();
    const seq = update?.seq as number;
    await raw.executeSql('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update');
    try {
      await raw.executeSql(`UPDATE audit_events SET reason = 'changed: nothing' WHERE seq = ${seq}`);
    } finally {
      await raw.executeSql('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update');
    }
    await expect(raw.executeSql(`UPDATE audit_events SET reason = 'again' WHERE seq = ${seq}`)).rejects.toThrow(/append-only/);

    const res = await admin.get('/api/v1/audit/verify');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: false, checked: seq - 1, firstBroken: { seq, problem: 'hash-mismatch' }, headMatches: false });
    expect(await lastEvent()).toMatchObject({ action: 'verify', reason: `broken at ${seq}` });
  });
});
