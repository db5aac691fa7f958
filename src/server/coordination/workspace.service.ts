/**
 * The coordinator's workspace: their patients with what is waiting on whom — open referrals (step and days
 * waiting, on the receiving service), overdue tasks (on their assignee), coverage warnings (expiring
 * authorisations, visits nearing a cap; from the coverage feature), upcoming visits, active social needs,
 * and patients with no recorded contact for N weeks (on us).
 */
import type { FastifyRequest } from 'fastify';
import { isOverdue } from '../../domain/tasks/task';
import { SERVICE_LABELS, type ReferralService } from '../../domain/referrals/services';
import { isOpenStatus, type ReferralStatus } from '../../domain/referrals/status';
import { SOCIAL_NEED_LABELS, type SocialNeedKind } from '../../domain/social-needs/needs';
import { lastContact, openTasksForPatients, workspacePatients, type WorkspacePatient } from '../../db/repositories/coordination.repository';
import { eventsForReferrals, referralsForPatients } from '../../db/repositories/referrals.repository';
import { needsForPatients } from '../../db/repositories/social-needs.repository';
import { auditFrom, requireStaff } from '../auth/actor';
import type { AppContext } from '../context';
import { listCoverageWarnings } from '../coverage/coverage-warnings';
import { listUpcomingAppointments } from '../appointments/upcoming-appointments';
import { canReadRestricted, isRestrictedService } from '../referrals/referral-access';
import { presentReferral } from '../referrals/referrals.present';
import { DEFAULT_WORKSPACE_SETTINGS } from './coordination.settings';

const WEEK_MS = 7 * 86_400_000;

export interface WaitingItem {
  kind: 'referral' | 'task' | 'coverage' | 'appointment' | 'no-contact';
  text: string;
  waitingOn: string;
  overdue: boolean;
  days: number | null;
  link: string | null;
}

export interface WorkspaceRow {
  patient: { id: string; name: string; mrn: string };
  items: WaitingItem[];
  socialNeeds: string[];
  lastContactAt: string | null;
}

export interface Workspace {
  scope: 'mine' | 'teams';
  noContactWeeks: number;
  setting: string;
  counts: { patients: number; openReferrals: number; overdueReferralSteps: number; overdueTasks: number; coverageWarnings: number; noContact: number; socialNeeds: Record<string, number> };
  rows: WorkspaceRow[];
}

