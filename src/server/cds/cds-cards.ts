/**
 * CDS Hooks 2.0 cards (https://cds-hooks.org/specification/current/#cds-service-response) built from the
 * opioid core's results. A card explains itself: summary (≤ 140 characters), detail in Markdown with the
 * figures, the reasons and every source, the indicator, and a source naming the CDC 2022 recommendation
 * with its URL.
 *
 * Sources: CDC 2022 opioid guideline (MMWR Recomm Rep 2022;71(3)), recommendation numbers as in reference 1.2;
 * the CDC opioid CDS implementation guide (cqframework/opioid-cds-r4): a card per recommendation, naloxone
 * offered as a suggested order, co-prescribing cards only when both medicines are present.
 *
 * Assumptions:
 * - Wording is the domain's (findings carry title, message and suggestion); cards add nothing that decides.
 *   No card says "taper now" or names a dose "ceiling"; test/cds.api.test.ts scans every card.
 * - A suggestion always has `selectionBehavior: 'at-most-one'` on its card (required by CDS Hooks 2.0 when
 *   suggestions are present).
 */
import { randomUUID } from 'node:crypto';
import type { Finding, SourceRef } from '../../domain/opioids';

export const CDC_2022_URL = 'https://www.cdc.gov/mmwr/volumes/71/rr/rr7103a1.htm';
export const CDS_SOURCE_LABEL = 'Painpath opioid safety (CDC 2022 guideline)';
const SUMMARY_MAX = 140;

export type Indicator = 'info' | 'warning' | 'critical';

export interface CdsAction {
  type: 'create' | 'update' | 'delete';
  description: string;
  resource?: Record<string, unknown>;
  resourceId?: string[];
}
export interface CdsSuggestion {
  label: string;
  uuid: string;
  isRecommended?: boolean;
  actions: CdsAction[];
}
export interface CdsLink {
  label: string;
  url: string;
  type: 'absolute' | 'smart';
}
export interface CdsCard {
  uuid: string;
  summary: string;
  detail?: string;
  indicator: Indicator;
  source: { label: string; url?: string; topic?: { system: string; code: string; display: string } };
  suggestions?: CdsSuggestion[];
  selectionBehavior?: 'at-most-one' | 'any';
  links?: CdsLink[];
}

const TOPIC_SYSTEM = 'https://painpath.org/fhir/CodeSystem/cds-card-topic';

/** The recommendation a card cites, e.g. 8 → "CDC 2022 opioid guideline, Recommendation 8". */
export function cdcSource(rec: number | null, topic: string): CdsCard['source'] {
  const label = rec === null ? CDS_SOURCE_LABEL : `CDC 2022 opioid guideline, Recommendation ${rec}`;
  return { label, url: CDC_2022_URL, topic: { system: TOPIC_SYSTEM, code: topic, display: topic.replace(/-/g, ' ') } };
}

export function recOf(sources: readonly SourceRef[]): number | null {
  for (const s of sources) {
    const m = /CDC 2022 Rec (\d+)/.exec(s.source);
    if (m?.[1] !== undefined) return Number(m[1]);
  }
  return null;
}

export function shortSummary(text: string): string {
  if (text.length <= SUMMARY_MAX) return text;
  return `${text.slice(0, SUMMARY_MAX - 1).replace(/\s+\S*$/, '')}…`;
}

export function sourcesLine(sources: readonly SourceRef[]): string {
  return `Sources: ${sources.map((s) => `${s.source} [${s.tag}]`).join('; ')}.`;
}

export function card(input: {
  summary: string;
  detail: string[];
  indicator: Indicator;
  source: CdsCard['source'];
  suggestions?: Omit<CdsSuggestion, 'uuid'>[];
  links?: CdsLink[];
}): CdsCard {
  const out: CdsCard = {
    uuid: randomUUID(),
    summary: shortSummary(input.summary),
    detail: input.detail.filter((line) => line !== '').join('\n\n'),
    indicator: input.indicator,
    source: input.source,
  };
  if (input.suggestions !== undefined && input.suggestions.length > 0) {
    out.suggestions = input.suggestions.map((s) => ({ ...s, uuid: randomUUID() }));
    out.selectionBehavior = 'at-most-one';
  }
  if (input.links !== undefined && input.links.length > 0) out.links = input.links;
  return out;
}

/** A domain finding as a card: its title, message, suggestion, setting and sources. */
export function findingCard(finding: Finding, topic: string, extra: { suggestions?: Omit<CdsSuggestion, 'uuid'>[]; links?: CdsLink[] } = {}): CdsCard {
  return card({
    summary: finding.title,
    detail: [
      finding.message,
      `**What might help:** ${finding.suggestion}`,
      finding.setting === undefined ? '' : `Setting: ${finding.setting}.`,
      sourcesLine(finding.sources),
    ],
    indicator: finding.severity,
    source: cdcSource(recOf(finding.sources), topic),
    ...extra,
  });
}
