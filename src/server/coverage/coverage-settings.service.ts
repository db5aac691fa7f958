/**
 * The clinic's coverage settings: read by any staff member, changed by a clinic lead or administrator with
 * If-Match. Only the values that differ from the reference defaults are stored, so a clinic that keeps a
 * default follows it. The change and its audit event are written in one transaction.
 */
import type { FastifyRequest } from 'fastify';
import type { ClinicCoverageSettingName, ClinicCoverageValues } from '../../domain/coverage/clinic-settings';
import { CLINIC_COVERAGE_CHOICES, CLINIC_COVERAGE_RANGES, DEFAULT_CLINIC_COVERAGE_VALUES, resolveCoverageSettings } from '../../domain/coverage/clinic-settings';
import { appendAuditEvents } from '../../db/repositories/audit.repository';
import { getClinicCoverageSettings, saveClinicCoverageSettings } from '../../db/repositories/coverage-settings.repository';
import type { StoredCoverageSettings } from '../../db/repositories/coverage-settings.repository';
import { auditFrom, requireStaff } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { invalidBody, staleVersion } from './coverage.http';

export interface CoverageSettingsView {
  values: ClinicCoverageValues;
  defaults: ClinicCoverageValues;
  changed: ClinicCoverageSettingName[];
  /** The named settings the answers carry (`coverage-settings` v1, `bundling-settings` v1). */
  settings: { coverage: StoredCoverageSettings['coverage']; bundling: StoredCoverageSettings['bundling'] };
  ranges: typeof CLINIC_COVERAGE_RANGES;
  choices: typeof CLINIC_COVERAGE_CHOICES;
  /** Problems with the stored object (each with its path); their defaults were used. */
  issues: StoredCoverageSettings['issues'];
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

export function presentCoverageSettings(stored: StoredCoverageSettings): CoverageSettingsView {
  return {
    values: stored.values,
    defaults: { ...DEFAULT_CLINIC_COVERAGE_VALUES },
    changed: stored.changed,
    settings: { coverage: stored.coverage, bundling: stored.bundling },
    ranges: CLINIC_COVERAGE_RANGES,
    choices: CLINIC_COVERAGE_CHOICES,
    issues: stored.issues,
    version: stored.version,
    updatedBy: stored.updatedBy,
    updatedAt: stored.updatedAt?.toISOString() ?? null,
  };
}

export async function readCoverageSettings(ctx: AppContext, request: FastifyRequest): Promise<CoverageSettingsView> {
  const actor = requireStaff(request);
  return presentCoverageSettings(await getClinicCoverageSettings(ctx.db, actor.orgId));
}

export async function saveCoverageSettings(ctx: AppContext, request: FastifyRequest, expectedVersion: number, body: Partial<ClinicCoverageValues>): Promise<CoverageSettingsView> {
  const actor = requireStaff(request);
  if (actor.role !== 'clinic_lead' && actor.role !== 'administrator') throw new AppError('forbidden', 'auth.clinic-lead-only', 'Only a clinic lead or administrator can change the clinic settings.');
  const checked = resolveCoverageSettings(body);
  if (checked.issues.length > 0) throw invalidBody(checked.issues.map((i) => ({ path: i.path ?? '', code: i.code, message: i.message })));
  const current = await getClinicCoverageSettings(ctx.db, actor.orgId);
  if (current.version !== expectedVersion) throw staleVersion('clinic setting', current.version);
  const stored = Object.fromEntries(checked.changed.map((name) => [name, checked.values[name]]));
  const reason = checked.changed.length === 0 ? 'all reference defaults' : checked.changed.map((name) => `${name}=${checked.values[name]}`).join(', ');
  const asOf = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const saved = await saveClinicCoverageSettings(tx, actor.orgId, stored, expectedVersion, actor.userId, asOf);
    if (saved === undefined) throw staleVersion('clinic setting', current.version);
    await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'update', resourceType: 'ClinicCoverageSettings', resourceId: actor.orgId, reason })]);
  });
  return presentCoverageSettings(await getClinicCoverageSettings(ctx.db, actor.orgId));
}
