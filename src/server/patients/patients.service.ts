/** Patient use cases: search, read, create, update, break the glass. Routes stay thin and call these. */
import type { FastifyRequest } from 'fastify';
import { ageOn } from '../../domain/patients/age';
import { OPTIONAL_DEMOGRAPHIC_DEFAULTS, type PatientDemographics } from '../../domain/patients/patient';
import { validateDemographics } from '../../domain/patients/validate';
import { appendAuditEvents } from '../../db/repositories/audit.repository';
import { insertBreakGlass } from '../../db/repositories/access.repository';
import { firstCareTeamOf, insertTask } from '../../db/repositories/tasks.repository';
import {
  getCareTeam,
  getPatient,
  getPatientByMrn,
  getUserBrief,
  insertPatient,
  searchPatients,
  teamMembers,
  updatePatient,
  type PatientListRow,
  type PatientRow,
} from '../../db/repositories/patients.repository';
import { auditFrom, requireActor, requireStaff } from '../auth/actor';
import type { AuthorisedPatient } from '../access/access.service';
import type { AppContext } from '../context';
import { AppError, notFound } from '../errors';
import { validationDetails } from '../error-handler';
import type { PatientCreateBody, PatientDetail, PatientListQuery, PatientPatchBody } from './patients.schema';
import { recordLanguageFlagsForText } from '../language/language.service';

export function toSummary(row: PatientListRow, asOf: Date): Record<string, unknown> {
  return {
    id: row.id,
    mrn: row.mrn,
    givenName: row.givenName,
    familyName: row.familyName,
    preferredName: row.preferredName,
    birthDate: row.birthDate,
    age: ageOn(row.birthDate, asOf),
    sex: row.sex,
    preferredLanguage: row.preferredLanguage,
    interpreterNeeded: row.interpreterNeeded,
    careTeam: row.careTeamId && row.careTeamName ? { id: row.careTeamId, name: row.careTeamName } : null,
    coordinator: row.coordinatorUserId && row.coordinatorName ? { id: row.coordinatorUserId, displayName: row.coordinatorName } : null,
  };
}

export async function listPatients(ctx: AppContext, request: FastifyRequest, query: PatientListQuery) {
  const actor = requireActor(request);
  if (actor.kind === 'user') requireStaff(request);
  else if (!actor.scopes.includes('patients.read')) {
    throw new AppError('forbidden', 'access.token-scope', 'This API token does not have the patients.read scope.');
  }
  const asOf = ctx.clock();
  const result = await searchPatients(ctx.db, {
    orgId: actor.orgId,
    visibleTo: actor.kind === 'user' ? actor.userId : 'all',
    ...query,
  });
  await ctx.audit.record(
    auditFrom(request, asOf, {
      action: 'search',
      resourceType: 'Patient',
      // The ids shown, so a search that displayed a person can be traced; the query itself is kept out.
      resourceId: result.items.map((p) => p.id).join(',') || null,
      reason: `${result.items.length} of ${result.total} shown`,
    }),
  );
  return { items: result.items.map((r) => toSummary(r, asOf)), total: result.total, limit: query.limit, offset: query.offset };
}

export async function patientDetail(ctx: AppContext, authorised: AuthorisedPatient): Promise<PatientDetail> {
  const { patient, decision, breakGlassExpiresAt } = authorised;
  const asOf = ctx.clock();
  // Use what authorisePatient loaded with the patient unless the assignment changed since (e.g. a PATCH).
  const loaded = authorised.careTeam;
  const fresh = (loaded.careTeam?.id ?? null) === patient.careTeamId && (loaded.coordinator?.id ?? null) === patient.coordinatorUserId;
  const [team, members, coordinator] = fresh
    ? [loaded.careTeam ?? undefined, loaded.members, loaded.coordinator ?? undefined]
    : await Promise.all([
        patient.careTeamId ? getCareTeam(ctx.db, patient.orgId, patient.careTeamId) : undefined,
        patient.careTeamId ? teamMembers(ctx.db, patient.careTeamId) : [],
        patient.coordinatorUserId ? getUserBrief(ctx.db, patient.orgId, patient.coordinatorUserId) : undefined,
      ]);
  return {
    ...pickDemographics(patient),
    id: patient.id,
    age: ageOn(patient.birthDate, asOf),
    version: patient.version,
    updatedAt: patient.updatedAt.toISOString(),
    careTeam: team ? { ...team, members } : null,
    coordinator: coordinator ? { id: coordinator.id, displayName: coordinator.displayName, email: coordinator.email } : null,
    access: {
      basis: decision.basis ?? 'none',
      reason: decision.reason,
      ...(breakGlassExpiresAt ? { expiresAt: breakGlassExpiresAt.toISOString() } : {}),
    },
  };
}

