import { describe, expect, it } from 'vitest';
import { applySuggestion, checkLanguage, compileTerms, spellingVariants } from './terms';
import { REFERENCE_TERMS_VERSION, TERM_PATTERNS, TERM_ROWS } from './term-table';

function hitsOf(text: string): { text: string; suggestion: string; rowId: string }[] {
  return checkLanguage(text).hits.map((h) => ({ text: h.text, suggestion: h.suggestion, rowId: h.rowId }));
}

// One example per row of clinical-facts §9 (and the house row), as a clinician might write it.
const ROW_EXAMPLES: { rowId: string; text: string; written: string; suggestion: string }[] = [
  { rowId: 'addict', text: 'Known addict, here for refill.', written: 'addict', suggestion: 'person with a substance use disorder' },
  { rowId: 'alcoholic', text: 'Father was an alcoholic.', written: 'alcoholic', suggestion: 'person with alcohol use disorder' },
  { rowId: 'abuser', text: 'History as a drug abuser.', written: 'drug abuser', suggestion: 'person with a substance use disorder' },
  { rowId: 'drug-abuse', text: 'No history of drug abuse.', written: 'drug abuse', suggestion: 'substance use' },
  { rowId: 'drug-habit', text: 'Has a drug habit.', written: 'drug habit', suggestion: 'substance use disorder' },
  { rowId: 'clean-dirty-test', text: 'Dirty urine in March.', written: 'Dirty urine', suggestion: 'Positive test result' },
  { rowId: 'clean-person', text: 'She has stayed clean since May.', written: 'stayed clean', suggestion: 'in recovery' },
  { rowId: 'former-addict', text: 'He is a former addict.', written: 'former addict', suggestion: 'person in recovery' },
  { rowId: 'replacement-therapy', text: 'Started opioid replacement therapy.', written: 'opioid replacement therapy', suggestion: 'opioid agonist treatment (MOUD)' },
  { rowId: 'addicted-baby', text: 'Delivered an addicted baby.', written: 'addicted baby', suggestion: 'newborn exposed to substances' },
  { rowId: 'manipulative', text: 'Patient was manipulative.', written: 'manipulative', suggestion: 'needs to work on more effective ways of getting needs met' },
  { rowId: 'non-compliant', text: 'Non-compliant with PT.', written: 'Non-compliant', suggestion: 'Not following the plan (say why)' },
  { rowId: 'drug-seeking', text: 'Appears drug-seeking.', written: 'drug-seeking', suggestion: 'requesting pain relief' },
  { rowId: 'claims', text: 'Patient claims the pain is worse.', written: 'claims', suggestion: 'reports' },
  { rowId: 'refuses', text: 'Refuses physical therapy.', written: 'Refuses', suggestion: 'Declines' },
  { rowId: 'narcotics', text: 'Wants more narcotics.', written: 'narcotics', suggestion: 'opioids' },
  { rowId: 'pain-patient', text: 'A chronic pain patient.', written: 'chronic pain patient', suggestion: 'person with chronic pain' },
  { rowId: 'violation', text: 'Agreement violation on Monday.', written: 'Agreement violation', suggestion: 'Concern about the agreement' },
];

describe('term table', () => {
  it('has an example, at least one pattern and a source for every row', () => {
    expect(ROW_EXAMPLES.map((e) => e.rowId).sort()).toEqual(TERM_ROWS.map((r) => r.id).sort());
    for (const row of TERM_ROWS) {
      expect(TERM_PATTERNS.some((p) => p.rowId === row.id)).toBe(true);
      expect(row.source.length).toBeGreaterThan(5);
    }
  });

  it.each(ROW_EXAMPLES)('row $rowId: "$text"', ({ rowId, text, written, suggestion }) => {
    const result = checkLanguage(text);
    expect(result.hits).toHaveLength(1);
    const hit = result.hits[0]!;
    expect({ rowId: hit.rowId, text: hit.text, suggestion: hit.suggestion }).toEqual({ rowId, text: written, suggestion });
    expect(text.slice(hit.start, hit.end)).toBe(written);
    expect(hit.source).toBe(TERM_ROWS.find((r) => r.id === rowId)!.source);
    expect(hit.origin).toBe('reference');
    expect(result.termsVersion).toBe(REFERENCE_TERMS_VERSION);
  });

  // Every listed form (all inflections) is found in a neutral sentence, as written and in capitals.
  const everyForm = TERM_PATTERNS.flatMap((p) => p.forms.map((form) => ({ rowId: p.rowId, form: form.replace('*', 'two') })));
  it.each(everyForm)('form "$form" ($rowId) is found, in any case', ({ rowId, form }) => {
    for (const written of [form, form.toUpperCase()]) {
      const hits = checkLanguage(`Note: ${written} today.`).hits;
      expect(hits.map((h) => h.rowId)).toEqual([rowId]);
      expect(hits[0]!.text).toBe(written);
    }
  });
});

