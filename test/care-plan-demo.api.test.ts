/**
 * The demo care plans tell the story they promise (src/db/seed/demo-care-plans.ts): Maria Garcia reaches
 * movement entry, Lan Nguyen's window is extending with a flare to reassess, Denise Washington has no
 * response yet and a checkpoint due today — read through the API as her physical therapist would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { seedDemoClinic } from '../src/db/seed/demo';
import { patients, tasks } from '../src/db/schema';
import { hashPassword } from '../src/server/auth/password';
import { buildTestApp, signIn, type Agent, type TestApp } from './support/app';

let t: TestApp;
let therapist: Agent;
const idOf = async (mrn: string): Promise<string> => (await t.ctx.db.select().from(patients).where(eq(patients.mrn, mrn)))[0]?.id ?? '';

interface View {
  plan: { phase: string; goals: unknown[] };
  progression: { suggestedPhase: string; statements: { code: string }[]; flares: { classification: string }[]; checkpoint: { due: boolean } };
  sessions: unknown[];
  checkpoints: { status: string; dueOn: string }[];
}

beforeAll(async () => {
  t = await buildTestApp({ loginRateLimitPerMinute: 1000 });
  await seedDemoClinic(t.ctx.db, { hashPassword, asOf: t.clock.now });
  therapist = await signIn(t.app, 'marcus.bell@riverbend.example', 'painpath-demo');
});
afterAll(async () => t?.close());

async function planOf(mrn: string): Promise<View> {
  const res = await therapist.get(`/api/v1/patients/${await idOf(mrn)}/care-plan`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<View>();
}

describe('demo care plans', () => {
  it('Maria Garcia: ten sessions, the window held at a week → movement entry, a flare that settled', async () => {
    const v = await planOf('RB-100001');
    expect(v.sessions).toHaveLength(10);
    expect(v.progression.suggestedPhase).toBe('movement-entry');
    expect(v.plan.phase).toBe('movement-entry');
    expect(v.progression.flares.map((f) => f.classification)).toEqual(['settled-expected']);
    expect(v.checkpoints.map((c) => c.status)).toEqual(['decided', 'decided', 'decided', 'decided', 'due']);
  });

  it('Lan Nguyen: the window is extending; a four-day flare is one to reassess', async () => {
    const v = await planOf('RB-100004');
    expect(v.sessions).toHaveLength(8);
    expect(v.progression.suggestedPhase).toBe('extending-window');
    expect(v.progression.flares.map((f) => f.classification)).toEqual(['reassess-prolonged']);
  });

  it('Denise Washington: no response yet after eight sessions, checkpoint due today', async () => {
    const v = await planOf('RB-100008');
    expect(v.progression.suggestedPhase).toBe('establishing-response');
    expect(v.progression.statements.map((s) => s.code)).toContain('progression.no-response-yet');
    expect(v.checkpoints.find((c) => c.status === 'due')?.dueOn).toBe('2026-11-22');
    expect(v.progression.checkpoint.due).toBe(true);
  });
});

describe('demo checkpoint tasks', () => {
  it('each plan has one open checkpoint task for the care team; decided checkpoints closed theirs', async () => {
    const rows = await t.ctx.db.select().from(tasks).where(eq(tasks.source, 'care-plan'));
    expect(rows.filter((r) => r.status === 'open')).toHaveLength(3);
    expect(rows.filter((r) => r.status === 'done')).toHaveLength(11);
    expect(rows.every((r) => r.type === 'checkpoint' && r.careTeamId !== null)).toBe(true);
  });
});