export function pickDemographics(p: PatientRow): PatientDemographics {
  return {
    mrn: p.mrn,
    givenName: p.givenName,
    familyName: p.familyName,
    preferredName: p.preferredName,
    birthDate: p.birthDate,
    sex: p.sex as PatientDemographics['sex'],
    genderIdentity: p.genderIdentity,
    pronouns: p.pronouns,
    race: p.race as PatientDemographics['race'],
    ethnicity: p.ethnicity as PatientDemographics['ethnicity'],
    preferredLanguage: p.preferredLanguage,
    interpreterNeeded: p.interpreterNeeded,
    phone: p.phone,
    email: p.email,
    addressLine: p.addressLine,
    city: p.city,
    state: p.state,
    postalCode: p.postalCode,
    rurality: p.rurality as PatientDemographics['rurality'],
    payer: p.payer,
    active: p.active,
    summary: p.summary,
  };
}

/**
 * With `attachValidation` on a route, schema errors and the domain's own checks (real dates, value lists)
 * are reported together, so a person sees every bad field at once.
 */
export function throwIfRequestInvalid(request: FastifyRequest, asOf: Date): void {
  const ve = request.validationError as (Error & { validation?: unknown[]; validationContext?: string }) | undefined;
  if (ve && ve.validationContext !== 'body') throw ve;
  const schemaDetails = ve ? validationDetails('body', (ve.validation ?? []) as never[]) : [];
  const body = request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {};
  const typed = Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string' || typeof v === 'boolean'));
  const domainDetails = validateDemographics(typed, asOf, 'body.').map((i) => ({ path: i.path ?? 'body', message: i.message, code: i.code }));
  const seen = new Set(schemaDetails.map((d) => d.path));
  const details = [...schemaDetails, ...domainDetails.filter((d) => !seen.has(d.path))];
  if (details.length > 0) {
    throw new AppError('validation', 'validation', `The request has ${details.length} invalid field${details.length === 1 ? '' : 's'}.`, details);
  }
}

/** A concurrent insert of the same MRN loses at the unique index: answer 409, never 500. */
function isDuplicateMrn(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string; message?: string }; message?: string };
  const code = e?.code ?? e?.cause?.code;
  const text = `${e?.constraint ?? ''} ${e?.cause?.constraint ?? ''} ${e?.message ?? ''} ${e?.cause?.message ?? ''}`;
  return code === '23505' && text.includes('patients_org_mrn_unique');
}

function duplicateMrn(pathPrefix: string): AppError {
  return new AppError('conflict', 'conflict.duplicate-mrn', 'A patient with this medical record number already exists.', [{ path: `${pathPrefix}mrn`, message: 'is already in use' }]);
}

function throwIfInvalid(issues: ReturnType<typeof validateDemographics>): void {
  if (issues.length === 0) return;
  throw new AppError(
    'validation',
    'validation',
    `The request has ${issues.length} invalid field${issues.length === 1 ? '' : 's'}.`,
    issues.map((i) => ({ path: i.path ?? 'body', message: i.message, code: i.code })),
  );
}

async function checkAssignment(ctx: AppContext, orgId: string, careTeamId?: string | null, coordinatorUserId?: string | null): Promise<void> {
  const details = [];
  if (careTeamId && !(await getCareTeam(ctx.db, orgId, careTeamId))) details.push({ path: 'body.careTeamId', message: 'No such care team in this clinic.' });
  if (coordinatorUserId) {
    const u = await getUserBrief(ctx.db, orgId, coordinatorUserId);
    if (!u || u.role !== 'care_coordinator') details.push({ path: 'body.coordinatorUserId', message: 'No such care coordinator in this clinic.' });
  }
  if (details.length > 0) throw new AppError('validation', 'validation', 'The care team or coordinator is not valid.', details);
}


/** Creates a patient and its audit event in one transaction. */
export async function createPatient(
  ctx: AppContext,
  request: FastifyRequest,
  body: PatientCreateBody,
  pathPrefix = 'body.',
  auditNote: string | null = null,
): Promise<PatientRow> {
  const actor = requireActor(request);
  if (actor.kind === 'user') requireStaff(request);
  else if (!actor.scopes.includes('patients.write')) throw new AppError('forbidden', 'access.token-scope', 'This API token does not have the patients.write scope.');
  const asOf = ctx.clock();
  const { careTeamId: requestedTeam = null, coordinatorUserId = null, ...rest } = body;
  const demographics: PatientDemographics = { ...OPTIONAL_DEMOGRAPHIC_DEFAULTS, ...rest };
  throwIfInvalid(validateDemographics(demographics, asOf, pathPrefix));
  await checkAssignment(ctx, actor.orgId, requestedTeam, coordinatorUserId);
  if (await getPatientByMrn(ctx.db, actor.orgId, demographics.mrn)) {
    throw duplicateMrn(pathPrefix);
  }
  // A staff member who creates a patient without choosing a team still needs to see the record: the
  // creator's first care team is used then.
  const careTeamId = requestedTeam ?? (actor.kind === 'user' ? await firstCareTeamOf(ctx.db, actor.userId) : null);
  try {
    return await ctx.db.transaction(async (tx) => {
      const row = await insertPatient(tx, actor.orgId, demographics, { careTeamId, coordinatorUserId }, asOf);
      await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'create', resourceType: 'Patient', resourceId: row.id, patientId: row.id, reason: auditNote })]);
      return row;
    });
  } catch (err) {
    if (isDuplicateMrn(err)) throw duplicateMrn(pathPrefix);
    throw err;
  }
}

