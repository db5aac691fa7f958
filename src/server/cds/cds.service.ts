/**
 * Runs one CDS Hooks call: checks the caller and the request, reads prefetch and draft orders, adds
 * Painpath's own records when the patient is a stored Painpath patient the caller may read (audited), and
 * returns the cards of cds-evaluate.ts.
 *
 * Decisions (docs/cds-hooks.md):
 * - Authentication: a Painpath API token ("Authorization: Bearer", src/server/auth/actor.ts) or a signed-in
 *   staff member. Prefetch-only answers need a valid token of the clinic (no stored data is read). Reading
 *   stored records goes through the access service: a token needs the patients.read scope; a denial is
 *   audited there and the answer falls back to prefetch, saying so in a card.
 * - Matching: `context.patientId` is a Painpath patient id, or the prefetched Patient carries the Painpath
 *   MRN identifier (urn:painpath:mrn) of a patient of the caller's clinic.
 * - No outbound calls: Painpath does not call the client's fhirServer (no server-side requests to URLs
 *   chosen by a caller, and no added latency); what prefetch lacked is named in a card.
 * - Stored orders imported from this client (sourceId = a prefetched MedicationRequest id) are not counted
 *   twice; other duplicates are counted and the MME issues suggest reconciling them.
 * - The clinic's opioid settings (factor set) are read once per clinic and kept for 5 seconds.
 * - A stored patient's recorded risk factors (overdose, substance or opioid use disorder, sleep-disordered
 *   breathing, lost tolerance) join what the prefetched Conditions show (mergeRiskHistory).
 */
import type { FastifyRequest } from 'fastify';
import { isStaffRole } from '../../domain/access/roles';
import type { MedicationOrder, OpioidSettings, RiskHistory } from '../../domain/opioids';
import { getClinicOpioidSettings, latestPdmpCheck, latestUrineTest, listActiveMedicationOrderRows, toMedicationOrder } from '../../db/repositories/medications.repository';
import { getRiskHistory } from '../../db/repositories/opioid-monitoring.repository';
import { getPatientByMrn } from '../../db/repositories/patients.repository';
import { MRN_SYSTEM } from '../../fhir/patient.mapper';
import { authorisePatient } from '../access/access.service';
import { auditFrom, requireActor } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError, type ErrorDetail } from '../errors';
import type { CdsCard, CdsLink } from './cds-cards';
import { evaluateOpioidCds } from './cds-evaluate';
import { mergeRiskHistory, readCdsInput, type CdsInput } from './cds-input';
import type { CdsRequest, CdsServiceId } from './cds.schemas';
import { OPIOID_SERVICES } from './cds-services';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SETTINGS_TTL_MS = 5000;
const settingsCache = new Map<string, { settings: OpioidSettings; at: number }>();

async function clinicSettings(ctx: AppContext, orgId: string): Promise<OpioidSettings> {
  const hit = settingsCache.get(orgId);
  if (hit !== undefined && performance.now() - hit.at < SETTINGS_TTL_MS) return hit.settings;
  const { settings } = await getClinicOpioidSettings(ctx.db, orgId);
  if (settingsCache.size > 1000) settingsCache.clear();
  settingsCache.set(orgId, { settings, at: performance.now() });
  return settings;
}

function checkRequest(serviceId: CdsServiceId, body: CdsRequest): void {
  const hook = OPIOID_SERVICES.find((s) => s.id === serviceId)?.hook ?? body.hook;
  const details: ErrorDetail[] = [];
  if (body.hook !== hook) details.push({ path: 'hook', message: `This service answers the ${hook} hook, not ${body.hook}.` });
  if (hook !== 'patient-view' && body.context.draftOrders === undefined) details.push({ path: 'context.draftOrders', message: `The ${hook} hook needs context.draftOrders (a FHIR Bundle).` });
  if (hook === 'order-select' && body.context.selections === undefined) details.push({ path: 'context.selections', message: 'The order-select hook needs context.selections.' });
  if (hook === 'patient-view' && (body.context.draftOrders !== undefined || body.context.selections !== undefined)) {
    details.push({ path: 'context', message: 'The patient-view context has no draftOrders or selections.' });
  }
  if (body.fhirAuthorization !== undefined && body.fhirServer === undefined) details.push({ path: 'fhirServer', message: 'fhirAuthorization is given without fhirServer.' });
  if (details.length > 0) throw new AppError('validation', 'cds.invalid-request', 'The CDS Hooks request is not valid for this service.', details);
}

interface StoredRecords {
  patientId: string;
  orders: MedicationOrder[];
  lastPdmpCheck?: string;
  lastUds?: string;
  /** The risk factors the care team recorded in Painpath (overdose, substance use disorder, ...). */
  history: RiskHistory;
}

