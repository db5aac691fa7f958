/**
 * Tasks through the API: create, validate, the inbox (mine / team), overdue, changes with If-Match and
 * history, and due reminders raised by the real pg-boss queue, including after the queue restarts.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tasks } from '../src/db/schema';
import { startJobs, type JobQueue } from '../src/server/jobs/jobs';
import { raiseReminder, scheduleReminderFor } from '../src/server/tasks/tasks.service';
import { buildTestApp, signIn, type Agent, type TestApp } from './support/app';
import { buildClinic, TEST_PASSWORD } from './support/builders';
import { detailPaths, expectError, waitFor } from './support/http';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let t: TestApp;
let clinic: Awaited<ReturnType<typeof buildClinic>>;
let doc: Agent; // prescriber on team A
let therapist: Agent; // therapist on team B
let queues: JobQueue[] = [];

interface TaskBody {
  id: string;
  title: string;
  status: string;
  version: number;
  overdue: boolean;
  remindedAt: string | null;
  dueAt: string | null;
  assigneeUserId: string | null;
  assigneeRole: string | null;
  patientId: string | null;
}

beforeAll(async () => {
  t = await buildTestApp({ loginRateLimitPerMinute: 1000 });
  clinic = await buildClinic(t.ctx.db);
  doc = await signIn(t.app, clinic.prescriberA.email, TEST_PASSWORD);
  therapist = await signIn(t.app, clinic.therapistB.email, TEST_PASSWORD);
});
afterAll(async () => {
  for (const q of queues) await q.stop().catch(() => undefined);
  t.ctx.jobs = null;
  await t?.close();
});

const iso = (ms: number): string => new Date(t.clock.now.getTime() + ms).toISOString();

async function create(agent: Agent, body: Record<string, unknown>): Promise<TaskBody> {
  const res = await agent.send('POST', '/api/v1/tasks', { type: 'follow-up', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<TaskBody>();
}

async function inbox(agent: Agent, query: string): Promise<TaskBody[]> {
  const res = await agent.get(`/api/v1/tasks?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as TaskBody[];
}

async function history(agent: Agent, id: string): Promise<{ at: string; actor: string; event: string; changes: Record<string, unknown> }[]> {
  const res = await agent.get(`/api/v1/tasks/${id}/history`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

describe('creating tasks', () => {
  it('creates a task for a patient on my team (201, version 1, ETag, history "created")', async () => {
    const res = await doc.send('POST', '/api/v1/tasks', {
      patientId: clinic.patientA.id,
      type: 'follow-up',
      title: '  Call about new sleep schedule  ',
      assigneeUserId: clinic.prescriberA.id,
      dueAt: iso(2 * HOUR),
      priority: 'high',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers.etag).toBe('W/"1"');
    expect(res.json()).toMatchObject({
      patientId: clinic.patientA.id,
      patientName: 'Amara Okoye',
      type: 'follow-up',
      title: 'Call about new sleep schedule',
      assigneeUserId: clinic.prescriberA.id,
      assigneeName: 'Dr. Team A',
      dueAt: iso(2 * HOUR),
      priority: 'high',
      source: 'manual',
      status: 'open',
      overdue: false,
      remindedAt: null,
      version: 1,
      createdAt: t.clock.now.toISOString(),
    });
    const h = await history(doc, res.json().id);
    expect(h.map((e) => [e.event, e.actor])).toEqual([['created', clinic.prescriberA.id]]);
  });

  it('refuses a task for a patient not on my team (403) and writes nothing', async () => {
    const before = await t.ctx.db.select().from(tasks).where(eq(tasks.patientId, clinic.patientB.id));
    const res = await doc.send('POST', '/api/v1/tasks', { patientId: clinic.patientB.id, type: 'general', title: 'Peek', assigneeUserId: clinic.prescriberA.id });
    expectError(res, 403, 'access.not-on-care-team');
    expect(await t.ctx.db.select().from(tasks).where(eq(tasks.patientId, clinic.patientB.id))).toHaveLength(before.length);
  });

  it('reports a missing assignee and an unknown role, each with its path', async () => {
    const missing = expectError(await doc.send('POST', '/api/v1/tasks', { patientId: clinic.patientA.id, type: 'general', title: 'Nobody' }), 400, 'validation');
    expect(detailPaths(missing)).toEqual(['body.assigneeUserId']);
    expect(missing.details[0]?.code).toBe('task.assignee-missing');
    const role = expectError(await doc.send('POST', '/api/v1/tasks', { patientId: clinic.patientA.id, type: 'general', title: 'Wizards', assigneeRole: 'wizard' }), 400, 'validation');
    expect(detailPaths(role)).toEqual(['body.assigneeRole', 'body.assigneeUserId']);
  });

  it('an assignee or care team that does not exist in the clinic is 400 with its path, not a 500', async () => {
    const before = (await t.ctx.db.select().from(tasks)).length;
    const nobody = '00000000-0000-4000-8000-000000000000';
    const base = { patientId: clinic.patientA.id, type: 'general', title: 'Ghost assignee' };
    const user = expectError(await doc.send('POST', '/api/v1/tasks', { ...base, assigneeUserId: nobody }), 400, 'validation');
    expect(detailPaths(user)).toEqual(['body.assigneeUserId']);
    const team = expectError(await doc.send('POST', '/api/v1/tasks', { ...base, careTeamId: nobody }), 400, 'validation');
    expect(detailPaths(team)).toEqual(['body.careTeamId']);
    expect((await t.ctx.db.select().from(tasks)).length).toBe(before);
  });

  it('lists every bad field at once: no assignee, unknown type, bad dueAt', async () => {
    const before = await t.ctx.db.select().from(tasks);
    const res = await doc.send('POST', '/api/v1/tasks', { patientId: clinic.patientA.id, type: 'chore', title: 'Everything wrong', dueAt: 'next tuesday' });
    const error = expectError(res, 400, 'validation');
    expect(detailPaths(error)).toEqual(['body.assigneeUserId', 'body.dueAt', 'body.type']);
    expect(await t.ctx.db.select().from(tasks)).toHaveLength(before.length);
  });
});

describe('the inbox', () => {
  let ids: Record<string, string> = {};

  beforeAll(async () => {
    const base = { patientId: clinic.patientA.id, type: 'general' };
    ids = {
      mineByPerson: (await create(doc, { ...base, title: 'Inbox: assigned to me', assigneeUserId: clinic.prescriberA.id })).id,
      mineByRole: (await create(doc, { ...base, title: 'Inbox: any prescriber', assigneeRole: 'prescriber' })).id,
      roleButPerson: (await create(doc, { ...base, title: 'Inbox: prescriber role but a named colleague', assigneeRole: 'prescriber', assigneeUserId: clinic.bhA.id })).id,
      otherRole: (await create(doc, { ...base, title: 'Inbox: for therapists', assigneeRole: 'therapist' })).id,
      team: (await create(doc, { ...base, title: 'Inbox: for team A', careTeamId: clinic.teamA.id })).id,
      otherTeam: (await create(therapist, { patientId: clinic.patientB.id, type: 'general', title: 'Inbox: team B patient', assigneeUserId: clinic.therapistB.id })).id,
    };
  });

  it('view=mine shows tasks assigned to me and to my role with no person', async () => {
    const mine = (await inbox(doc, 'view=mine')).filter((x) => x.title.startsWith('Inbox:')).map((x) => x.id);
    expect(mine.sort()).toEqual([ids.mineByPerson, ids.mineByRole].sort());
  });

  it("view=team shows every open task of my teams' patients, and nothing of other teams", async () => {
    const team = (await inbox(doc, 'view=team')).filter((x) => x.title.startsWith('Inbox:')).map((x) => x.id);
    expect(team.sort()).toEqual([ids.mineByPerson, ids.mineByRole, ids.roleButPerson, ids.otherRole, ids.team].sort());
    const teamB = (await inbox(therapist, 'view=team')).filter((x) => x.title.startsWith('Inbox:')).map((x) => x.id);
    expect(teamB).toEqual([ids.otherTeam]);
  });

  it('flags a task overdue only when its due time is before the clock', async () => {
    const past = await create(doc, { patientId: clinic.patientA.id, title: 'Overdue: past', assigneeUserId: clinic.prescriberA.id, dueAt: iso(-MINUTE) });
    const now = await create(doc, { patientId: clinic.patientA.id, title: 'Overdue: now', assigneeUserId: clinic.prescriberA.id, dueAt: iso(0) });
    const later = await create(doc, { patientId: clinic.patientA.id, title: 'Overdue: later', assigneeUserId: clinic.prescriberA.id, dueAt: iso(HOUR) });
    expect([past.overdue, now.overdue, later.overdue]).toEqual([true, false, false]);
    const items = await inbox(doc, 'view=mine');
    const flag = (id: string) => items.find((x) => x.id === id)?.overdue;
    expect([flag(past.id), flag(now.id), flag(later.id)]).toEqual([true, false, false]);
    // Overdue tasks come first.
    expect(items[0]?.id).toBe(past.id);
    t.clock.advance(HOUR + 1);
    const afterwards = await inbox(doc, 'view=mine');
    expect(afterwards.find((x) => x.id === later.id)?.overdue).toBe(true);
    expect(afterwards.find((x) => x.id === now.id)?.overdue).toBe(true);
  });
});

describe('changing tasks', () => {
  it('PATCH with If-Match moves the status, bumps the version and records history', async () => {
    const task = await create(doc, { patientId: clinic.patientA.id, title: 'Change me', assigneeUserId: clinic.prescriberA.id });
    t.clock.advance(MINUTE);
    const res = await doc.send('PATCH', `/api/v1/tasks/${task.id}`, { status: 'in_progress' }, { 'if-match': 'W/"1"' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe('W/"2"');
    expect(res.json()).toMatchObject({ status: 'in_progress', version: 2 });
    const h = await history(doc, task.id);
    expect(h.map((e) => e.event)).toEqual(['created', 'task.started']);
    expect(h[1]).toMatchObject({ actor: clinic.prescriberA.id, at: t.clock.now.toISOString(), changes: { status: { from: 'open', to: 'in_progress' } } });
  });

  it('a stale If-Match is 412, a missing one 428, and nothing changes', async () => {
    const task = await create(doc, { patientId: clinic.patientA.id, title: 'Contested', assigneeUserId: clinic.prescriberA.id });
    expect((await doc.send('PATCH', `/api/v1/tasks/${task.id}`, { priority: 'urgent' }, { 'if-match': 'W/"1"' })).statusCode).toBe(200);
    expectError(await doc.send('PATCH', `/api/v1/tasks/${task.id}`, { status: 'done' }, { 'if-match': 'W/"1"' }), 412, 'conflict.stale-version');
    expectError(await doc.send('PATCH', `/api/v1/tasks/${task.id}`, { status: 'done' }), 428, 'conflict.if-match-required');
    const row = (await t.ctx.db.select().from(tasks).where(eq(tasks.id, task.id)))[0];
    expect(row).toMatchObject({ status: 'open', priority: 'urgent', version: 2 });
    expect((await history(doc, task.id)).map((e) => e.event)).toEqual(['created', 'task.updated']);
  });

  it('an invalid transition (done → in_progress) is 400 and keeps the version', async () => {
    const task = await create(doc, { patientId: clinic.patientA.id, title: 'Finish me', assigneeUserId: clinic.prescriberA.id });
    t.clock.advance(MINUTE);
    expect((await doc.send('PATCH', `/api/v1/tasks/${task.id}`, { status: 'done' }, { 'if-match': 'W/"1"' })).json()).toMatchObject({ status: 'done', version: 2 });
    const error = expectError(await doc.send('PATCH', `/api/v1/tasks/${task.id}`, { status: 'in_progress' }, { 'if-match': 'W/"2"' }), 400, 'validation');
    expect(error.details).toEqual([{ path: 'body.status', message: 'A done task cannot move to in_progress.', code: 'task.transition-not-allowed' }]);
    const row = (await t.ctx.db.select().from(tasks).where(eq(tasks.id, task.id)))[0];
    expect(row).toMatchObject({ status: 'done', version: 2 });
    // Reopening is allowed.
    expect((await doc.send('PATCH', `/api/v1/tasks/${task.id}`, { status: 'open' }, { 'if-match': 'W/"2"' })).json()).toMatchObject({ status: 'open', version: 3 });
  });

  it("staff off the patient's team cannot change or read the history of a task assigned to someone else", async () => {
    const task = await create(therapist, { patientId: clinic.patientB.id, title: 'Team B only', assigneeUserId: clinic.therapistB.id });
    expectError(await doc.send('PATCH', `/api/v1/tasks/${task.id}`, { status: 'done' }, { 'if-match': 'W/"1"' }), 403, 'access.not-on-care-team');
    expectError(await doc.get(`/api/v1/tasks/${task.id}/history`), 403, 'access.not-on-care-team');
    expect((await t.ctx.db.select().from(tasks).where(eq(tasks.id, task.id)))[0]?.status).toBe('open');
  });
});

describe('reminders (real pg-boss)', () => {
  const start = async (): Promise<JobQueue> => {
    const q = await startJobs(t.ctx.database.sql, { onReminder: (job) => raiseReminder(t.ctx, job) }, () => undefined);
    queues.push(q);
    t.ctx.jobs = q;
    return q;
  };
  const stop = async (q: JobQueue): Promise<void> => {
    await q.stop();
    queues = queues.filter((x) => x !== q);
    if (t.ctx.jobs === q) t.ctx.jobs = null;
  };
  const reminded = async (agent: Agent, id: string): Promise<string | undefined> => {
    const h = await history(agent, id);
    return h.some((e) => e.event === 'reminder-raised') ? 'yes' : undefined;
  };

  it('raises the reminder when an open task falls due, not for a task already done', { timeout: 60_000 }, async () => {
    const q = await start();
    try {
      t.clock.now = new Date();
      const agent = await signIn(t.app, clinic.prescriberA.email, TEST_PASSWORD);
      const due = await create(agent, { patientId: clinic.patientA.id, title: 'Reminder: due soon', assigneeUserId: clinic.prescriberA.id, dueAt: iso(2_000) });
      const closed = await create(agent, { patientId: clinic.patientA.id, title: 'Reminder: closed early', assigneeUserId: clinic.prescriberA.id, dueAt: iso(2_000) });
      expect((await agent.send('PATCH', `/api/v1/tasks/${closed.id}`, { status: 'done' }, { 'if-match': 'W/"1"' })).statusCode).toBe(200);
      expect(await reminded(agent, due.id)).toBeUndefined();

      await waitFor('the reminder to be raised', () => reminded(agent, due.id), 20_000);
      const h = await history(agent, due.id);
      expect(h.map((e) => [e.event, e.actor])).toEqual([
        ['created', clinic.prescriberA.id],
        ['reminder-raised', 'system'],
      ]);
      const row = (await inbox(agent, 'view=mine')).find((x) => x.id === due.id);
      expect(row?.remindedAt).toBe(t.clock.now.toISOString());
      expect(row?.version).toBe(2);

      // Give the closed task's job time to run too: it must not raise anything.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect((await history(agent, closed.id)).map((e) => e.event)).toEqual(['created', 'task.completed']);
      expect((await t.ctx.db.select().from(tasks).where(eq(tasks.id, closed.id)))[0]?.remindedAt).toBeNull();
    } finally {
      await stop(q);
    }
  });

  const pendingJobs = async (taskId: string, dueAt: string): Promise<number> => {
    const r = await t.ctx.database.sql.executeSql(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'task-reminder' AND singleton_key = $1 AND state IN ('created', 'retry')`, [`${taskId}@${dueAt}`]);
    return Number(r.rows[0]?.n);
  };

  it('scheduling the same reminder again (as every restart does) keeps one pending job', { timeout: 60_000 }, async () => {
    const q = await start();
    try {
      t.clock.now = new Date();
      const agent = await signIn(t.app, clinic.prescriberA.email, TEST_PASSWORD);
      const task = await create(agent, { patientId: clinic.patientA.id, title: 'Reminder: next week', assigneeUserId: clinic.prescriberA.id, dueAt: iso(7 * 24 * HOUR) });
      expect(await pendingJobs(task.id, task.dueAt as string)).toBe(1);
      const row = (await t.ctx.db.select().from(tasks).where(eq(tasks.id, task.id)))[0];
      if (!row) throw new Error('task row missing');
      // What rescheduleReminders() does for this task at every start-up.
      await scheduleReminderFor(t.ctx, row);
      await scheduleReminderFor(t.ctx, row);
      expect(await pendingJobs(task.id, task.dueAt as string)).toBe(1);
    } finally {
      await stop(q);
    }
  });

  it('a task reopened after its due time (closed when the reminder ran) still gets its reminder', { timeout: 60_000 }, async () => {
    const q = await start();
    try {
      t.clock.now = new Date();
      const agent = await signIn(t.app, clinic.prescriberA.email, TEST_PASSWORD);
      const task = await create(agent, { patientId: clinic.patientA.id, title: 'Reminder: reopened', assigneeUserId: clinic.prescriberA.id, dueAt: iso(1_000) });
      expect((await agent.send('PATCH', `/api/v1/tasks/${task.id}`, { status: 'done' }, { 'if-match': 'W/"1"' })).statusCode).toBe(200);
      // Wait until the reminder job has run (and, the task being done, raised nothing).
      await waitFor('the reminder job to run', async () => ((await pendingJobs(task.id, task.dueAt as string)) === 0 ? true : undefined), 20_000);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(await reminded(agent, task.id)).toBeUndefined();

      t.clock.now = new Date();
      const reopened = await agent.send('PATCH', `/api/v1/tasks/${task.id}`, { status: 'open' }, { 'if-match': 'W/"2"' });
      expect(reopened.json()).toMatchObject({ status: 'open', overdue: true, remindedAt: null });
      // Open, overdue and never reminded: reminderAt() says the reminder is due now (a restart would raise it).
      await waitFor('the reminder for the reopened task', () => reminded(agent, task.id), 10_000);
    } finally {
      await stop(q);
    }
  });

  it('a reminder scheduled before the queue stopped is raised by the next queue on the same database', { timeout: 60_000 }, async () => {
    const first = await start();
    t.clock.now = new Date();
    const agent = await signIn(t.app, clinic.prescriberA.email, TEST_PASSWORD);
    const task = await create(agent, { patientId: clinic.patientA.id, title: 'Reminder: survives restart', assigneeUserId: clinic.prescriberA.id, dueAt: new Date(Date.now() + 5_000).toISOString() });
    await stop(first);
    expect(Date.now()).toBeLessThan(new Date(task.dueAt as string).getTime());
    expect(await reminded(agent, task.id)).toBeUndefined();

    const second = await start();
    try {
      await waitFor('the reminder to be raised by the new queue', () => reminded(agent, task.id), 20_000);
      const row = (await t.ctx.db.select().from(tasks).where(eq(tasks.id, task.id)))[0];
      expect(row?.remindedAt?.toISOString()).toBe(t.clock.now.toISOString());
      expect((await history(agent, task.id)).filter((e) => e.event === 'reminder-raised')).toHaveLength(1);
    } finally {
      await stop(second);
    }
  });
});
