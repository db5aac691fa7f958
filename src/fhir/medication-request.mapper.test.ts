import type { Dosage as FhirDosage, MedicationRequest } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { calculateMme } from '../domain/opioids';
import { fromFhirMedicationRequest, toFhirMedicationRequest } from './medication-request.mapper';
import { parseRxNormName, RXNORM_SYSTEM } from './medication-request.product';

function request(display: string, dosage: FhirDosage | FhirDosage[] | undefined, extra: Partial<MedicationRequest> = {}): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id: 'mr-1',
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/p-1' },
    medicationCodeableConcept: { coding: [{ system: RXNORM_SYSTEM, code: '0', display }] },
    ...(dosage === undefined ? {} : { dosageInstruction: Array.isArray(dosage) ? dosage : [dosage] }),
    ...extra,
  };
}
const tabs = (value: number): FhirDosage['doseAndRate'] => [{ doseQuantity: { value, unit: 'tablet', system: 'http://unitsofmeasure.org', code: '{tbl}' } }];
const perDay = (frequency: number, period = 1, periodUnit: 'h' | 'd' = 'd'): FhirDosage['timing'] => ({ repeat: { frequency, period, periodUnit } });

describe('RxNorm clinical drug names', () => {
  it.each([
    ['oxycodone hydrochloride 10 MG Oral Tablet', 'oxycodone hydrochloride', { amount: 10, unit: 'mg' }, 'tablet', undefined, 'oral'],
    ['12 HR oxycodone hydrochloride 30 MG Extended Release Oral Tablet', 'oxycodone hydrochloride', { amount: 30, unit: 'mg' }, 'tablet', 'extended', 'oral'],
    ['72 HR fentanyl 0.025 MG/HR Transdermal System', 'fentanyl', { amount: 0.025, unit: 'mg/hr' }, 'patch', 'extended', 'transdermal'],
    ['fentanyl 0.4 MG/ACTUAT Nasal Spray', 'fentanyl', { amount: 0.4, unit: 'mg' }, 'spray', undefined, 'nasal'],
    ['fentanyl 1.2 MG Buccal Film', 'fentanyl', { amount: 1.2, unit: 'mg' }, 'film', undefined, 'buccal'],
    ['morphine sulfate 2 MG/ML Oral Solution', 'morphine sulfate', { amount: 2, unit: 'mg' }, 'solution', undefined, 'oral'],
    ['morphine sulfate 10 MG/5ML Oral Solution', 'morphine sulfate', { amount: 10, unit: 'mg', per: 5 }, 'solution', undefined, 'oral'],
    ['24 HR morphine sulfate 20 MG Extended Release Oral Capsule', 'morphine sulfate', { amount: 20, unit: 'mg' }, 'capsule', 'extended', 'oral'],
    ['alprazolam 0.5 MG Oral Tablet', 'alprazolam', { amount: 0.5, unit: 'mg' }, 'tablet', undefined, 'oral'],
  ])('%s', (name, ingredient, strength, form, release, route) => {
    const read = parseRxNormName(name);
    expect(read?.ingredients).toEqual([{ ingredient: { code: expect.any(String) as string, name: ingredient }, strength }]);
    expect(read?.form).toBe(form);
    expect(read?.release).toBe(release);
    expect(read?.formRoute).toBe(route);
  });

  it('reads a combination product, ingredient by ingredient', () => {
    const read = parseRxNormName('acetaminophen 325 MG / oxycodone hydrochloride 5 MG Oral Tablet');
    expect(read?.ingredients.map((i) => [i.ingredient.name, i.strength.amount])).toEqual([
      ['acetaminophen', 325],
      ['oxycodone hydrochloride', 5],
    ]);
    expect(read?.ingredients[1]?.ingredient.code).toBe('7804');
  });

  it.each(['Oxycodone', 'oxycodone 5 MG', 'Percocet', ''])('is not a clinical drug name: %j', (name) => {
    expect(parseRxNormName(name)).toBeNull();
  });
});

