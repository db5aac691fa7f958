/**
 * The sources findings cite, each with its verification tag from reference/clinical-facts.md.
 * Source: the "Sources used" table and sections 1–4 of the reference.
 */
import type { SourceRef } from './types';

export const SOURCES = {
  cdc22Rec3: { source: 'CDC 2022 Rec 3', tag: 'V' },
  cdc22Rec4: { source: 'CDC 2022 Rec 4 (supporting text)', tag: 'V' },
  cdc22Rec5: { source: 'CDC 2022 Rec 5', tag: 'V' },
  cdc22Rec6: { source: 'CDC 2022 Rec 6 (implementation text, final wording via a secondary source)', tag: 'S' },
  cdc22Rec7: { source: 'CDC 2022 Rec 7', tag: 'V' },
  cdc22Rec8: { source: 'CDC 2022 Rec 8', tag: 'V' },
  cdc22Rec8Sleep: { source: 'CDC 2022 Rec 8 (final text via a secondary source)', tag: 'S' },
  cdc22Rec9: { source: 'CDC 2022 Rec 9', tag: 'V' },
  cdc22Rec10: { source: 'CDC 2022 Rec 10', tag: 'V' },
  cdc22Rec10Annual: { source: 'CDC 2022 Rec 10 (final text via a secondary source)', tag: 'S' },
  cdc22Rec11: { source: 'CDC 2022 Rec 11', tag: 'V' },
  cdc22Rec12: { source: 'CDC 2022 Rec 12', tag: 'V' },
  fda2016: { source: 'FDA Drug Safety Communication, 31 Aug 2016 (boxed warning)', tag: 'S' },
  fda2017Moud: { source: 'FDA Drug Safety Communication, 20 Sep 2017', tag: 'U' },
  fda2019Gabapentinoids: { source: 'FDA Drug Safety Communication, 19 Dec 2019 (gabapentinoids)', tag: 'V' },
  fda2019Taper: { source: 'FDA Drug Safety Communication, 9 Apr 2019 (label wording via a secondary source)', tag: 'S' },
  hhs2019: { source: 'HHS Guide on dosage reduction or discontinuation, 2019', tag: 'V' },
  painpathRule: { source: 'Painpath rule where the reference is silent (see README)', tag: 'U' },
  classMembership: { source: 'Painpath ingredient table (class membership not checked against a primary source)', tag: 'U' },
} as const satisfies Record<string, SourceRef>;
