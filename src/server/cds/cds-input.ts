/**
 * Reads a CDS Hooks request's prefetch and context into domain orders and a risk history.
 *
 * Sources: CDS Hooks 2.0 (prefetch values are a resource, a searchset Bundle, or null / an OperationOutcome
 * when the client could not fetch them; order-select and order-sign carry `context.draftOrders`, a Bundle);
 * FHIR R4 MedicationRequest via src/fhir/medication-request.mapper.ts.
 *
 * Assumptions (ours):
 * - A draft order replaces an active order when its `priorPrescription` references it, or when it carries
 *   the same id (an edit of that order); otherwise it is added. A draft with status cancelled, stopped or
 *   completed that replaces an order is a stop of that order.
 * - Risk history from prefetched Conditions [U, our code lists]: ICD-10-CM T40.0–T40.4 and T40.6 (opioid
 *   poisoning) = history of overdose; F10–F16, F18, F19 (substance-related disorders, nicotine F17 left out)
 *   = substance use disorder; F11.1x and F11.2x (opioid-related disorders that map to DSM-5 opioid use
 *   disorder, in remission included; F11.9x "use, unspecified" left out) = opioid use disorder as well;
 *   G47.3 or SNOMED 73430006 / 78275009 (sleep apnoea) = sleep-disordered breathing. A condition found sets the fact to true; nothing found leaves it "not recorded", never false.
 * - Conditions marked entered-in-error or refuted are ignored.
 * - order-select: `context.selections` names the newly selected drafts as "MedicationRequest/<id>" (CDS Hooks
 *   2.0; a bare id or a full URL ending in that reference is read the same way). A selection that names no
 *   draft in `context.draftOrders` is reported as an issue. Without `selections` (order-sign) every draft
 *   counts as selected.
 */
import type { Bundle, Condition, MedicationRequest, Patient, Resource } from '@medplum/fhirtypes';
import type { Issue } from '../../domain/issues';
import type { MedicationOrder, RiskHistory } from '../../domain/opioids';
import { fromFhirMedicationRequest } from '../../fhir/medication-request.mapper';

export interface DraftOrder {
  order: MedicationOrder;
  /** The id of the active order this draft replaces, if any. */
  replacesId: string | null;
  /** The draft stops the order it replaces. */
  stops: boolean;
  /**
   * The clinician has this draft in hand: named in order-select's `context.selections`, and every draft at
   * order-sign (all of them are being signed).
   */
  selected: boolean;
}

export interface CdsInput {
  patient: Patient | null;
  /** Active orders from prefetch (null when the prefetch was not given). */
  prefetchOrders: MedicationOrder[] | null;
  drafts: DraftOrder[];
  history: RiskHistory;
  /** What the client did not send, e.g. "prefetch.medications". */
  missing: string[];
  issues: Issue[];
}

type PrefetchValue = Resource | null | undefined;

function resourcesOf<T extends Resource>(value: PrefetchValue, type: T['resourceType']): { items: { resource: T; index: number }[]; given: boolean } {
  if (value === null || value === undefined || value.resourceType === 'OperationOutcome') return { items: [], given: false };
  if (value.resourceType === type) return { items: [{ resource: value as T, index: -1 }], given: true };
  if (value.resourceType !== 'Bundle') return { items: [], given: false };
  const items = ((value).entry ?? []).flatMap((e, index) => (e.resource?.resourceType === type ? [{ resource: e.resource as T, index }] : []));
  return { items, given: true };
}

const pathOf = (base: string, index: number): string => (index < 0 ? base : `${base}.entry[${index}].resource`);

const STOPPING = new Set(['cancelled', 'stopped', 'completed']);

/** The MedicationRequest id a selection names, or null when it names another kind of resource. */
function selectedId(selection: string): string | null {
  const match = /(?:^|\/)MedicationRequest\/([^/]+)$/.exec(selection);
  if (match?.[1] !== undefined) return match[1];
  return selection.includes('/') ? null : selection;
}

