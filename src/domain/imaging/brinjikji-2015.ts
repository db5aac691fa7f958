/**
 * Prevalence of spine imaging findings in people WITHOUT pain, by age.
 *
 * Source: Brinjikji W, Luetmer PH, Comstock B, et al. Systematic literature review of imaging features of
 * spinal degeneration in asymptomatic populations. AJNR Am J Neuroradiol 2015;36(4):811–816.
 * doi:10.3174/ajnr.A4173 — 33 studies, 3,110 asymptomatic people, CT/MRI, generalized linear mixed model,
 * estimates at ages 20, 30, …, 80. Figures copied exactly from reference/clinical-facts.md section 6.
 *
 * Certainty per figure (clinical-facts §6 "[V abstract; S table]"):
 * - 'V' (checked against the abstract): the 20- and 80-year figures for disc degeneration (37 %, 96 %), disc
 *   bulge (30 %, 84 %), disc protrusion (29 %, 43 %) and annular fissure (19 %, 29 %).
 * - 'S' (secondary sources only): every other figure — ages 20–50 via the reproduction in PMC4975884
 *   Table 1; 60-year signal loss (86 %) and spondylolisthesis (23 %) via secondary summaries; other 60/70
 *   figures and the remaining 80-year figures via a public code restatement only.
 * - Facet degeneration and spondylolisthesis at ages 20 and 30 had no source data in the review (the model
 *   assumed a sample size): flagged with `noSourceData`.
 */

export const BRINJIKJI_TABLE_VERSION = 'brinjikji-2015';
export const BRINJIKJI_SOURCE =
  'Brinjikji W, et al. Systematic literature review of imaging features of spinal degeneration in asymptomatic populations. AJNR 2015;36(4):811-816.';

export const TABULATED_AGES = [20, 30, 40, 50, 60, 70, 80] as const;

export const SPINE_FINDINGS = [
  'disc-degeneration',
  'disc-signal-loss',
  'disc-height-loss',
  'disc-bulge',
  'disc-protrusion',
  'annular-fissure',
  'facet-degeneration',
  'spondylolisthesis',
] as const;
export type SpineFinding = (typeof SPINE_FINDINGS)[number];

export type Certainty = 'V' | 'S' | 'U';

export interface PrevalenceRow {
  /** Percent at ages 20, 30, 40, 50, 60, 70, 80. */
  percents: readonly [number, number, number, number, number, number, number];
  /** Ages whose figure is [V] (all others are [S]). */
  verifiedAges: readonly number[];
  /** Ages for which the review had no source data. */
  noSourceData: readonly number[];
}

export const BRINJIKJI_2015: Readonly<Record<SpineFinding, PrevalenceRow>> = {
  'disc-degeneration': { percents: [37, 52, 68, 80, 88, 93, 96], verifiedAges: [20, 80], noSourceData: [] },
  'disc-signal-loss': { percents: [17, 33, 54, 73, 86, 94, 97], verifiedAges: [], noSourceData: [] },
  'disc-height-loss': { percents: [24, 34, 45, 56, 67, 76, 84], verifiedAges: [], noSourceData: [] },
  'disc-bulge': { percents: [30, 40, 50, 60, 69, 77, 84], verifiedAges: [20, 80], noSourceData: [] },
  'disc-protrusion': { percents: [29, 31, 33, 36, 38, 40, 43], verifiedAges: [20, 80], noSourceData: [] },
  'annular-fissure': { percents: [19, 20, 22, 23, 25, 27, 29], verifiedAges: [20, 80], noSourceData: [] },
  'facet-degeneration': { percents: [4, 9, 18, 32, 50, 69, 83], verifiedAges: [], noSourceData: [20, 30] },
  spondylolisthesis: { percents: [3, 5, 8, 14, 23, 35, 50], verifiedAges: [], noSourceData: [20, 30] },
};

/** Names for clinicians (the report) and plain words for the person. No alarm words in the plain ones. */
export const FINDING_NAMES: Readonly<Record<SpineFinding, { clinical: string; plain: string; explanation: string }>> = {
  'disc-degeneration': {
    clinical: 'Disc degeneration',
    plain: 'age-related disc changes',
    explanation: 'Discs change with age, much like skin and hair do.',
  },
  'disc-signal-loss': {
    clinical: 'Disc signal loss',
    plain: 'discs that look darker on the scan',
    explanation: 'Discs hold a little less water as we get older, so they look darker on an MRI.',
  },
  'disc-height-loss': {
    clinical: 'Disc height loss',
    plain: 'discs that are a little thinner',
    explanation: 'Discs often become a little thinner over the years.',
  },
  'disc-bulge': {
    clinical: 'Disc bulge',
    plain: 'a disc bulge',
    explanation: 'A disc bulge means the disc reaches a little past its usual edge, all the way around.',
  },
  'disc-protrusion': {
    clinical: 'Disc protrusion',
    plain: 'a disc protrusion',
    explanation: 'A protrusion means a small part of the disc reaches a little past its usual edge.',
  },
  'annular-fissure': {
    clinical: 'Annular fissure',
    plain: 'a small line in the outer layer of a disc',
    explanation: 'The outer layer of a disc can show a thin line on the scan. It is common and often heals.',
  },
  'facet-degeneration': {
    clinical: 'Facet degeneration',
    plain: 'age-related changes in the small joints of the spine',
    explanation: 'The small joints at the back of the spine change with age, like other joints do.',
  },
  spondylolisthesis: {
    clinical: 'Spondylolisthesis',
    plain: 'one bone of the spine sitting a little forward of the one below',
    explanation: 'Sometimes one bone of the spine sits a little forward of the one below it.',
  },
};
