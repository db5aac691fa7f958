import { describe, expect, it } from 'vitest';
import { getInstrument, INSTRUMENT_IDS, INSTRUMENTS, isInstrumentId } from './instruments';

describe('INSTRUMENTS catalogue', () => {
  it.each(INSTRUMENT_IDS)('%s: keyed by its id, items prefixed by the id and unique', (id) => {
    const instrument = INSTRUMENTS[id];
    expect(instrument.id).toBe(id);
    const itemIds = instrument.items.map((i) => i.id);
    expect(new Set(itemIds).size).toBe(itemIds.length);
    for (const itemId of itemIds) expect(itemId.startsWith(`${id}.`)).toBe(true);
  });

  it.each(INSTRUMENT_IDS)('%s: every choice item has options, every scale has anchors', (id) => {
    for (const item of INSTRUMENTS[id].items) {
      if (item.kind === 'choice') expect(item.options?.length ?? 0).toBeGreaterThan(1);
      if (item.kind === 'scale-0-10' || item.kind === 'activity') expect(item.anchors).toBeDefined();
    }
  });

  it.each(INSTRUMENT_IDS.filter((id) => id !== 'startback'))('%s: bands cover the score range without gaps', (id) => {
    const { bands, scoreRange } = INSTRUMENTS[id];
    if (bands.length === 0) return;
    expect(bands[0]?.min).toBe(scoreRange.min);
    expect(bands.at(-1)?.max).toBe(scoreRange.max);
    bands.slice(1).forEach((band, index) => expect(band.min).toBe((bands[index]?.max ?? Number.NaN) + 1));
  });

  it('holds exactly the LOINC codes we are sure of', () => {
    const codes = Object.fromEntries(INSTRUMENT_IDS.map((id) => [id, INSTRUMENTS[id].loinc ?? null]));
    expect(codes).toEqual({
      peg: { panel: '91148-7', total: '91147-9' },
      phq2: { panel: '55757-9', total: '55758-7' },
      phq9: { panel: '44249-1', total: '44261-6' },
      gad7: { panel: '69737-5', total: '70274-6' },
      psfs: null,
      startback: { total: '91351-7' },
      ort: null,
      'ort-oud': null,
    });
    expect(INSTRUMENTS.phq9.items.map((i) => i.loinc)).toEqual([
      '44250-9', '44255-8', '44259-0', '44254-1', '44251-7', '44258-2', '44252-5', '44253-3', '44260-8',
    ]);
    expect(INSTRUMENTS.phq2.items.map((i) => i.loinc)).toEqual(['44250-9', '44255-8']);
    expect(INSTRUMENTS.gad7.items.map((i) => i.loinc)).toEqual([
      '69725-0', '68509-9', '69733-4', '69734-2', '69735-9', '69689-8', '69736-7',
    ]);
  });

  it.each([
    ['peg', false, 'lower-is-better'],
    ['phq2', false, 'lower-is-better'],
    ['phq9', false, 'lower-is-better'],
    ['gad7', false, 'lower-is-better'],
    ['psfs', false, 'higher-is-better'],
    ['startback', true, 'lower-is-better'],
    ['ort', true, 'lower-is-better'],
    ['ort-oud', true, 'lower-is-better'],
  ] as const)('%s: licence restricted %s, %s', (id, restricted, direction) => {
    expect(INSTRUMENTS[id].licence.restricted).toBe(restricted);
    expect(INSTRUMENTS[id].direction).toBe(direction);
    expect(INSTRUMENTS[id].source).not.toBe('');
  });

  it('keeps the Keele notice on STarT Back and the Pfizer notice on PHQ and GAD', () => {
    expect(INSTRUMENTS.startback.licence.text).toMatch(/© Keele University/);
    expect(INSTRUMENTS.startback.licence.text).toMatch(/[Cc]ommercial/);
    for (const id of ['phq2', 'phq9', 'gad7'] as const) {
      expect(INSTRUMENTS[id].licence.text).toMatch(/No permission required to reproduce/);
    }
  });

  it('shares the PHQ-9 wording for the PHQ-2 items', () => {
    expect(INSTRUMENTS.phq2.items.map((i) => i.text)).toEqual(INSTRUMENTS.phq9.items.slice(0, 2).map((i) => i.text));
  });

  it('marks the sex-weighted ORT items and no ORT-OUD item', () => {
    expect(INSTRUMENTS.ort.items.filter((i) => i.sexSpecific === true).map((i) => i.id)).toEqual([
      'ort.family-alcohol',
      'ort.family-illegal-drugs',
      'ort.preadolescent-sexual-abuse',
    ]);
    expect(INSTRUMENTS['ort-oud'].items.some((i) => i.sexSpecific === true)).toBe(false);
    expect(INSTRUMENTS['ort-oud'].items).toHaveLength(8);
  });
});

describe('getInstrument', () => {
  it.each([
    ['phq9', 'phq9'],
    ['ort-oud', 'ort-oud'],
    ['PHQ9', undefined],
    ['phq10', undefined],
    ['', undefined],
    ['__proto__', undefined],
  ])('%j -> %j', (id, expected) => {
    expect(getInstrument(id)?.id).toBe(expected);
    expect(isInstrumentId(id)).toBe(expected !== undefined);
  });
});
