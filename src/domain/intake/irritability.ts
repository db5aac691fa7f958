/**
 * Irritability criteria shown to the clinician, and pain mechanism categories. The clinician chooses;
 * nothing here classifies a person.
 * Source: reference/clinical-facts.md section 10. Maitland irritability (how easily symptoms are provoked,
 * how severe, how long they take to settle) [S]; no validated operational definition, inter-rater kappa
 * 0.44 (Barakatt et al. J Man Manip Ther 2009;17(3):135–140) [V abstract]. The three-level criteria are the
 * APTA CPG scheme (Kelley MJ et al. JOSPT 2013;43(5):A1–A31, adhesive capsulitis) [U — content not checked].
 * Pain mechanisms: PRODUCT.md capability 1 (nociceptive, neuropathic, nociplastic, mixed).
 * Assumptions: shown as guidance for any region, although the scheme comes from a shoulder guideline.
 */
export const IRRITABILITY_LEVELS = ['high', 'moderate', 'low'] as const;
export type IrritabilityLevel = (typeof IRRITABILITY_LEVELS)[number];

export const IRRITABILITY_CRITERIA: Readonly<Record<IrritabilityLevel, string[]>> = {
  high: [
    'Pain 7/10 or more',
    'Consistent night or rest pain',
    'High disability',
    'Pain before end of range',
    'Active range of motion less than passive because of pain',
  ],
  moderate: [
    'Pain 4–6/10',
    'Intermittent night or rest pain',
    'Moderate disability',
    'Pain at end of range',
    'Active range of motion about the same as passive',
  ],
  low: [
    'Pain 3/10 or less',
    'No night or rest pain',
    'Low disability',
    'Minimal pain with overpressure',
    'Active range of motion the same as passive',
  ],
};

export const IRRITABILITY_SOURCE =
  'Kelley MJ et al. JOSPT 2013;43(5):A1–A31 (APTA CPG, adhesive capsulitis) — unverified; Maitland irritability; ' +
  'inter-rater kappa 0.44 (Barakatt et al. 2009).';

export const PAIN_MECHANISMS = ['nociceptive', 'neuropathic', 'nociplastic', 'mixed'] as const;
export type PainMechanism = (typeof PAIN_MECHANISMS)[number];
