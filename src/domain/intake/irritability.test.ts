import { describe, expect, it } from 'vitest';
import { IRRITABILITY_CRITERIA, IRRITABILITY_LEVELS, PAIN_MECHANISMS } from './irritability';

describe('IRRITABILITY_CRITERIA (Kelley 2013 scheme, reference section 10) [U]', () => {
  it.each([
    ['high', 'Pain 7/10 or more', 'Consistent night or rest pain'],
    ['moderate', 'Pain 4–6/10', 'Intermittent night or rest pain'],
    ['low', 'Pain 3/10 or less', 'No night or rest pain'],
  ] as const)('%s: %s; %s', (level, pain, night) => {
    expect(IRRITABILITY_CRITERIA[level].slice(0, 2)).toEqual([pain, night]);
    expect(IRRITABILITY_CRITERIA[level]).toHaveLength(5);
  });

  it('has exactly the three levels, most irritable first', () => {
    expect(Object.keys(IRRITABILITY_CRITERIA)).toEqual([...IRRITABILITY_LEVELS]);
    expect(IRRITABILITY_LEVELS).toEqual(['high', 'moderate', 'low']);
  });
});

describe('PAIN_MECHANISMS', () => {
  it('lists the four mechanisms the clinician chooses from', () => {
    expect(PAIN_MECHANISMS).toEqual(['nociceptive', 'neuropathic', 'nociplastic', 'mixed']);
  });
});
