import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE_BODY } from './default-template';
import { agreementReadingGrade } from './grade';
import { agreementTextHash, canonicalAgreementText } from './signature';
import { agreementBlocks, formatReviewDate, renderAgreement, validateTemplate, type AgreementValues } from './template';
import { agreementStatus, checkReviewDate, checkSignature, planRevision, type SignatureFacts } from './versions';

const values: AgreementValues = {
  patientName: 'Amara Okoye',
  clinicName: 'Riverside Pain Clinic',
  prescriberName: 'Dr. Priya Shah',
  pharmacy: 'Main Street Pharmacy',
  goals: ['Walk to the park with my grandson', 'Sleep through the night'],
  reviewDate: '2027-03-12',
};

describe('the default template', () => {
  it('reads at grade 6 or below (Flesch-Kincaid over its prose)', () => {
    const g = agreementReadingGrade(DEFAULT_TEMPLATE_BODY);
    expect(g.grade).not.toBeNull();
    expect(g.grade!).toBeLessThanOrEqual(6);
    expect(g.withinTarget).toBe(true);
    // Rendered for a patient it stays within the target too.
    expect(agreementReadingGrade(renderAgreement(DEFAULT_TEMPLATE_BODY, values).text).grade!).toBeLessThanOrEqual(6);
  });

  it('is a valid template', () => {
    expect(validateTemplate(DEFAULT_TEMPLATE_BODY, agreementReadingGrade(DEFAULT_TEMPLATE_BODY).grade)).toEqual([]);
  });

  it.each([
    ['goals', /\{\{goals\}\}/],
    ['one prescriber', /one prescriber/],
    ['one pharmacy', /one pharmacy/],
    ['safe storage', /safe place/],
    ['refills', /How refills work/],
    ['urine tests and why', /Urine tests\..*harm you/],
    ['PDMP checks and why', /PDMP.*risky mix/s],
    ['a conversation first', /talk with you first/],
    ['closer follow-up', /see you more often/],
    ['support', /more help/],
    ['treatment for opioid use disorder', /offer treatment/],
    ['a gradual taper', /lower the dose slowly/],
    ['never an abrupt stop', /not stop it all at once/],
    ['review together', /\{\{reviewDate\}\}/],
    ['new version signed again', /both sign again/],
  ])('names %s', (_what, pattern) => {
    expect(DEFAULT_TEMPLATE_BODY).toMatch(pattern);
  });

  it.each(['violation', 'non-compliant', 'addict', 'abuse', 'dirty', 'clean', 'narcotic', 'refuse', 'discharge', 'terminate', 'dismiss'])('never says "%s"', (word) => {
    expect(DEFAULT_TEMPLATE_BODY.toLowerCase()).not.toContain(word);
  });
});

describe('reading grade against known texts', () => {
  it.each([
    ['very plain text', 'The cat sat on the mat. We can go out now.', -5, 2],
    ['dense text', 'Notwithstanding contraindications, pharmacological interventions necessitate individualised multidisciplinary evaluation, documentation and consideration of alternatives.', 14, 60],
  ])('%s', (_name, text, min, max) => {
    const g = agreementReadingGrade(text).grade!;
    expect(g).toBeGreaterThanOrEqual(min);
    expect(g).toBeLessThanOrEqual(max);
  });
  it('has no grade for empty text', () => {
    expect(agreementReadingGrade('# Only a title').grade).toBeNull();
  });
});

describe('validateTemplate', () => {
  it.each([
    ['empty text', '', ['agreement.template-empty', 'agreement.missing-placeholder', 'agreement.missing-placeholder']],
    ['unknown placeholder', 'Goals {{goals}} on {{reviewDate}} at {{pharmcy}}.', ['agreement.unknown-placeholder']],
    ['no goals', 'Review on {{reviewDate}}.', ['agreement.missing-placeholder']],
    ['no review date', 'Goals: {{goals}}.', ['agreement.missing-placeholder']],
    ['all fine', 'Goals: {{ goals }}. Review: {{reviewDate}}.', []],
  ])('%s', (_name, body, codes) => {
    expect(validateTemplate(body, 3).map((i) => i.code)).toEqual(codes);
  });
  it.each([
    [6, []],
    [6.1, ['agreement.reading-grade-high']],
    [null, []],
  ])('grade %s against the target 6', (grade, codes) => {
    const issues = validateTemplate('{{goals}} {{reviewDate}}', grade);
    expect(issues.map((i) => i.code)).toEqual(codes);
    for (const i of issues) expect(i.severity).toBe('warning');
  });
});

