/**
 * Import of FHIR MedicationRequests into a patient's list, read by src/fhir/medication-request.mapper.ts.
 * Every shape the mapper cannot read comes back with its path; an entry that names no readable medication,
 * belongs to another patient, fails the order checks or was imported before is skipped and said so.
 * `dryRun` shows what would be stored so the clinician can confirm; otherwise everything readable is stored
 * in one transaction with its audit events.
 */
import type { MedicationRequest } from '@medplum/fhirtypes';
import type { FastifyRequest } from 'fastify';
import { checkOrder, type MedicationOrder } from '../../domain/opioids';
import type { Issue } from '../../domain/issues';
import { fromFhirMedicationRequest } from '../../fhir/medication-request.mapper';
import { appendAuditEvents } from '../../db/repositories/audit.repository';
import { insertMedicationOrder, listMedicationOrderRows, type MedicationOrderRow } from '../../db/repositories/medications.repository';
import { auditFrom } from '../auth/actor';
import type { AppContext } from '../context';
import { actorLabel, authoriseMedications } from './medications-access';
import { presentOrder, rowFromInput, throwIfInvalid, type PresentedOrder } from './order-input';

export interface ImportEntryResult {
  index: number;
  sourceId: string | null;
  outcome: 'imported' | 'would-import' | 'skipped';
  reason: string | null;
  order: PresentedOrder | null;
  issues: Issue[];
}

export async function importMedicationRequests(
  ctx: AppContext,
  request: FastifyRequest,
  patientId: string,
  body: { resources: unknown[]; dryRun?: boolean },
): Promise<{ entries: ImportEntryResult[] }> {
  throwIfInvalid(request, []);
  const { patient } = await authoriseMedications(ctx, request, patientId, body.dryRun === true ? 'read' : 'write');
  const asOf = ctx.clock();
  const existing = new Set((await listMedicationOrderRows(ctx.db, patient.orgId, patient.id)).map((r) => r.sourceId).filter((s): s is string => s !== null));
  const who = actorLabel(request);
  const toStore: Array<{ index: number; order: MedicationOrder; resource: MedicationRequest; issues: Issue[] }> = [];
  const entries: ImportEntryResult[] = [];
  body.resources.forEach((raw, index) => {
    const resource = raw as MedicationRequest;
    const basePath = `body.resources.${index}`;
    const reading = fromFhirMedicationRequest(resource, { fallbackId: `import-${index}`, basePath });
    const sourceId = resource.id ?? null;
    const skip = (reason: string): void => void entries.push({ index, sourceId, outcome: 'skipped', reason, order: null, issues: reading.issues });
    if (reading.patientId !== null && reading.patientId !== patient.id) return skip('The request is for another patient.');
    if (reading.order === null) return skip('No readable medication in this request.');
    if (sourceId !== null && existing.has(sourceId)) return skip('Already imported.');
    const checks = checkOrder(reading.order).map((i) => ({ ...i, path: `${basePath}.${i.path ?? ''}` }));
    if (checks.some((i) => i.severity === 'error')) return skip('The order does not hold together; see the issues.');
    if (sourceId !== null) existing.add(sourceId);
    toStore.push({ index, order: reading.order, resource, issues: [...reading.issues, ...checks] });
  });
  const stored: Array<{ index: number; row: MedicationOrderRow; issues: Issue[] }> = [];
  if (body.dryRun !== true && toStore.length > 0) {
    await ctx.db.transaction(async (tx) => {
      for (const item of toStore) {
        const base = rowFromInput(item.order, {
          ingredients: [],
          form: item.order.form,
          dosage: item.order.dosage,
          prescriber: item.resource.requester?.display ?? null,
          pharmacy: item.resource.dispenseRequest?.performer?.display ?? null,
        });
        const row = await insertMedicationOrder(
          tx,
          { ...base, ingredientCode: base.ingredientCode || 'unknown', orgId: patient.orgId, patientId: patient.id, source: 'imported-fhir', sourceId: item.resource.id ?? null, createdBy: who.id },
          asOf,
        );
        stored.push({ index: item.index, row, issues: item.issues });
      }
      await appendAuditEvents(
        tx,
        stored.map((s) => auditFrom(request, asOf, { action: 'create', resourceType: 'MedicationRequest', resourceId: s.row.id, patientId: patient.id, reason: 'imported from FHIR' })),
      );
    });
  }
  for (const s of stored) entries.push({ index: s.index, sourceId: s.row.sourceId, outcome: 'imported', reason: null, order: presentOrder(s.row), issues: s.issues });
  if (body.dryRun === true) {
    for (const item of toStore) {
      entries.push({ index: item.index, sourceId: item.resource.id ?? null, outcome: 'would-import', reason: null, order: null, issues: item.issues });
    }
  }
  return { entries: entries.sort((a, b) => a.index - b.index) };
}
