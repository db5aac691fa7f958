import { describe, expect, it } from 'vitest';
import { buildIcsCalendar, escapeIcsText, foldIcsLine, formatIcsUtc } from './ics';

/** A small RFC 5545 reader for the test: unfold, then split name/value. */
function parseIcs(text: string): { name: string; value: string }[] {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(/[^\r]\n/.test(text)).toBe(false);
  const physical = text.slice(0, -2).split('\r\n');
  for (const l of physical) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
  const unfolded = physical.reduce<string[]>((acc, l) => (l.startsWith(' ') ? [...acc.slice(0, -1), `${acc[acc.length - 1] ?? ''}${l.slice(1)}`] : [...acc, l]), []);
  return unfolded.map((l) => ({ name: l.slice(0, l.indexOf(':')), value: l.slice(l.indexOf(':') + 1) }));
}

describe('ICS (RFC 5545)', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b; c\\d', 'a\\, b\\; c\\\\d'],
    ['line1\nline2\r\nline3', 'line1\\nline2\\nline3'],
  ])('escapes %j', (input, out) => {
    expect(escapeIcsText(input)).toBe(out);
  });
  it('formats UTC date-times with Z', () => {
    expect(formatIcsUtc(new Date('2026-03-05T14:30:00.000Z'))).toBe('20260305T143000Z');
  });
  it('folds at 75 octets and never splits a multi-byte character', () => {
    const line = `DESCRIPTION:${'é'.repeat(100)}`;
    const folded = foldIcsLine(line);
    for (const part of folded.split('\r\n')) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldIcsLine('X'.repeat(75))).toBe('X'.repeat(75));
    expect(foldIcsLine('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
  });
  it('a calendar with a long, escaped event parses back', () => {
    const ics = buildIcsCalendar(
      [
        {
          uid: 'a1@painpath',
          start: new Date('2026-03-05T14:30:00Z'),
          durationMinutes: 45,
          summary: 'Physical therapy, with Sam Lee; bring shoes',
          description: 'Room 2.\nAsk about the walking plan — it is long enough to need folding across lines for sure.',
          location: '12 Main St, Springfield',
          status: 'CONFIRMED',
          sequence: 2,
        },
        { uid: 'a2@painpath', start: new Date('2026-03-06T09:00:00Z'), durationMinutes: 30, summary: 'Telehealth', description: null, location: null, status: 'CANCELLED', sequence: 1 },
      ],
      new Date('2026-03-01T08:00:00Z'),
      'My visits',
    );
    const props = parseIcs(ics);
    const get = (name: string): string[] => props.filter((p) => p.name === name).map((p) => p.value);
    expect(props[0]).toEqual({ name: 'BEGIN', value: 'VCALENDAR' });
    expect(get('VERSION')).toEqual(['2.0']);
    expect(get('UID')).toEqual(['a1@painpath', 'a2@painpath']);
    expect(get('DTSTAMP')).toEqual(['20260301T080000Z', '20260301T080000Z']);
    expect(get('DTSTART')).toEqual(['20260305T143000Z', '20260306T090000Z']);
    expect(get('DTEND')).toEqual(['20260305T151500Z', '20260306T093000Z']);
    expect(get('SUMMARY')[0]).toBe('Physical therapy\\, with Sam Lee\\; bring shoes');
    expect(get('LOCATION')).toEqual(['12 Main St\\, Springfield']);
    expect(get('DESCRIPTION')[0]).toContain('Room 2.\\nAsk about');
    expect(get('STATUS')).toEqual(['CONFIRMED', 'CANCELLED']);
    expect(get('BEGIN').filter((v) => v === 'VALARM')).toHaveLength(1);
    expect(props[props.length - 1]).toEqual({ name: 'END', value: 'VCALENDAR' });
  });
});