function mrnOf(input: CdsInput): string | null {
  return input.patient?.identifier?.find((i) => i.system === MRN_SYSTEM)?.value ?? null;
}

async function storedRecords(ctx: AppContext, request: FastifyRequest, body: CdsRequest, input: CdsInput, notes: string[]): Promise<StoredRecords | null> {
  const actor = requireActor(request);
  let candidate: string | null = UUID.test(body.context.patientId) ? body.context.patientId : null;
  const mrn = mrnOf(input);
  if (candidate === null && mrn !== null) candidate = (await getPatientByMrn(ctx.db, actor.orgId, mrn))?.id ?? null;
  if (candidate === null) return null;
  let patientId: string;
  try {
    patientId = (await authorisePatient(ctx, request, candidate, { action: 'read', category: 'general' })).patient.id;
  } catch (err) {
    if (err instanceof AppError && err.kind === 'not-found') return null;
    if (err instanceof AppError && err.kind === 'forbidden') {
      notes.push(`Painpath holds this patient but its records were not used: ${err.message}`);
      return null;
    }
    throw err;
  }
  const asOf = ctx.clock();
  const [rows, pdmp, uds, recorded] = await Promise.all([
    listActiveMedicationOrderRows(ctx.db, actor.orgId, patientId, asOf),
    latestPdmpCheck(ctx.db, actor.orgId, patientId),
    latestUrineTest(ctx.db, actor.orgId, patientId),
    getRiskHistory(ctx.db, actor.orgId, patientId),
  ]);
  await ctx.audit.record(
    auditFrom(request, asOf, { action: 'read', resourceType: 'MedicationRequest', patientId, resourceId: patientId, reason: `CDS Hooks ${body.hook} ${body.hookInstance}` }),
  );
  const fromClient = new Set((input.prefetchOrders ?? []).map((o) => o.id));
  const orders = rows.filter((r) => r.sourceId === null || !fromClient.has(r.sourceId)).map(toMedicationOrder);
  const out: StoredRecords = { patientId, orders, history: recorded.history };
  if (pdmp !== null) out.lastPdmpCheck = pdmp.checkedOn;
  if (uds !== null) out.lastUds = uds.collectedOn;
  return out;
}

const MISSING_NOTES: Readonly<Record<string, string>> = {
  'prefetch.patient': 'The patient was not prefetched, so a Painpath MRN could not be matched.',
  'prefetch.medications': 'The active MedicationRequests were not prefetched; only the draft orders and Painpath records were checked.',
  'prefetch.conditions': 'Conditions were not prefetched: history of overdose, substance use disorder and sleep-disordered breathing count as not recorded.',
};

export async function runCdsService(ctx: AppContext, request: FastifyRequest, serviceId: CdsServiceId, body: CdsRequest): Promise<{ cards: CdsCard[] }> {
  const actor = requireActor(request);
  if (actor.kind === 'user' && !isStaffRole(actor.role)) throw new AppError('forbidden', 'auth.staff-only', 'CDS services are for clinic staff and their systems.');
  checkRequest(serviceId, body);
  const input = readCdsInput(body, body.hook !== 'patient-view');
  const notes: string[] = [];
  const settings = await clinicSettings(ctx, actor.orgId);
  const stored = await storedRecords(ctx, request, body, input, notes);
  const activeOrders = [...(input.prefetchOrders ?? []), ...(stored?.orders ?? [])];
  for (const key of input.missing) {
    if (key === 'prefetch.patient' && UUID.test(body.context.patientId)) continue;
    if (key === 'prefetch.medications' && stored !== null) notes.push('The active MedicationRequests were not prefetched; Painpath\'s own medication list was used.');
    else notes.push(MISSING_NOTES[key] ?? `${key} was not sent.`);
  }
  if (stored === null && input.prefetchOrders === null) notes.push('No medication list was available (no prefetch and no stored Painpath patient): only the draft orders were checked.');
  if (stored !== null && stored.lastPdmpCheck === undefined) notes.push('No PDMP check is recorded in Painpath for this patient.');
  const links: CdsLink[] = stored === null ? [] : [{ label: 'Open in Painpath', url: `${request.protocol}://${request.host}/patients/${stored.patientId}`, type: 'absolute' }];
  const cards = evaluateOpioidCds({
    hook: body.hook,
    patientId: body.context.patientId,
    activeOrders,
    drafts: input.drafts,
    history: mergeRiskHistory(input.history, stored?.history),
    settings,
    asOf: ctx.clock(),
    dataNotes: notes,
    medicationListMissing: stored === null && input.prefetchOrders === null,
    issues: input.issues,
    links,
    ...(stored?.lastPdmpCheck === undefined ? {} : { lastPdmpCheck: stored.lastPdmpCheck }),
    ...(stored?.lastUds === undefined ? {} : { lastUds: stored.lastUds }),
  });
  return { cards };
}