/** Optimistic update: a stale If-Match gets 412 and nothing is written. */
export async function patchPatient(
  ctx: AppContext,
  request: FastifyRequest,
  authorised: AuthorisedPatient,
  expectedVersion: number,
  body: PatientPatchBody,
  pathPrefix = 'body.',
  auditNote: string | null = null,
): Promise<PatientRow> {
  const actor = requireActor(request);
  const asOf = ctx.clock();
  const { patient } = authorised;
  if (actor.kind === 'user' && (actor.role === 'patient' || actor.role === 'caregiver')) {
    const allowed = new Set(['phone', 'email', 'addressLine', 'city', 'state', 'postalCode', 'preferredName', 'pronouns', 'preferredLanguage', 'interpreterNeeded']);
    const notEditable = Object.keys(body).filter((k) => !allowed.has(k));
    if (notEditable.length > 0) {
      throw new AppError('forbidden', 'access.field-not-editable', 'These details can only be changed by the care team.', notEditable.map((k) => ({ path: `${pathPrefix}${k}`, message: 'only the care team can change this' })));
    }
  }
  const { careTeamId, coordinatorUserId, ...demographics } = body;
  throwIfInvalid(validateDemographics(demographics, asOf, pathPrefix));
  await checkAssignment(ctx, patient.orgId, careTeamId, coordinatorUserId);
  if (demographics.mrn && demographics.mrn !== patient.mrn && (await getPatientByMrn(ctx.db, patient.orgId, demographics.mrn))) {
    throw duplicateMrn(pathPrefix);
  }
  return ctx.db
    .transaction(async (tx) => {
    const updated = await updatePatient(tx, patient.orgId, patient.id, expectedVersion, body, asOf);
    if (!updated) {
      const current = await getPatient(tx, patient.orgId, patient.id);
      if (!current) throw notFound('The patient');
      throw new AppError('precondition-failed', 'conflict.stale-version', 'Someone else changed this record first. Reload to see their changes, then try again.', [], {
        currentVersion: current.version,
      });
    }
    await appendAuditEvents(tx, [
      auditFrom(request, asOf, {
        action: 'update',
        resourceType: 'Patient',
        resourceId: patient.id,
        patientId: patient.id,
        reason: [`changed: ${Object.keys(body).sort().join(', ')}`, auditNote].filter(Boolean).join('; '),
      }),
    ]);
    return updated;
  })
    .catch((err: unknown) => {
      if (isDuplicateMrn(err)) throw duplicateMrn(pathPrefix);
      throw err;
    });
}

/** Break the glass: time-limited access with a written reason, audited, and flagged to the clinic lead. */
export async function breakGlass(ctx: AppContext, request: FastifyRequest, mrn: string, reason: string): Promise<{ patientId: string; expiresAt: string }> {
  const actor = requireStaff(request);
  const asOf = ctx.clock();
  const patient = await getPatientByMrn(ctx.db, actor.orgId, mrn.trim());
  if (!patient) throw new AppError('not-found', 'not-found', 'No patient with this medical record number in your clinic.', [{ path: 'body.mrn', message: 'not found' }]);
  const expiresAt = new Date(asOf.getTime() + actor.settings.breakGlassMinutes * 60_000);
  await ctx.db.transaction(async (tx) => {
    await insertBreakGlass(tx, { orgId: actor.orgId, patientId: patient.id, userId: actor.userId, reason, startedAt: asOf, expiresAt });
    const review = await insertTask(tx, {
      orgId: actor.orgId,
      patientId: patient.id,
      type: 'break-glass-review',
      title: `Review emergency access by ${actor.displayName}`,
      details: `Reason given: ${reason}`,
      assigneeRole: 'clinic_lead',
      assigneeUserId: null,
      careTeamId: null,
      dueAt: new Date(asOf.getTime() + 24 * 3_600_000),
      priority: 'high',
      source: 'break-glass',
      createdBy: actor.userId,
      asOf,
    });
    await appendAuditEvents(tx, [
      auditFrom(request, asOf, { action: 'break-glass', resourceType: 'Patient', resourceId: patient.id, patientId: patient.id, reason }),
    ]);
    // Counted once, against the review task the reason is copied into.
    await recordLanguageFlagsForText(tx, { orgId: actor.orgId, patientId: patient.id, source: 'break-glass-reason', sourceId: review.id, texts: [reason], recordedBy: actor.userId, asOf });
  });
  return { patientId: patient.id, expiresAt: expiresAt.toISOString() };
}
