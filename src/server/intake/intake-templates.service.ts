/**
 * The clinic's intake template: which pages are hidden. One row per version (the highest is current); no
 * row means the built-in template, version 1 (domain DEFAULT_INTAKE_TEMPLATE). A template hides pages and
 * never changes instrument questions; which pages can be hidden is the domain's rule (validateIntakeTemplate).
 */
import type { FastifyRequest } from 'fastify';
import { ALWAYS_SHOWN_PAGES, DEFAULT_INTAKE_TEMPLATE, INTAKE_PAGE_IDS, isIntakePageId, validateIntakeTemplate, type IntakeTemplate } from '../../domain/intake/pages';
import { appendAuditEvents } from '../../db/repositories/audit.repository';
import {
  currentTemplateRow,
  insertTemplateVersion,
  templateHistory,
  templateRowById,
  templateRowByVersion,
  type IntakeTemplateRow,
} from '../../db/repositories/intake.repository';
import type { DbOrTx } from '../../db/client';
import { auditFrom, requireUser } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError } from '../errors';

export interface LoadedTemplate {
  row: IntakeTemplateRow | undefined;
  template: IntakeTemplate;
}

function fromRow(row: IntakeTemplateRow): IntakeTemplate {
  const stored = row.template as { hidden?: unknown };
  const hidden = Array.isArray(stored.hidden) ? stored.hidden.filter(isIntakePageId) : [];
  return { templateVersion: row.version, hidden };
}

export async function currentTemplate(db: DbOrTx, orgId: string): Promise<LoadedTemplate> {
  const row = await currentTemplateRow(db, orgId);
  return row ? { row, template: fromRow(row) } : { row: undefined, template: { ...DEFAULT_INTAKE_TEMPLATE, hidden: [] } };
}

/** The template an intake was sent with (its version), so its pages can be rebuilt after every save. */
export async function templateForVersion(db: DbOrTx, orgId: string, version: number): Promise<IntakeTemplate> {
  const row = await templateRowByVersion(db, orgId, version);
  return row ? fromRow(row) : { ...DEFAULT_INTAKE_TEMPLATE, hidden: [] };
}

export async function templateById(db: DbOrTx, orgId: string, id: string): Promise<IntakeTemplate> {
  const row = await templateRowById(db, orgId, id);
  if (!row) throw new AppError('validation', 'validation', 'No such intake template in this clinic.', [{ path: 'body.templateId', message: 'not found' }]);
  return fromRow(row);
}

export function presentTemplate(loaded: LoadedTemplate) {
  return {
    id: loaded.row?.id ?? null,
    templateVersion: loaded.template.templateVersion,
    hidden: [...loaded.template.hidden],
    updatedBy: loaded.row?.updatedBy ?? null,
    updatedAt: loaded.row?.updatedAt.toISOString() ?? null,
  };
}

export async function listTemplates(ctx: AppContext, request: FastifyRequest) {
  const actor = requireUser(request, ['clinic_lead']);
  const [current, history] = await Promise.all([currentTemplate(ctx.db, actor.orgId), templateHistory(ctx.db, actor.orgId)]);
  return {
    current: presentTemplate(current),
    pages: INTAKE_PAGE_IDS.map((id) => ({ id, hideable: !ALWAYS_SHOWN_PAGES.includes(id) })),
    history: history.map((row) => presentTemplate({ row, template: fromRow(row) })),
  };
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return (e?.code ?? e?.cause?.code) === '23505';
}

/** Saves the next version. A stale If-Match (or a concurrent save of the same version) gets 412. */
export async function saveTemplate(ctx: AppContext, request: FastifyRequest, expectedVersion: number, hidden: string[]): Promise<LoadedTemplate> {
  const actor = requireUser(request, ['clinic_lead']);
  const current = await currentTemplate(ctx.db, actor.orgId);
  const nextVersion = current.template.templateVersion + 1;
  const issues = validateIntakeTemplate({ templateVersion: nextVersion, hidden });
  if (issues.length > 0) {
    throw new AppError(
      'validation',
      'validation',
      `The template has ${issues.length} problem${issues.length === 1 ? '' : 's'}.`,
      issues.map((i) => ({ path: `body.${i.path ?? ''}`.replace(/\.$/, ''), message: i.message, code: i.code })),
    );
  }
  const stale = (): AppError =>
    new AppError('precondition-failed', 'conflict.stale-version', 'Someone else changed the template first. Reload to see their change.', [], {
      currentVersion: current.template.templateVersion,
    });
  if (current.template.templateVersion !== expectedVersion) throw stale();
  const asOf = ctx.clock();
  try {
    const row = await ctx.db.transaction(async (tx) => {
      const inserted = await insertTemplateVersion(tx, { orgId: actor.orgId, template: { hidden }, version: nextVersion, updatedBy: actor.userId, updatedAt: asOf });
      await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'update', resourceType: 'IntakeTemplate', resourceId: inserted.id, reason: `version ${nextVersion}; hidden: ${hidden.join(', ') || 'none'}` })]);
      return inserted;
    });
    return { row, template: fromRow(row) };
  } catch (err) {
    if (isUniqueViolation(err)) throw stale();
    throw err;
  }
}
