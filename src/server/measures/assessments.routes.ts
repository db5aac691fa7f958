/**
 * The clinician's assessment: pain mechanism, irritability (criteria shown from the domain; the clinician
 * chooses), comorbidities and onset. Recorded by prescribers, therapists and behavioural-health clinicians
 * on the care team; read by staff on the care team.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { IRRITABILITY_CRITERIA, IRRITABILITY_LEVELS, PAIN_MECHANISMS } from '../../domain/intake/irritability';
import { isCalendarDate } from '../../domain/patients/age';
import { appendAuditEvents } from '../../db/repositories/audit.repository';
import { assessmentsFor, insertAssessment, type AssessmentRow } from '../../db/repositories/measures.repository';
import { getUserBrief } from '../../db/repositories/patients.repository';
import { auditFrom, requireStaff, requireUser } from '../auth/actor';
import type { AppContext } from '../context';
import type { ErrorDetail } from '../errors';
import { errorResponses, IdParams } from '../schemas';
import { throwIfTaskRequestInvalid } from '../tasks/tasks.service';
import { authoriseMeasures } from './measures-access';
import { recordLanguageFlagsForText } from '../language/language.service';
import { AssessmentBody, AssessmentSchema } from './measures.schema';

export const ASSESSING_ROLES = ['prescriber', 'therapist', 'behavioural_health'] as const;

/** Value-list and date checks on whatever fields have the right type, reported with the schema's own errors. */
function domainIssues(body: unknown, asOf: Date): (ErrorDetail & { code: string })[] {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const issues: (ErrorDetail & { code: string })[] = [];
  if (typeof b.mechanism === 'string' && !(PAIN_MECHANISMS as readonly string[]).includes(b.mechanism)) {
    issues.push({ path: 'mechanism', message: `must be one of: ${PAIN_MECHANISMS.join(', ')}`, code: 'assessment.mechanism-unknown' });
  }
  if (typeof b.irritability === 'string' && !(IRRITABILITY_LEVELS as readonly string[]).includes(b.irritability)) {
    issues.push({ path: 'irritability', message: `must be one of: ${IRRITABILITY_LEVELS.join(', ')}`, code: 'assessment.irritability-unknown' });
  }
  if (typeof b.onsetDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(b.onsetDate)) {
    if (!isCalendarDate(b.onsetDate)) issues.push({ path: 'onsetDate', message: 'is not a real calendar date', code: 'assessment.onset-invalid' });
    else if (b.onsetDate > asOf.toISOString().slice(0, 10)) issues.push({ path: 'onsetDate', message: 'cannot be in the future', code: 'assessment.onset-future' });
  }
  return issues;
}

async function present(ctx: AppContext, orgId: string, rows: AssessmentRow[]) {
  const names = new Map<string, string | null>();
  for (const id of new Set(rows.map((r) => r.assessedBy))) names.set(id, (await getUserBrief(ctx.db, orgId, id))?.displayName ?? null);
  return rows.map((r) => ({
    id: r.id,
    patientId: r.patientId,
    mechanism: r.mechanism,
    irritability: r.irritability,
    comorbidities: r.comorbidities,
    onsetDate: r.onsetDate,
    notes: r.notes,
    assessedBy: r.assessedBy,
    assessedByName: names.get(r.assessedBy) ?? null,
    assessedAt: r.assessedAt.toISOString(),
  }));
}

export async function recordAssessment(ctx: AppContext, request: FastifyRequest, patientId: string, body: AssessmentBody): Promise<AssessmentRow> {
  const actor = requireUser(request, ASSESSING_ROLES);
  const { patient } = await authoriseMeasures(ctx, request, patientId, 'write');
  const asOf = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const row = await insertAssessment(tx, {
      orgId: patient.orgId,
      patientId: patient.id,
      mechanism: body.mechanism,
      irritability: body.irritability,
      comorbidities: body.comorbidities.map((c) => c.trim()).filter((c) => c !== ''),
      onsetDate: body.onsetDate ?? null,
      notes: body.notes ?? null,
      assessedBy: actor.userId,
      assessedAt: asOf,
    });
    await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'create', resourceType: 'Assessment', resourceId: row.id, patientId: patient.id })]);
    await recordLanguageFlagsForText(tx, { orgId: patient.orgId, patientId: patient.id, source: 'assessment', sourceId: row.id, texts: [row.notes, ...row.comorbidities], recordedBy: actor.userId, asOf });
    return row;
  });
}

export const assessmentRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['Assessment'];

  app.post(
    '/patients/:id/assessments',
    { attachValidation: true, schema: { tags, summary: 'Record pain mechanism, irritability, comorbidities and onset', params: IdParams, body: AssessmentBody, response: { 201: AssessmentSchema, ...errorResponses } } },
    async (request, reply) => {
      throwIfTaskRequestInvalid(request, domainIssues(request.body, ctx.clock()));
      const row = await recordAssessment(ctx, request, request.params.id, request.body);
      void reply.status(201);
      return (await present(ctx, row.orgId, [row]))[0];
    },
  );

  app.get(
    '/patients/:id/assessments',
    {
      schema: {
        tags,
        summary: 'Assessments, newest first, with the irritability criteria and mechanisms to choose from',
        params: IdParams,
        response: {
          200: Type.Object({
            items: Type.Array(AssessmentSchema),
            mechanisms: Type.Array(Type.String()),
            irritabilityCriteria: Type.Record(Type.String(), Type.Array(Type.String())),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      requireStaff(request);
      const { patient } = await authoriseMeasures(ctx, request, request.params.id, 'read');
      const rows = await assessmentsFor(ctx.db, patient.orgId, patient.id);
      await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'read', resourceType: 'Assessment', resourceId: patient.id, patientId: patient.id }));
      return { items: await present(ctx, patient.orgId, rows), mechanisms: [...PAIN_MECHANISMS], irritabilityCriteria: IRRITABILITY_CRITERIA };
    },
  );
};