describe('public MME worked examples through the mapper (reference 1.6)', () => {
  it.each([
    ['TestDrug_Oxycodone', request('oxycodone hydrochloride 10 MG Oral Tablet', { doseAndRate: tabs(1), timing: perDay(4) }), 'cdc-2022', 60],
    ['TestDrug_Oxycodone_ER', request('12 HR oxycodone hydrochloride 30 MG Extended Release Oral Tablet', { doseAndRate: tabs(1), timing: perDay(2) }), 'cdc-2022', 90],
    [
      'TestDrug_Fentanyl_Transdermal',
      request('72 HR fentanyl 0.025 MG/HR Transdermal System', { doseAndRate: [{ doseQuantity: { value: 1, code: '{patch}' } }], timing: perDay(1, 3) }),
      'cdc-2022',
      60,
    ],
    [
      'patient-mme-greater-than-fifty',
      request('72 HR fentanyl 0.075 MG/HR Transdermal System', { doseAndRate: [{ doseQuantity: { value: 1, unit: 'patch' } }], timing: perDay(1, 3) }),
      'cdc-2022',
      180,
    ],
    ['TestDrug_Methadone (2016 tiers)', request('methadone hydrochloride 10 MG Oral Tablet', { doseAndRate: tabs(2), timing: perDay(3) }), 'cdc-2016', 600],
    [
      'patient-mme-less-than-fifty',
      request('12 HR oxycodone hydrochloride 60 MG Extended Release Oral Tablet', { doseAndRate: [{ doseQuantity: { value: 10, code: 'mg' } }], timing: perDay(1, 12, 'h') }),
      'cdc-2022',
      30,
    ],
    [
      'patient-mme-with-timeofday',
      request('12 HR oxycodone hydrochloride 60 MG Extended Release Oral Tablet', {
        doseAndRate: [{ doseQuantity: { value: 10, code: 'mg' } }],
        timing: { repeat: { timeOfDay: ['10:00:00', '22:00:00'] } },
      }),
      'cdc-2022',
      30,
    ],
    [
      'mmecalc',
      request('24 HR morphine sulfate 20 MG Extended Release Oral Capsule', { doseAndRate: [{ doseQuantity: { value: 20, code: 'mg' } }], timing: { repeat: { timeOfDay: ['10:00:00'] } } }),
      'cdc-2022',
      20,
    ],
  ] as const)('%s', (_name, resource, factorSet, expected) => {
    const { order, issues } = fromFhirMedicationRequest(resource);
    expect(issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(order).not.toBeNull();
    expect(calculateMme(order === null ? [] : [order], { factorSet }).totalMmePerDay).toBe(expected);
  });
});

describe('dosage shapes', () => {
  it('reads a range, frequencyMax, periodMax, as-needed and a daily maximum', () => {
    const { order, issues } = fromFhirMedicationRequest(
      request('oxycodone hydrochloride 5 MG Oral Tablet', {
        doseAndRate: [{ doseRange: { low: { value: 1, code: '{tbl}' }, high: { value: 2, code: '{tbl}' } } }],
        timing: { repeat: { frequency: 1, frequencyMax: 2, period: 4, periodMax: 6, periodUnit: 'h' } },
        asNeededBoolean: true,
        maxDosePerPeriod: { numerator: { value: 8, code: '{tbl}' }, denominator: { value: 1, code: 'd' } },
        route: { coding: [{ system: 'http://snomed.info/sct', code: '26643006' }] },
      }),
    );
    expect(issues).toEqual([]);
    expect(order?.dosage).toEqual({
      dose: { low: 1, high: 2, unit: 'tablet' },
      frequency: { count: 1, countMax: 2, period: 4, periodMax: 6, periodUnit: 'h' },
      asNeeded: true,
      maxPerDay: { amount: 8, unit: 'tablet' },
      route: 'oral',
    });
  });

  it('reads supply, dates and status', () => {
    const { order } = fromFhirMedicationRequest(
      request('oxycodone hydrochloride 5 MG Oral Tablet', { doseAndRate: tabs(1), timing: perDay(2) }, {
        status: 'draft',
        authoredOn: '2026-11-02T10:00:00Z',
        dispenseRequest: { expectedSupplyDuration: { value: 4, code: 'wk' }, validityPeriod: { end: '2026-12-30' } },
      }),
    );
    expect(order).toMatchObject({ status: 'draft', start: '2026-11-02', end: '2026-12-30', daysSupply: 28 });
  });

  it.each([
    ['BID', { count: 2, period: 1, periodUnit: 'd' }],
    ['Q6H', { count: 1, period: 6, periodUnit: 'h' }],
    ['QOD', { count: 1, period: 2, periodUnit: 'd' }],
  ])('timing code %s', (code, frequency) => {
    const { order } = fromFhirMedicationRequest(request('oxycodone hydrochloride 5 MG Oral Tablet', { doseAndRate: tabs(1), timing: { code: { coding: [{ code }] } } }));
    expect(order?.dosage.frequency).toEqual(frequency);
  });

  it('reads the text with the domain parser when the structure is missing, and says so', () => {
    const { order, issues } = fromFhirMedicationRequest(request('oxycodone hydrochloride 5 MG Oral Tablet', { text: '1 tab po q6h prn pain' }));
    expect(order?.dosage).toMatchObject({ dose: { high: 1, unit: 'tablet' }, frequency: { period: 6, periodUnit: 'h' }, asNeeded: true, route: 'oral' });
    expect(issues.map((i) => [i.code, i.path])).toContainEqual(['fhir.dosage-read-from-text', 'dosageInstruction[0].text']);
  });

  it.each([
    ['a period in seconds', { doseAndRate: tabs(1), timing: { repeat: { frequency: 1, period: 30, periodUnit: 's' } } }, 'fhir.timing-period-unit-unsupported', 'dosageInstruction[0].timing.repeat.periodUnit'],
    ['a frequency without period', { doseAndRate: tabs(1), timing: { repeat: { frequency: 2 } } }, 'fhir.timing-period-missing', 'dosageInstruction[0].timing.repeat.period'],
    ['days of the week', { doseAndRate: tabs(1), timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', dayOfWeek: ['mon'] } } }, 'fhir.timing-day-of-week-unsupported', 'dosageInstruction[0].timing.repeat.dayOfWeek'],
    ['an unknown dose unit', { doseAndRate: [{ doseQuantity: { value: 1, unit: 'scoop' } }], timing: perDay(1) }, 'fhir.dose-unreadable', 'dosageInstruction[0].doseAndRate[0].doseQuantity'],
    ['a range without top', { doseAndRate: [{ doseRange: { low: { value: 1, code: '{tbl}' } } }], timing: perDay(1) }, 'fhir.dose-range-unreadable', 'dosageInstruction[0].doseAndRate[0].doseRange'],
    ['a weekly maximum', { doseAndRate: tabs(1), timing: perDay(1), maxDosePerPeriod: { numerator: { value: 20, code: '{tbl}' }, denominator: { value: 7, code: 'd' } } }, 'fhir.max-dose-period-unsupported', 'dosageInstruction[0].maxDosePerPeriod.denominator'],
    ['a meal timing', { doseAndRate: tabs(1), timing: { repeat: { when: ['AC'] } } }, 'fhir.timing-when-unsupported', 'dosageInstruction[0].timing.repeat.when[0]'],
    ['an unknown timing code', { doseAndRate: tabs(1), timing: { code: { text: 'with meals' } } }, 'fhir.timing-code-unknown', 'dosageInstruction[0].timing.code'],
    ['an unknown route', { doseAndRate: tabs(1), timing: perDay(1), route: { text: 'per tube' } }, 'fhir.route-unknown', 'dosageInstruction[0].route'],
    ['no dose at all', { timing: perDay(1) }, 'fhir.dose-missing', 'dosageInstruction[0]'],
    ['no timing at all', { doseAndRate: tabs(1) }, 'fhir.timing-missing', 'dosageInstruction[0]'],
  ] as const)('reports %s with its path', (_label, dosage, code, path) => {
    const { issues } = fromFhirMedicationRequest(request('oxycodone hydrochloride 5 MG Oral Tablet', dosage as FhirDosage));
    expect(issues.map((i) => [i.code, i.path])).toContainEqual([code, path]);
  });

  it.each([
    ['two dosage instructions', request('oxycodone hydrochloride 5 MG Oral Tablet', [{ text: '1 tab q6h' }, { text: '1 tab q8h' }]), 'fhir.dosage-multiple', 'dosageInstruction[1]'],
    ['no dosage', request('oxycodone hydrochloride 5 MG Oral Tablet', undefined), 'fhir.dosage-missing', 'dosageInstruction'],
    ['a supply in months', request('oxycodone hydrochloride 5 MG Oral Tablet', { text: '1 tab q6h' }, { dispenseRequest: { expectedSupplyDuration: { value: 1, code: 'mo' } } }), 'fhir.supply-duration-unreadable', 'dispenseRequest.expectedSupplyDuration'],
    ['status unknown', request('oxycodone hydrochloride 5 MG Oral Tablet', { text: '1 tab q6h' }, { status: 'unknown' }), 'fhir.status-unknown', 'status'],
    ['a brand name only', request('Percocet', { text: '1 tab q6h' }), 'fhir.product-unreadable', 'medicationCodeableConcept'],
  ])('reports %s', (_label, resource, code, path) => {
    const { issues } = fromFhirMedicationRequest(resource);
    expect(issues.map((i) => [i.code, i.path])).toContainEqual([code, path]);
  });
});

describe('medication', () => {
  it('an ingredient code alone is known but its strength is missing (reported, MME not computed)', () => {
    const resource: MedicationRequest = {
      ...request('x', { doseAndRate: tabs(1), timing: perDay(4) }),
      medicationCodeableConcept: { coding: [{ system: RXNORM_SYSTEM, code: '7804' }] },
    };
    const { order, issues } = fromFhirMedicationRequest(resource, { basePath: 'context.draftOrders.entry[0].resource' });
    expect(issues.map((i) => i.path)).toContain('context.draftOrders.entry[0].resource.medicationCodeableConcept');
    const mme = calculateMme(order === null ? [] : [order]);
    expect(mme.complete).toBe(false);
    expect(mme.lines[0]?.status).toBe('not-computable');
  });

  it('reads a contained Medication with ingredient strengths', () => {
    const resource: MedicationRequest = {
      ...request('x', { doseAndRate: tabs(1), timing: perDay(4) }),
      medicationCodeableConcept: undefined,
      medicationReference: { reference: '#med' },
      contained: [
        {
          resourceType: 'Medication',
          id: 'med',
          form: { text: 'Oral Tablet' },
          ingredient: [{ itemCodeableConcept: { coding: [{ system: RXNORM_SYSTEM, code: '7804', display: 'oxycodone' }] }, strength: { numerator: { value: 10, code: 'mg' }, denominator: { value: 1, code: '{tbl}' } } }],
        },
      ],
    };
    const { order, issues } = fromFhirMedicationRequest(resource);
    expect(issues).toEqual([]);
    expect(calculateMme(order === null ? [] : [order]).totalMmePerDay).toBe(60);
  });

  it.each([
    ['an external reference', { medicationReference: { reference: 'Medication/42' } }, 'fhir.medication-reference-unresolved'],
    ['no medication', {}, 'fhir.medication-missing'],
    ['do not perform', { doNotPerform: true, medicationCodeableConcept: { text: 'oxycodone hydrochloride 5 MG Oral Tablet' } }, 'fhir.do-not-perform'],
  ] as const)('%s gives no order and an error', (_label, extra, code) => {
    const resource = { ...request('x', { text: '1 tab q6h' }), medicationCodeableConcept: undefined, ...extra } as MedicationRequest;
    const { order, issues } = fromFhirMedicationRequest(resource);
    expect(order).toBeNull();
    expect(issues.find((i) => i.code === code)?.severity).toBe('error');
  });
});

it('writes a suggested order that reads back', () => {
  const resource = toFhirMedicationRequest({ patientId: 'p-9', rxnorm: { code: '7242', display: 'naloxone' }, text: 'naloxone hydrochloride 4 MG/ACTUAT Nasal Spray', dosageText: '1 spray in one nostril as needed for suspected overdose' });
  const { order, patientId } = fromFhirMedicationRequest(resource, { fallbackId: 'suggested' });
  expect(patientId).toBe('p-9');
  expect(order).toMatchObject({ id: 'suggested', status: 'draft', form: 'spray', ingredients: [{ ingredient: { code: '7242' } }] });
});