describe('inflections, case and spelling variants', () => {
  it.each([
    { text: 'He refused the MRI.', written: 'refused', suggestion: 'declined' },
    { text: 'She is refusing injections.', written: 'refusing', suggestion: 'declining' },
    { text: 'Documented refusal of PT.', written: 'refusal', suggestion: 'decision to decline' },
    { text: 'Both addicts were seen.', written: 'addicts', suggestion: 'people with a substance use disorder' },
    { text: 'He claimed it was lost.', written: 'claimed', suggestion: 'reported' },
    { text: 'She insisted on a refill.', written: 'insisted', suggestion: 'stated' },
    { text: 'Denies chest pain.', written: 'Denies', suggestion: 'Reports no' },
    { text: 'Prior narcotic use.', written: 'narcotic', suggestion: 'opioid' },
    { text: 'DRUG SEEKING per ED note.', written: 'DRUG SEEKING', suggestion: 'Requesting pain relief' },
    { text: 'Drug seeking per ED note.', written: 'Drug seeking', suggestion: 'Requesting pain relief' },
    { text: 'Drugseeking per ED note.', written: 'Drugseeking', suggestion: 'Requesting pain relief' },
    { text: 'Known drug-seeker.', written: 'drug-seeker', suggestion: 'person requesting pain relief' },
    { text: 'He is noncompliant.', written: 'noncompliant', suggestion: 'not following the plan (say why)' },
    { text: 'He is non compliant.', written: 'non compliant', suggestion: 'not following the plan (say why)' },
    { text: 'History of non-compliance.', written: 'non-compliance', suggestion: 'not following the plan (say why)' },
    { text: 'A chronic-pain patient.', written: 'chronic-pain patient', suggestion: 'person with chronic pain' },
    { text: 'Seen by many pain patients.', written: 'pain patients', suggestion: 'people with chronic pain' },
    { text: 'Is an ex-addict.', written: 'ex-addict', suggestion: 'person in recovery' },
    { text: 'Urine came back dirty.', written: 'Urine came back dirty', suggestion: 'Tested positive' },
    { text: 'She tested clean in May.', written: 'tested clean', suggestion: 'tested negative' },
    { text: 'Clean UDS in May.', written: 'Clean UDS', suggestion: 'Negative test result' },
    { text: 'Clean for two years now.', written: 'Clean for two years', suggestion: 'In recovery' },
    { text: 'An IV drug user.', written: 'drug user', suggestion: 'person who uses drugs' },
    { text: 'Heroin users nearby.', written: 'Heroin users', suggestion: 'People who use drugs' },
    { text: 'On methadone maintenance therapy.', written: 'methadone maintenance therapy', suggestion: 'opioid agonist treatment (MOUD)' },
  ])('"$text" → $suggestion', ({ text, written, suggestion }) => {
    expect(hitsOf(text).map((h) => [h.text, h.suggestion])).toEqual([[written, suggestion]]);
  });

  it('keeps the longest of overlapping matches and finds several in one text', () => {
    const text = 'Former addict. Refuses PT; claims pain is 9/10. Wants narcotics.';
    expect(hitsOf(text).map((h) => h.text)).toEqual(['Former addict', 'Refuses', 'claims', 'narcotics']);
  });

  it('builds every hyphen/space spelling of a form', () => {
    expect(spellingVariants('drug-seeking').sort()).toEqual(['drug seeking', 'drugseeking']);
    expect(spellingVariants('clean for * years')).toContain('clean for * years');
    expect(spellingVariants('clean for * years').some((v) => v.includes('*years') || v.includes('for*'))).toBe(false);
  });
});

describe('look-alikes are not flagged', () => {
  it.each([
    'The user interface shows a chart.',
    'Each end user gets an account.',
    'Users sign in with a password.',
    'Sterile field kept; clean technique used.',
    'The wound has been clean and dry.',
    'Clean the site before the injection.',
    'Insurance claims were sent on Monday.',
    'The claim form is attached.',
    'The prior authorisation was denied.',
    'Non-alcoholic fatty liver disease.',
    'Alcoholic beverages are not allowed.',
    'Osteopathic manipulative treatment for low back pain.',
    'Referred for manipulative therapy.',
    'Attends Narcotics Anonymous weekly.',
    'Goes to Alcoholics Anonymous.',
    'Handout from the National Institute on Drug Abuse.',
    'Referred to the Substance Abuse and Mental Health Services Administration helpline.',
    'History of childhood abuse.',
    'Hormone replacement therapy since 2019.',
    'Nicotine replacement therapy offered.',
    'Tested positive for fentanyl.',
    'Declines physical therapy.',
    'Reports pain of 8/10.',
    'Person with opioid use disorder on buprenorphine.',
    'Identical text is refused with a clear message.',
    'The early refill request was refused by the pharmacy.',
    'No SNOMED mapping is claimed.',
    '',
  ])('%j', (text) => {
    expect(hitsOf(text)).toEqual([]);
  });
});

describe('quotations', () => {
  it('still flags a term inside a quoted citation title and says it is quoted', () => {
    const result = checkLanguage('She brought "Prescription Drug Abuse: a review" to the visit.');
    expect(result.hits.map((h) => [h.text, h.quoted])).toEqual([['Prescription Drug Abuse', true]]);
    expect(checkLanguage('Prescription drug abuse is rising.').hits[0]?.quoted).toBe(false);
  });
});

describe('clinic terms', () => {
  it('adds a clinic phrase with its suggestion and names the list version', () => {
    const terms = compileTerms([{ phrase: 'frequent flyer', suggestion: 'person who visits often', note: 'ED slang' }], 3);
    const result = checkLanguage('ED calls him a frequent-flyer. Refuses PT.', terms);
    expect(result.hits.map((h) => [h.text, h.suggestion, h.origin])).toEqual([
      ['frequent-flyer', 'person who visits often', 'clinic'],
      ['Refuses', 'Declines', 'reference'],
    ]);
    expect(result.hits[0]!.source).toBe('Added by your clinic: ED slang');
    expect(result.termsVersion).toBe(`${REFERENCE_TERMS_VERSION} + clinic terms v3`);
  });
});

describe('applySuggestion', () => {
  it('replaces exactly the hit, and leaves text alone when it changed since the check', () => {
    const text = 'Pt refuses PT.';
    const hit = checkLanguage(text).hits[0]!;
    expect(applySuggestion(text, hit)).toBe('Pt declines PT.');
    expect(applySuggestion('Pt said no.', hit)).toBe('Pt said no.');
  });
});