describe('renderAgreement', () => {
  it('fills every placeholder', () => {
    const { text, issues } = renderAgreement(DEFAULT_TEMPLATE_BODY, values);
    expect(text).not.toMatch(/\{\{/);
    expect(text).toContain('Amara Okoye');
    expect(text).toContain('- Walk to the park with my grandson\n- Sleep through the night');
    expect(text).toContain('Main Street Pharmacy');
    expect(text).toContain('March 12, 2027');
    expect(issues).toEqual([]);
  });
  it('says "one pharmacy we choose together" when none is named, and warns when there are no goals', () => {
    const { text, issues } = renderAgreement(DEFAULT_TEMPLATE_BODY, { ...values, pharmacy: null, goals: [' '] });
    expect(text).toContain('one pharmacy we choose together');
    expect(text).toContain('We will write your goals here together.');
    expect(issues.map((i) => i.code)).toEqual(['agreement.no-goals']);
  });
  it.each([
    ['2027-03-12', 'March 12, 2027'],
    ['2026-12-01', 'December 1, 2026'],
    ['not a date', 'not a date'],
  ])('formats %s as %s', (iso, text) => expect(formatReviewDate(iso)).toBe(text));
  it('splits text into title, headings, paragraphs and lists', () => {
    expect(agreementBlocks('# T\n\nHello.\n## H\n- a\n- b\nEnd.')).toEqual([
      { kind: 'title', text: 'T' },
      { kind: 'paragraph', text: 'Hello.' },
      { kind: 'heading', text: 'H' },
      { kind: 'list', items: ['a', 'b'] },
      { kind: 'paragraph', text: 'End.' },
    ]);
  });
});

describe('signature hashing', () => {
  const sha = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');
  it('is SHA-256 of the canonical text', () => {
    expect(agreementTextHash('Hello.')).toBe(sha('Hello.\n'));
    expect(agreementTextHash('Hello.')).toMatch(/^[0-9a-f]{64}$/);
  });
  it.each([
    ['CRLF line ends', 'A\r\nB', 'A\nB\n'],
    ['CR line ends', 'A\rB', 'A\nB\n'],
    ['trailing spaces', 'A  \nB\t', 'A\nB\n'],
    ['blank lines around', '\n\nA\n\n', 'A\n'],
    ['decomposed accents become composed', 'Jose\u0301', 'Jos\u00e9\n'],
  ])('canonical form: %s', (_name, input, canonical) => {
    expect(canonicalAgreementText(input)).toBe(canonical);
    expect(agreementTextHash(input)).toBe(sha(canonical));
  });
  it.each([
    ['one word changed', 'We will talk first.', 'We will talk later.'],
    ['inner spacing', 'We will  talk.', 'We will talk.'],
    ['case', 'we will talk.', 'We will talk.'],
    ['a blank line between paragraphs', 'A\n\nB', 'A\nB'],
  ])('a different text gives a different hash: %s', (_name, a, b) => {
    expect(agreementTextHash(a)).not.toBe(agreementTextHash(b));
  });
});

describe('versions and signatures', () => {
  const v2 = { number: 2, textHash: 'h2' };
  const sig = (versionNumber: number, signerRole: SignatureFacts['signerRole']): SignatureFacts => ({ versionNumber, signerRole });
  it.each([
    [[], 'awaiting-both'],
    [[sig(2, 'patient')], 'awaiting-clinician'],
    [[sig(2, 'clinician')], 'awaiting-patient'],
    [[sig(2, 'clinician'), sig(2, 'patient')], 'signed'],
    // Signatures on an earlier version do not carry over to a new version.
    [[sig(1, 'clinician'), sig(1, 'patient')], 'awaiting-both'],
    [[sig(1, 'patient'), sig(2, 'clinician')], 'awaiting-patient'],
  ] as const)('status with %j is %s', (sigs, status) => {
    expect(agreementStatus(v2, sigs)).toBe(status);
  });
  it.each([
    ['the current version and text', { signerRole: 'patient', versionNumber: 2, textHash: 'h2' }, [], []],
    ['an old version', { signerRole: 'patient', versionNumber: 1, textHash: 'h1' }, [], ['agreement.version-replaced']],
    ['different text', { signerRole: 'patient', versionNumber: 2, textHash: 'hX' }, [], ['agreement.text-changed']],
    ['a second patient signature', { signerRole: 'patient', versionNumber: 2, textHash: 'h2' }, [sig(2, 'patient')], ['agreement.already-signed']],
    ['the clinician after the patient', { signerRole: 'clinician', versionNumber: 2, textHash: 'h2' }, [sig(2, 'patient')], []],
    ['the patient again on a new version', { signerRole: 'patient', versionNumber: 2, textHash: 'h2' }, [sig(1, 'patient')], []],
  ] as const)('signing %s', (_name, attempt, sigs, codes) => {
    expect(checkSignature(v2, sigs, attempt).map((i) => i.code)).toEqual(codes);
  });
  it.each([
    ['new text with a reason', 'h3', 'Added a second pharmacy', { plan: { number: 3, textHash: 'h3' } }],
    ['same text', 'h2', 'No change', { issues: ['agreement.revision-unchanged'] }],
    ['no reason', 'h3', '  ', { issues: ['agreement.revision-reason-required'] }],
  ])('revision: %s', (_name, hash, reason, expected) => {
    const result = planRevision(v2, hash, reason);
    if ('plan' in expected) expect(result).toEqual(expected);
    else expect('issues' in result ? result.issues.map((i) => i.code) : []).toEqual(expected.issues);
  });
  it.each([
    ['2026-12-07', []],
    ['2027-12-06', []],
    ['2027-12-07', ['agreement.review-date-too-far']],
    ['2026-12-06', ['agreement.review-date-past']],
    ['2026-01-01', ['agreement.review-date-past']],
    ['2026-13-45', ['agreement.review-date-invalid']],
    ['tomorrow', ['agreement.review-date-invalid']],
  ])('review date %s from 2026-12-06', (date, codes) => {
    expect(checkReviewDate(date, '2026-12-06').map((i) => i.code)).toEqual(codes);
  });
});
