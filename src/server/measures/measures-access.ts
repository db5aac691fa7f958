/**
 * Who may see and write intakes, questionnaire responses, scores, summaries and assessments.
 *
 * Decision (issue "Intake, outcome measures and trajectories"): behavioural-health screening scores
 * (PHQ-2, PHQ-9, GAD-7) are the GENERAL category here, like PEG and PSFS. They are screening measures the
 * whole care team needs — PHQ-9 item 9 raises a same-day safety task for the team, and mood is part of the
 * pain trajectory. The restricted category stays for behavioural-health clinicians' notes and substance-use
 * records (42 CFR Part 2); ORT and ORT-OUD are opioid-risk screens used by prescribers and are general too.
 * A clinic that wants these scores restricted needs a setting first; until then this comment is the rule.
 *
 * Caregivers: only with the patient's 'check-ins' consent, and only to see and complete the patient's
 * to-dos (intakes and instrument requests). They never see scores, trajectories or summaries.
 */
import type { FastifyRequest } from 'fastify';
import type { AccessAction } from '../../domain/access/patient-access';
import { auditFrom, requireActor } from '../auth/actor';
import { authorisePatient, type AuthorisedPatient } from '../access/access.service';
import type { AppContext } from '../context';
import { AppError } from '../errors';

/** The record category of every resource in this feature (see the decision above). */
export const MEASURES_CATEGORY = 'general' as const;

/** Completing a to-do (intake page, instrument response): the patient, or a caregiver with 'check-ins'. */
export function authoriseTodo(ctx: AppContext, request: FastifyRequest, patientId: string, action: AccessAction): Promise<AuthorisedPatient> {
  return authorisePatient(ctx, request, patientId, { action, category: MEASURES_CATEGORY, caregiverScope: 'check-ins' });
}

/** Scores, trajectories, summaries, assessments: staff on the care team (or break-glass), the patient, API tokens; never caregivers. */
export async function authoriseMeasures(ctx: AppContext, request: FastifyRequest, patientId: string, action: AccessAction): Promise<AuthorisedPatient> {
  const actor = requireActor(request);
  if (actor.kind === 'user' && actor.role === 'caregiver') {
    // Still loads the patient (a 404 for another clinic's id) and audits the denial like any other denied attempt.
    const authorised = await authorisePatient(ctx, request, patientId, { action, category: MEASURES_CATEGORY, caregiverScope: 'check-ins' });
    await ctx.audit.record(
      auditFrom(request, ctx.clock(), { action: 'access-denied', resourceType: 'Patient', resourceId: authorised.patient.id, patientId: authorised.patient.id, reason: 'access.caregiver-scores' }),
    );
    throw new AppError('forbidden', 'access.caregiver-scores', 'Caregivers can help complete check-ins but cannot see scores, summaries or assessments.');
  }
  return authorisePatient(ctx, request, patientId, { action, category: MEASURES_CATEGORY });
}

/** A patient or caregiver account (as opposed to staff or a system client). */
export function isPersonFacing(request: FastifyRequest): boolean {
  const actor = request.actor;
  return actor?.kind === 'user' && (actor.role === 'patient' || actor.role === 'caregiver');
}