export async function buildWorkspace(ctx: AppContext, request: FastifyRequest, scope: 'mine' | 'teams', noContactWeeks: number = DEFAULT_WORKSPACE_SETTINGS.noContactWeeks): Promise<Workspace> {
  const actor = requireStaff(request);
  const asOf = ctx.clock();
  const patients = await workspacePatients(ctx.db, actor.orgId, actor.userId, scope);
  const ids = patients.map((p) => p.id);
  const [referrals, tasks, warnings, appointments, needs, contact] = await Promise.all([
    referralsForPatients(ctx.db, actor.orgId, ids),
    openTasksForPatients(ctx.db, actor.orgId, ids),
    listCoverageWarnings(ctx.db, actor.orgId, ids, asOf),
    listUpcomingAppointments(ctx.db, actor.orgId, ids, asOf, 14),
    needsForPatients(ctx.db, actor.orgId, ids),
    lastContact(ctx.db, actor.orgId, ids),
  ]);
  const restrictedOk = canReadRestricted(request, '');
  const open = referrals.filter((r) => isOpenStatus(r.status as ReferralStatus) && (restrictedOk || !isRestrictedService(r.service)));
  const events = await eventsForReferrals(ctx.db, open.map((r) => r.id));
  const counts: Workspace['counts'] = { patients: patients.length, openReferrals: 0, overdueReferralSteps: 0, overdueTasks: 0, coverageWarnings: warnings.length, noContact: 0, socialNeeds: {} };

  const rowFor = (p: WorkspacePatient): WorkspaceRow => {
    const items: WaitingItem[] = [];
    for (const r of open.filter((x) => x.patientId === p.id)) {
      const v = presentReferral(r, events.filter((e) => e.referralId === r.id), asOf);
      counts.openReferrals += 1;
      if (v.step?.overdue) counts.overdueReferralSteps += 1;
      items.push({
        kind: 'referral',
        text: `${v.serviceLabel}: ${v.statusLabel.toLowerCase()}, ${v.step?.label ?? ''} (${v.step?.daysInStep ?? 0} days in this step, ${daysSince(v.sentDate, asOf)} since sent)`,
        waitingOn: r.receivingProvider ?? SERVICE_LABELS[r.service as ReferralService],
        overdue: v.step?.overdue ?? false,
        days: v.step?.daysInStep ?? null,
        link: `/patients/${p.id}#referrals`,
      });
    }
    for (const t of tasks.filter((x) => x.patientId === p.id)) {
      // Referral step tasks are shown by their referral line above.
      if (t.source === 'referral-step' || !isOverdue({ dueAt: t.dueAt, status: 'open' }, asOf)) continue;
      counts.overdueTasks += 1;
      items.push({ kind: 'task', text: t.title, waitingOn: 'the care team', overdue: true, days: t.dueAt ? Math.floor((asOf.getTime() - t.dueAt.getTime()) / 86_400_000) : null, link: `/patients/${p.id}` });
    }
    for (const w of warnings.filter((x) => x.patientId === p.id)) {
      items.push({ kind: 'coverage', text: w.message, waitingOn: w.planName ?? 'the payer', overdue: w.code === 'coverage.auth-ended' || w.code === 'coverage.visit-cap-reached', days: null, link: `/patients/${p.id}` });
    }
    for (const a of appointments.filter((x) => x.patientId === p.id)) {
      items.push({ kind: 'appointment', text: `${a.visitType.replace(/-/g, ' ')} with ${a.providerName}${a.telehealth ? ' (telehealth)' : ''} on ${a.startsAt.toISOString().slice(0, 10)}`, waitingOn: p.name, overdue: false, days: null, link: `/patients/${p.id}` });
    }
    const last = contact.get(p.id) ?? null;
    const latestReferralEvent = events.filter((e) => e.patientId === p.id).reduce<Date | null>((m, e) => (m === null || e.recordedAt > m ? e.recordedAt : m), null);
    const lastAt = [last, latestReferralEvent].filter((d): d is Date => d !== null).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
    if (lastAt === null || asOf.getTime() - lastAt.getTime() > noContactWeeks * WEEK_MS) {
      counts.noContact += 1;
      items.push({ kind: 'no-contact', text: lastAt === null ? 'No contact recorded yet' : `No contact for ${Math.floor((asOf.getTime() - lastAt.getTime()) / WEEK_MS)} weeks`, waitingOn: 'us', overdue: false, days: lastAt === null ? null : Math.floor((asOf.getTime() - lastAt.getTime()) / 86_400_000), link: `/patients/${p.id}` });
    }
    const active = needs.filter((n) => n.patientId === p.id);
    for (const n of active) counts.socialNeeds[n.kind] = (counts.socialNeeds[n.kind] ?? 0) + 1;
    items.sort((a, b) => Number(b.overdue) - Number(a.overdue));
    return { patient: { id: p.id, name: p.name, mrn: p.mrn }, items, socialNeeds: active.map((n) => SOCIAL_NEED_LABELS[n.kind as SocialNeedKind] ?? n.kind), lastContactAt: lastAt?.toISOString() ?? null };
  };

  const rows = patients.map(rowFor).sort((a, b) => b.items.filter((i) => i.overdue).length - a.items.filter((i) => i.overdue).length || b.items.length - a.items.length);
  if (ids.length > 0) await ctx.audit.record(auditFrom(request, asOf, { action: 'search', resourceType: 'Workspace', resourceId: ids.join(','), reason: `coordination workspace (${scope})` }));
  return { scope, noContactWeeks, setting: `${DEFAULT_WORKSPACE_SETTINGS.name} v${DEFAULT_WORKSPACE_SETTINGS.version}`, counts, rows };
}

function daysSince(date: string, asOf: Date): string {
  const d = Math.max(0, Math.floor((asOf.getTime() - Date.parse(`${date}T00:00:00Z`)) / 86_400_000));
  return `${d} day${d === 1 ? '' : 's'}`;
}
