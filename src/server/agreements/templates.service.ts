/**
 * Agreement templates: the clinic lead keeps them; every staff member can read them (a prescriber picks one).
 * A clinic with no template gets Painpath's default (src/domain/agreements/default-template.ts) the first time
 * its templates are listed. The reading grade is computed on the server at every save (the editor shows
 * the same calculation live).
 */
import type { FastifyRequest } from 'fastify';
import { DEFAULT_TEMPLATE_BODY, DEFAULT_TEMPLATE_NAME } from '../../domain/agreements/default-template';
import { agreementReadingGrade } from '../../domain/agreements/grade';
import { AGREEMENT_PLACEHOLDERS, AGREEMENT_SETTINGS, PLACEHOLDER_LABELS, REQUIRED_PLACEHOLDERS, validateTemplate } from '../../domain/agreements/template';
import { hasErrors, type Issue } from '../../domain/issues';
import { appendAuditEvents } from '../../db/repositories/audit.repository';
import { clearOtherDefaults, getTemplate, insertTemplate, templatesFor, updateTemplate, type TemplateRow } from '../../db/repositories/agreements.repository';
import type { DbOrTx } from '../../db/client';
import { auditFrom, requireStaff, requireUser } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError, notFound } from '../errors';
import { recordLanguageFlagsForText } from '../language/language.service';

export function presentTemplate(row: TemplateRow) {
  return {
    id: row.id,
    name: row.name,
    body: row.body,
    readingGrade: row.readingGrade,
    maxReadingGrade: AGREEMENT_SETTINGS.maxReadingGrade,
    isDefault: row.isDefault,
    issues: validateTemplate(row.body, row.readingGrade),
    version: row.version,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const PLACEHOLDER_LIST = AGREEMENT_PLACEHOLDERS.map((name) => ({ name, label: PLACEHOLDER_LABELS[name], required: REQUIRED_PLACEHOLDERS.includes(name) }));

export function invalidBody(issues: readonly Issue[]): AppError {
  const errors = issues.filter((i) => i.severity === 'error');
  return new AppError(
    'validation',
    'validation',
    `The request has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}.`,
    errors.map((i) => ({ path: `body.${i.path ?? ''}`.replace(/\.$/, ''), message: i.message, code: i.code })),
  );
}

/** Painpath's default template, stored for a clinic that has none (also used by the demo seed). */
export async function insertDefaultTemplate(db: DbOrTx, orgId: string, by: string, asOf: Date): Promise<TemplateRow> {
  return insertTemplate(db, {
    orgId,
    name: DEFAULT_TEMPLATE_NAME,
    body: DEFAULT_TEMPLATE_BODY,
    readingGrade: agreementReadingGrade(DEFAULT_TEMPLATE_BODY).grade,
    isDefault: true,
    createdBy: by,
    updatedBy: by,
    createdAt: asOf,
    updatedAt: asOf,
  });
}

export async function listTemplates(ctx: AppContext, request: FastifyRequest): Promise<TemplateRow[]> {
  const actor = requireStaff(request);
  const rows = await templatesFor(ctx.db, actor.orgId);
  if (rows.length > 0) return rows;
  const asOf = ctx.clock();
  const created = await ctx.db.transaction(async (tx) => {
    const row = await insertDefaultTemplate(tx, actor.orgId, 'painpath', asOf);
    await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'create', resourceType: 'AgreementTemplate', resourceId: row.id, reason: 'Painpath default template' })]);
    return row;
  });
  return [created];
}

function requireClinicLead(request: FastifyRequest) {
  return requireUser(request, ['clinic_lead']);
}

export async function createTemplate(ctx: AppContext, request: FastifyRequest, body: { name: string; body: string; isDefault?: boolean }): Promise<TemplateRow> {
  const actor = requireClinicLead(request);
  const grade = agreementReadingGrade(body.body).grade;
  const issues = validateTemplate(body.body, grade);
  if (hasErrors(issues)) throw invalidBody(issues);
  const asOf = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const row = await insertTemplate(tx, { orgId: actor.orgId, name: body.name.trim(), body: body.body, readingGrade: grade, isDefault: body.isDefault ?? false, createdBy: actor.displayName, updatedBy: actor.displayName, createdAt: asOf, updatedAt: asOf });
    if (row.isDefault) await clearOtherDefaults(tx, actor.orgId, row.id);
    await recordLanguageFlagsForText(tx, { orgId: actor.orgId, patientId: null, source: 'agreement-template', sourceId: row.id, texts: [row.name, row.body], recordedBy: actor.userId, asOf });
    await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'create', resourceType: 'AgreementTemplate', resourceId: row.id })]);
    return row;
  });
}

export async function changeTemplate(
  ctx: AppContext,
  request: FastifyRequest,
  id: string,
  expectedVersion: number,
  patch: { name?: string; body?: string; isDefault?: boolean; archived?: boolean },
): Promise<TemplateRow> {
  const actor = requireClinicLead(request);
  const current = await getTemplate(ctx.db, actor.orgId, id);
  if (!current) throw notFound('The agreement template');
  if (current.version !== expectedVersion) {
    throw new AppError('precondition-failed', 'conflict.stale-version', 'Someone else changed this template first. Reload to see their change.', [], { currentVersion: current.version });
  }
  const body = patch.body ?? current.body;
  const grade = agreementReadingGrade(body).grade;
  const issues = validateTemplate(body, grade);
  if (hasErrors(issues)) throw invalidBody(issues);
  const asOf = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const row = await updateTemplate(
      tx,
      actor.orgId,
      id,
      expectedVersion,
      {
        ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
        body,
        readingGrade: grade,
        ...(patch.isDefault !== undefined ? { isDefault: patch.isDefault } : {}),
        ...(patch.archived !== undefined ? { archivedAt: patch.archived ? asOf : null } : {}),
        updatedBy: actor.displayName,
      },
      asOf,
    );
    if (!row) throw new AppError('precondition-failed', 'conflict.stale-version', 'Someone else changed this template first. Reload to see their change.');
    if (row.isDefault) await clearOtherDefaults(tx, actor.orgId, row.id);
    await recordLanguageFlagsForText(tx, { orgId: actor.orgId, patientId: null, source: 'agreement-template', sourceId: row.id, texts: [row.name, row.body], recordedBy: actor.userId, asOf });
    await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'update', resourceType: 'AgreementTemplate', resourceId: row.id, reason: Object.keys(patch).join(', ') })]);
    return row;
  });
}
