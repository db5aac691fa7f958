/**
 * The cards of the opioid CDS services, one builder per card kind. Wording follows the opioid core's
 * findings; figures come from its results.
 *
 * Sources: CDC 2022 Rec 4, 5, 8, 9, 10 (reference 1.2, 1.4, 2.1, 3); FDA 9 Apr 2019 and HHS 2019 on abrupt
 * stops (reference 2.2, 2.3); naloxone nasal spray 4 mg as the suggested rescue product (our choice [U]:
 * the reference names naloxone, not a product; the RxNorm coding is the ingredient, 7242).
 *
 * Assumptions: the "reference approach" for a gradual change is quoted from reference 2.1 (about 10 % of the
 * original dose a month after a year or more of use; faster after shorter use). No card gives an instruction.
 */
import type { Issue } from '../../domain/issues';
import type { AbruptChangeResult, Finding, MmeResult, MonitoringItem, OpioidSettings, RiskReview } from '../../domain/opioids';
import { toFhirMedicationRequest } from '../../fhir/medication-request.mapper';
import { card, cdcSource, sourcesLine, type CdsCard, type CdsLink, type CdsSuggestion } from './cds-cards';

const fmt = (n: number): string => String(Math.round(n * 10) / 10);

function mmeLines(mme: MmeResult): string[] {
  return mme.lines.map((l) => {
    const what = `${l.orderName} (order ${l.orderId})`;
    if (l.status === 'counted' && l.mmePerDay !== null && l.dailyDose !== null) {
      return `- ${what}: ${fmt(l.dailyDose.amount)} ${l.dailyDose.unit} × ${l.factor ?? '?'} = **${l.mmePerDay} MME/day**`;
    }
    return `- ${what}: not in the total — ${l.reason ?? l.status}`;
  });
}

export function mmeCard(input: { mme: MmeResult; before: MmeResult; guidepost: Finding | undefined; settings: OpioidSettings }): CdsCard {
  const { mme, before, guidepost } = input;
  const atLeast = mme.complete ? '' : 'at least ';
  const summary = `Opioids with this order: ${atLeast}${mme.totalMmePerDay} MME/day (${mme.factorSet.name} factors)`;
  return card({
    summary,
    detail: [
      `Total with the draft order(s): ${atLeast}**${mme.totalMmePerDay} MME/day**; before: ${before.totalMmePerDay} MME/day.`,
      ...mmeLines(mme),
      mme.complete ? '' : 'Some opioid orders could not be converted, so the total is a lower bound; the reasons are listed above.',
      `Factor set: ${mme.factorSet.label}. ${mme.rounding} Every order is counted, identical ones too.`,
      guidepost === undefined ? '' : `**${guidepost.title}.** ${guidepost.message} ${guidepost.suggestion}`,
      guidepost === undefined ? sourcesLine([{ source: 'CDC 2022 Rec 4 (supporting text)', tag: 'V' }]) : sourcesLine(guidepost.sources),
    ],
    indicator: guidepost === undefined ? 'info' : 'warning',
    source: cdcSource(4, 'mme'),
  });
}

export function abruptCard(change: AbruptChangeResult & { beforeMmePerDay: number; afterMmePerDay: number }): CdsCard {
  const summary =
    change.change === 'stop'
      ? `This order stops opioids (${change.beforeMmePerDay} MME/day) faster than the reference bounds`
      : `This order lowers opioids from ${change.beforeMmePerDay} to ${change.afterMmePerDay} MME/day faster than the reference bounds`;
  return card({
    summary,
    detail: [
      change.message,
      change.bound === null ? '' : `Most permissive bound that applies: ${change.bound.label}.`,
      'Stopping or sharply lowering opioids for a person who is physically dependent can cause withdrawal, worse pain, serious distress and a turn to other opioids. Without a life-threatening reason (for example warning signs of overdose: confusion, sedation, slurred speech) the reference approach is a gradual change agreed with the person: about 10 % of the original dose a month after a year or more of use, faster after shorter use, with pauses when needed.',
      '**What might help:** talk with the person about the plan and pace; use the taper planner; offer naloxone (tolerance can be lost within a week). If there is a life-threatening reason, document it.',
      change.reasonDocumented ? 'A life-threatening reason is documented.' : '',
      sourcesLine([
        { source: 'CDC 2022 Rec 5', tag: 'V' },
        { source: 'HHS Guide on dosage reduction or discontinuation, 2019', tag: 'V' },
        { source: 'FDA Drug Safety Communication, 9 Apr 2019', tag: 'V' },
      ]),
    ],
    indicator: 'warning',
    source: cdcSource(5, 'abrupt-change'),
  });
}

