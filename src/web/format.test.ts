import { describe, expect, it } from 'vitest';
import { formatDate, formatDatesInText } from './format';

describe('formatDatesInText', () => {
  it('writes every calendar date in a sentence the way formatDate does, and leaves the rest alone', () => {
    const text = 'Missed visit (2026-12-03), open 3 days; reviewed 2026-11-20.';
    expect(formatDatesInText(text)).toBe(`Missed visit (${formatDate('2026-12-03')}), open 3 days; reviewed ${formatDate('2026-11-20')}.`);
    expect(formatDatesInText(text)).not.toContain('2026-12-03');
  });

  it('leaves text without dates, and longer digit runs, as they are', () => {
    expect(formatDatesInText('Open 3 days; still needed: a plan.')).toBe('Open 3 days; still needed: a plan.');
    expect(formatDatesInText('MRN 12026-12-031')).toBe('MRN 12026-12-031');
  });
});