function readDrafts(bundle: Bundle | undefined, selections: readonly string[] | undefined, issues: Issue[]): DraftOrder[] {
  const drafts: DraftOrder[] = [];
  const items = resourcesOf<MedicationRequest>(bundle, 'MedicationRequest').items;
  const chosen = selections === undefined ? null : new Set(selections.flatMap((s) => selectedId(s) ?? []));
  if (selections !== undefined && chosen !== null) {
    const draftIds = new Set(items.flatMap(({ resource }) => (resource.id === undefined ? [] : [resource.id])));
    selections.forEach((selection, i) => {
      const id = selectedId(selection);
      if (id === null || !draftIds.has(id)) {
        issues.push({ code: 'cds.selection-not-in-drafts', path: `context.selections[${i}]`, message: `The selection "${selection}" names no MedicationRequest in context.draftOrders; it was not used.`, severity: 'warning' });
      }
    });
  }
  for (const { resource, index } of items) {
    const prior = resource.priorPrescription?.reference?.replace(/^.*MedicationRequest\//, '') ?? null;
    const stops = STOPPING.has(resource.status ?? '');
    // A stopping draft is read as a draft so the domain keeps it out of the "after" regimen by its replacement.
    const reading = fromFhirMedicationRequest({ ...resource, status: 'draft' }, { fallbackId: `draft-${index}`, basePath: pathOf('context.draftOrders', index) });
    issues.push(...reading.issues);
    if (reading.order === null) continue;
    const selected = chosen === null || (resource.id !== undefined && chosen.has(resource.id));
    drafts.push({ order: reading.order, replacesId: prior ?? resource.id ?? null, stops, selected });
  }
  return drafts;
}

const ICD10 = 'http://hl7.org/fhir/sid/icd-10-cm';
const SNOMED = 'http://snomed.info/sct';
const OVERDOSE = /^T40\.[0-46]/;
const SUD = /^F1[0-689]/;
const OUD = /^F11\.[12]/;
const SLEEP = /^G47\.3/;
const SNOMED_SLEEP = new Set(['73430006', '78275009']);

function readHistory(conditions: readonly Condition[]): RiskHistory {
  const history: RiskHistory = {};
  for (const condition of conditions) {
    const verification = condition.verificationStatus?.coding?.[0]?.code;
    if (verification === 'entered-in-error' || verification === 'refuted') continue;
    for (const coding of condition.code?.coding ?? []) {
      const code = coding.code ?? '';
      if (coding.system === ICD10 && OVERDOSE.test(code)) history.overdose = true;
      if (coding.system === ICD10 && SUD.test(code)) history.substanceUseDisorder = true;
      if (coding.system === ICD10 && OUD.test(code)) history.opioidUseDisorder = true;
      if ((coding.system === ICD10 && SLEEP.test(code)) || (coding.system === SNOMED && SNOMED_SLEEP.has(code))) history.sleepDisorderedBreathing = true;
    }
  }
  return history;
}

/**
 * The prefetch history with what the care team recorded in Painpath: a fact true in either is true; else the
 * recorded value (true or false) stands; a fact in neither stays not recorded.
 */
export function mergeRiskHistory(fromPrefetch: RiskHistory, recorded: RiskHistory | undefined): RiskHistory {
  if (recorded === undefined) return fromPrefetch;
  const out: RiskHistory = { ...recorded };
  for (const [key, value] of Object.entries(fromPrefetch) as [keyof RiskHistory, boolean | undefined][]) {
    if (value === true) out[key] = true;
  }
  return out;
}

/** The parts of a validated request read here (FHIR content was checked only for `resourceType`). */
export interface CdsRequestParts {
  context: { draftOrders?: { resourceType: 'Bundle' } | undefined; selections?: string[] | undefined };
  prefetch?: { patient?: { resourceType: string } | null; medications?: { resourceType: string } | null; conditions?: { resourceType: string } | null } | undefined;
}

export function readCdsInput(body: CdsRequestParts, wantsDrafts: boolean): CdsInput {
  const issues: Issue[] = [];
  const missing: string[] = [];
  const prefetch = (body.prefetch ?? {}) as Record<string, PrefetchValue>;
  const patientRead = resourcesOf<Patient>(prefetch.patient, 'Patient');
  if (!patientRead.given) missing.push('prefetch.patient');
  const meds = resourcesOf<MedicationRequest>(prefetch.medications, 'MedicationRequest');
  let prefetchOrders: MedicationOrder[] | null = null;
  if (meds.given) {
    prefetchOrders = [];
    for (const { resource, index } of meds.items) {
      const reading = fromFhirMedicationRequest(resource, { fallbackId: `prefetch-${index}`, basePath: pathOf('prefetch.medications', index) });
      issues.push(...reading.issues);
      if (reading.order !== null) prefetchOrders.push(reading.order);
    }
  } else {
    missing.push('prefetch.medications');
  }
  const conditions = resourcesOf<Condition>(prefetch.conditions, 'Condition');
  if (!conditions.given) missing.push('prefetch.conditions');
  const drafts = wantsDrafts ? readDrafts(body.context.draftOrders as Bundle | undefined, body.context.selections, issues) : [];
  return {
    patient: patientRead.items[0]?.resource ?? null,
    prefetchOrders,
    drafts,
    history: readHistory(conditions.items.map((c) => c.resource)),
    missing,
    issues,
  };
}
