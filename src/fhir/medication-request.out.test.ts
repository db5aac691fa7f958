import { describe, expect, it } from 'vitest';
import { calculateMme, type MedicationOrder } from '../domain/opioids';
import { fromFhirMedicationRequest } from './medication-request.mapper';
import { toFhirStoredMedicationRequest } from './medication-request.out';

const stored = (order: MedicationOrder) =>
  toFhirStoredMedicationRequest({ order, patientId: 'p1', name: 'Oxycodone 10 mg tablet', prescriber: 'Dr. A', pharmacy: 'Main St', authoredOn: '2026-01-01', lastUpdated: '2026-01-01T00:00:00.000Z', version: 2 });

describe('stored order → FHIR MedicationRequest', () => {
  const prn: MedicationOrder = {
    id: 'o1',
    ingredients: [{ ingredient: { code: '7804', name: 'oxycodone' }, strength: { amount: 10, unit: 'mg' } }],
    form: 'tablet',
    dosage: { dose: { low: 1, high: 2, unit: 'tablet' }, route: 'oral', frequency: { count: 1, period: 4, periodMax: 6, periodUnit: 'h' }, asNeeded: true, asNeededFor: 'pain', maxPerDay: { amount: 6, unit: 'tablet' } },
    start: '2026-01-01',
    daysSupply: 30,
    status: 'active',
    text: '1-2 tabs q4-6h prn pain, max 6/day',
  };

  it('writes the fields the MME calculation reads', () => {
    const r = stored(prn);
    expect(r).toMatchObject({
      resourceType: 'MedicationRequest',
      status: 'active',
      intent: 'order',
      subject: { reference: 'Patient/p1' },
      medicationCodeableConcept: { coding: [{ code: '7804' }] },
      requester: { display: 'Dr. A' },
      dispenseRequest: { validityPeriod: { start: '2026-01-01' }, expectedSupplyDuration: { value: 30, code: 'd' } },
    });
    const d = r.dosageInstruction?.[0];
    expect(d?.timing?.repeat).toEqual({ frequency: 1, period: 4, periodMax: 6, periodUnit: 'h' });
    expect(d?.doseAndRate?.[0]?.doseRange?.high?.value).toBe(2);
    expect(d?.asNeededCodeableConcept?.text).toBe('pain');
    expect(d?.maxDosePerPeriod?.numerator?.value).toBe(6);
  });

  it('reads back through the import mapper to the same MME', () => {
    const back = fromFhirMedicationRequest(stored(prn)).order;
    expect(back).not.toBeNull();
    const a = calculateMme([prn], { factorSet: 'cdc-2022' }).totalMmePerDay;
    const b = calculateMme([back as MedicationOrder], { factorSet: 'cdc-2022' }).totalMmePerDay;
    expect(b).toBe(a);
  });
});
