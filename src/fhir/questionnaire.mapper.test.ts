import { describe, expect, it } from 'vitest';
import { INSTRUMENT_IDS, INSTRUMENTS } from '../domain/measures/instruments';
import { toFhirQuestionnaire } from './questionnaire.mapper';

const BASE = 'https://clinic.example/fhir/';

describe('toFhirQuestionnaire', () => {
  it('maps the PHQ-9 with its LOINC panel, item codes and LOINC answers', () => {
    const q = toFhirQuestionnaire(INSTRUMENTS.phq9, BASE);
    expect(q).toMatchObject({
      resourceType: 'Questionnaire',
      id: 'phq9',
      url: 'https://clinic.example/fhir/Questionnaire/phq9',
      version: '2001',
      name: 'PHQ9',
      title: 'PHQ-9 (Patient Health Questionnaire, 9 items)',
      status: 'active',
      code: [{ system: 'http://loinc.org', code: '44249-1' }],
      copyright: INSTRUMENTS.phq9.licence.text,
    });
    expect(q.item?.[0]).toEqual({ linkId: 'phq9.prompt', type: 'display', text: INSTRUMENTS.phq9.prompt });
    expect(q.item?.[9]).toEqual({
      linkId: 'phq9.9',
      text: 'Thoughts that you would be better off dead or of hurting yourself in some way',
      code: [{ system: 'http://loinc.org', code: '44260-8' }],
      type: 'choice',
      required: true,
      answerOption: [
        ['LA6568-5', 'Not at all', 0],
        ['LA6569-3', 'Several days', 1],
        ['LA6570-1', 'More than half the days', 2],
        ['LA6571-9', 'Nearly every day', 3],
      ].map(([code, display, value]) => ({
        valueCoding: {
          system: 'http://loinc.org',
          code,
          display,
          extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: value }],
        },
      })),
    });
  });

  it('maps STarT Back answers to Painpath codes, one per item and value', () => {
    const q = toFhirQuestionnaire(INSTRUMENTS.startback, BASE);
    expect(q.code).toEqual([{ system: 'https://painpath.org/fhir/CodeSystem/measures', code: 'startback', display: 'STarT Back Screening Tool' }]);
    const item9 = q.item?.find((i) => i.linkId === 'startback.9');
    expect(item9?.answerOption?.map((o) => [o.valueCoding?.code, o.valueCoding?.display, o.valueCoding?.extension?.[0]?.valueDecimal])).toEqual([
      ['startback.9:0', 'Not at all', 0],
      ['startback.9:1', 'Slightly', 1],
      ['startback.9:2', 'Moderately', 2],
      ['startback.9:3', 'Very much', 3],
      ['startback.9:4', 'Extremely', 4],
    ]);
    expect(q.copyright).toMatch(/Keele/);
  });

  it('maps PEG items to integers 0–10 with their anchors', () => {
    const q = toFhirQuestionnaire(INSTRUMENTS.peg, BASE);
    expect(q.code).toEqual([{ system: 'http://loinc.org', code: '91148-7', display: INSTRUMENTS.peg.title }]);
    expect(q.item?.[1]).toMatchObject({
      linkId: 'peg.1',
      type: 'integer',
      required: true,
      extension: [
        { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueInteger: 0 },
        { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: 10 },
      ],
      item: [
        { linkId: 'peg.1.lower', type: 'display', text: '0 = No pain' },
        { linkId: 'peg.1.upper', type: 'display', text: '10 = Pain as bad as you can imagine' },
      ],
    });
  });

  it('maps ORT questions to booleans', () => {
    const q = toFhirQuestionnaire(INSTRUMENTS['ort-oud'], BASE);
    expect(q.name).toBe('ORT_OUD');
    expect(q.item?.slice(1).map((i) => i.type)).toEqual(Array(8).fill('boolean'));
  });

  it('maps the PSFS activities to a repeating group of 1 to 5', () => {
    const [, group] = toFhirQuestionnaire(INSTRUMENTS.psfs, BASE).item ?? [];
    expect(group).toMatchObject({
      linkId: 'psfs.activities',
      type: 'group',
      repeats: true,
      extension: [
        { url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-minOccurs', valueInteger: 1 },
        { url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-maxOccurs', valueInteger: 5 },
      ],
      item: [
        { linkId: 'psfs.activities.name', type: 'string', required: true, maxLength: 100 },
        { linkId: 'psfs.activities.score', type: 'integer', required: true },
      ],
    });
  });

  it.each(INSTRUMENT_IDS)('%s: one Questionnaire item per instrument item, after the prompt', (id) => {
    const q = toFhirQuestionnaire(INSTRUMENTS[id], 'https://x.example/fhir');
    expect(q.url).toBe(`https://x.example/fhir/Questionnaire/${id}`);
    expect(q.item?.map((i) => i.linkId)).toEqual([`${id}.prompt`, ...INSTRUMENTS[id].items.map((i) => i.id)]);
    expect(q.name).toMatch(/^[A-Z]([A-Za-z0-9_]){0,254}$/);
  });
});