export function naloxoneSuggestion(patientId: string): Omit<CdsSuggestion, 'uuid'> {
  const resource = toFhirMedicationRequest({
    patientId,
    rxnorm: { code: '7242', display: 'naloxone' },
    text: 'naloxone hydrochloride 4 MG/ACTUAT Nasal Spray',
    dosageText: '1 spray in one nostril for suspected opioid overdose; call emergency services; may repeat in the other nostril after 2-3 minutes',
  });
  return {
    label: 'Add naloxone nasal spray 4 mg to the orders',
    isRecommended: true,
    actions: [{ type: 'create', description: 'Add a naloxone nasal spray order (draft, for the clinician to complete and sign).', resource: resource as unknown as Record<string, unknown> }],
  };
}

const MONITORING = {
  'pdmp-check': { rec: 9, name: 'PDMP check', topic: 'pdmp' },
  'urine-drug-test': { rec: 10, name: 'Urine drug test', topic: 'urine-drug-test' },
  'benefit-risk-review': { rec: 7, name: 'Benefit/risk review', topic: 'review' },
} as const;

export function monitoringCard(item: MonitoringItem): CdsCard | null {
  if (item.status !== 'due' && item.status !== 'overdue') return null;
  const m = MONITORING[item.kind];
  const when = item.lastDoneOn === null ? 'none recorded' : `last on ${item.lastDoneOn}`;
  const verb = item.consider ? 'Consider a' : 'A';
  const summary = item.status === 'overdue' ? `${m.name} overdue since ${item.dueOn ?? ''} (${when})` : `${m.name} due (${when})`;
  return card({
    summary,
    detail: [
      `${verb} ${m.name.toLowerCase()}: ${item.basis}`,
      item.kind === 'urine-drug-test' ? 'With the person\'s agreement. A result is a starting point for a conversation, never a reason on its own to stop care.' : '',
      item.kind === 'pdmp-check' ? 'Checking before every opioid prescription is the ideal; results are for a conversation, not for dismissing a person from care.' : '',
      item.settings.length > 0 ? `Settings: ${item.settings.join(', ')}.` : '',
      sourcesLine(item.sources),
    ],
    indicator: item.status === 'overdue' ? 'warning' : 'info',
    source: cdcSource(m.rec, m.topic),
  });
}

export function dataCard(notes: readonly string[], issues: readonly Issue[]): CdsCard | null {
  const shown = issues.filter((i) => i.severity !== 'info');
  if (notes.length === 0 && shown.length === 0) return null;
  const lines = shown.slice(0, 20).map((i) => `- ${i.path ?? ''}: ${i.message}`);
  if (shown.length > 20) lines.push(`- … and ${shown.length - 20} more.`);
  return card({
    summary: 'Some information was missing or could not be read; the cards use what was available',
    detail: [...notes.map((n) => `- ${n}`), ...lines],
    indicator: 'info',
    source: cdcSource(null, 'data-quality'),
  });
}

export function summaryCard(input: { mme: MmeResult; risk: RiskReview; monitoring: MonitoringItem[]; patientId: string; links: CdsLink[] }): CdsCard {
  const { mme, risk, monitoring } = input;
  const due = monitoring.filter((i) => i.status === 'due' || i.status === 'overdue').map((i) => MONITORING[i.kind].name);
  const atLeast = mme.complete ? '' : 'at least ';
  const naloxone = risk.naloxone.onList ? 'naloxone on the list' : 'naloxone not on the list';
  const summary = `Opioids: ${atLeast}${mme.totalMmePerDay} MME/day; ${naloxone}${due.length > 0 ? `; due: ${due.join(', ')}` : ''}`;
  const warning = risk.findings.some((f) => f.severity === 'warning') || monitoring.some((i) => i.status === 'overdue');
  const offer = risk.findings.some((f) => f.code === 'risk.naloxone-offer' || f.code === 'risk.naloxone-discuss');
  return card({
    summary,
    detail: [
      `**Daily MME** (${mme.factorSet.label}): ${atLeast}${mme.totalMmePerDay} MME/day.`,
      ...mmeLines(mme),
      ...risk.findings.map((f) => `**${f.title}.** ${f.message} ${sourcesLine(f.sources)}`),
      ...monitoring.map((i) => `**${MONITORING[i.kind].name}:** ${i.status}${i.dueOn === null ? '' : ` (${i.dueOn})`}. ${i.basis}`),
    ],
    indicator: warning ? 'warning' : 'info',
    source: cdcSource(null, 'opioid-summary'),
    ...(offer ? { suggestions: [naloxoneSuggestion(input.patientId)] } : {}),
    links: input.links,
  });
}
