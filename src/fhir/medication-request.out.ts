/**
 * A stored medication order as a FHIR R4 MedicationRequest (https://hl7.org/fhir/R4/medicationrequest.html),
 * for /fhir/MedicationRequest read and search. The reverse of medication-request.mapper.ts for the fields
 * the MME calculation reads (reference 1.5): RxNorm ingredient codings, doseAndRate (dose or range),
 * timing.repeat (frequency, frequencyMax, period, periodMax, periodUnit, timeOfDay), asNeeded,
 * maxDosePerPeriod, route, expectedSupplyDuration and the validity period.
 *
 * Assumptions:
 * - The medication is a CodeableConcept with one RxNorm coding per ingredient (term type IN) and the
 *   product in words as text; we do not store a product-level (SCD) code.
 * - Status: active, on-hold, stopped, completed, entered-in-error and draft map to the FHIR codes of the
 *   same name. Intent is always "order".
 * - Named times of day go into timing.repeat.timeOfDay only when they are clock times (HH:MM).
 * - UCUM units: mg, ug (mcg), mL; form units use the form word with no system.
 */
import type { Dosage as FhirDosage, MedicationRequest, Quantity } from '@medplum/fhirtypes';
import type { Dosage, DoseUnit, MedicationOrder } from '../domain/opioids';
import { RXNORM_SYSTEM } from './medication-request.product';

const UCUM = 'http://unitsofmeasure.org';

export interface StoredOrderForFhir {
  order: MedicationOrder;
  patientId: string;
  name: string;
  prescriber: string | null;
  pharmacy: string | null;
  authoredOn: string;
  lastUpdated: string;
  version: number;
}

function quantity(value: number, unit: DoseUnit | 'dose'): Quantity {
  if (unit === 'mg' || unit === 'mL') return { value, unit, system: UCUM, code: unit };
  if (unit === 'mcg') return { value, unit: 'mcg', system: UCUM, code: 'ug' };
  return { value, unit: unit === 'each' ? '{dose}' : unit };
}

export function toFhirDosage(dosage: Dosage, text: string | undefined): FhirDosage {
  const out: FhirDosage = {};
  if (text !== undefined) out.text = text;
  if (dosage.frequency !== undefined || (dosage.timesOfDay ?? []).length > 0) {
    const f = dosage.frequency;
    const clock = (dosage.timesOfDay ?? []).filter((t) => /^\d{2}:\d{2}$/.test(t)).map((t) => `${t}:00`);
    out.timing = {
      repeat: {
        ...(f !== undefined
          ? { frequency: f.count, period: f.period, periodUnit: f.periodUnit, ...(f.countMax !== undefined ? { frequencyMax: f.countMax } : {}), ...(f.periodMax !== undefined ? { periodMax: f.periodMax } : {}) }
          : {}),
        ...(clock.length > 0 ? { timeOfDay: clock } : {}),
      },
    };
  }
  out.asNeededBoolean = dosage.asNeeded;
  if (dosage.asNeeded && dosage.asNeededFor !== undefined) {
    delete out.asNeededBoolean;
    out.asNeededCodeableConcept = { text: dosage.asNeededFor };
  }
  if (dosage.route !== undefined) out.route = { text: dosage.route };
  if (dosage.dose !== undefined) {
    const { low, high, unit } = dosage.dose;
    out.doseAndRate = [low === high ? { doseQuantity: quantity(low, unit) } : { doseRange: { low: quantity(low, unit), high: quantity(high, unit) } }];
  }
  if (dosage.maxPerDay !== undefined) {
    out.maxDosePerPeriod = { numerator: quantity(dosage.maxPerDay.amount, dosage.maxPerDay.unit), denominator: { value: 1, unit: 'd', system: UCUM, code: 'd' } };
  }
  return out;
}

export function toFhirStoredMedicationRequest(input: StoredOrderForFhir): MedicationRequest {
  const { order } = input;
  const status = order.status ?? 'active';
  const resource: MedicationRequest = {
    resourceType: 'MedicationRequest',
    id: order.id,
    meta: { versionId: String(input.version), lastUpdated: input.lastUpdated },
    status,
    intent: 'order',
    subject: { reference: `Patient/${input.patientId}` },
    authoredOn: input.authoredOn,
    medicationCodeableConcept: {
      coding: order.ingredients.filter((i) => i.ingredient.code !== '').map((i) => ({ system: RXNORM_SYSTEM, code: i.ingredient.code, display: i.ingredient.name })),
      text: input.name,
    },
    dosageInstruction: [toFhirDosage(order.dosage, order.text)],
  };
  if (input.prescriber !== null) resource.requester = { display: input.prescriber };
  const validity = { ...(order.start !== undefined ? { start: order.start } : {}), ...(order.end !== undefined ? { end: order.end } : {}) };
  const dispense: NonNullable<MedicationRequest['dispenseRequest']> = {};
  if (Object.keys(validity).length > 0) dispense.validityPeriod = validity;
  if (order.daysSupply !== undefined) dispense.expectedSupplyDuration = { value: order.daysSupply, unit: 'days', system: UCUM, code: 'd' };
  if (input.pharmacy !== null) dispense.performer = { display: input.pharmacy };
  if (Object.keys(dispense).length > 0) resource.dispenseRequest = dispense;
  return resource;
}
