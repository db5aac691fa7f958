/**
 * An opioid together with a benzodiazepine, a gabapentinoid, a muscle relaxant, a sleep medication or
 * another sedative: one finding per class, each with its sources.
 *
 * Source: reference 4 — FDA 31 Aug 2016 boxed warnings, opioids + benzodiazepines, also other CNS
 * depressants [S]; FDA 19 Dec 2019, gabapentin/pregabalin with opioids or other CNS depressants, COPD, the
 * elderly [V]; CDC 2022 Rec 11: particular caution with benzodiazepines, weigh benefit and risk with other
 * CNS depressants (muscle relaxants, non-benzodiazepine sedative hypnotics, gabapentin, pregabalin); check
 * the PDMP; consider a pharmacist; if tapering, the opioid first may be safer; taper benzodiazepines
 * gradually [V]. FDA 20 Sept 2017: do not withhold medication for OUD from people on these medicines [U];
 * CDC 2022 Rec 11 says the same [V].
 *
 * Assumptions: a finding needs an opioid order and a sedative order in effect at the same time (as the CDS
 * examples: a card only when both are present); which drug is in which class comes from the ingredient table.
 */
import type { DrugClass } from './ingredient-table';
import { orderName, type OrderClassIndex } from './ingredients';
import { SOURCES } from './sources';
import type { Finding, MedicationOrder, SourceRef } from './types';

type SedativeClass = Exclude<DrugClass, 'opioid' | 'opioid-antagonist'>;

interface ClassText {
  title: string;
  why: string;
  suggestion: string;
  sources: SourceRef[];
}

const CLASS_TEXT: Readonly<Record<SedativeClass, ClassText>> = {
  benzodiazepine: {
    title: 'Opioid with a benzodiazepine',
    why: 'Taken together they raise the risk of deep sleepiness, slowed breathing, overdose and death (FDA boxed warning).',
    suggestion:
      'Use particular caution: talk about the risks, check the PDMP, consider involving a pharmacist, and offer naloxone. If a taper is planned, tapering the opioid first may be safer; a benzodiazepine is reduced gradually, never stopped suddenly.',
    sources: [SOURCES.fda2016, SOURCES.cdc22Rec11, SOURCES.cdc22Rec8],
  },
  gabapentinoid: {
    title: 'Opioid with gabapentin or pregabalin',
    why: 'Gabapentin and pregabalin can cause serious breathing problems with an opioid, especially with lung disease such as COPD or in older adults.',
    suggestion: 'Weigh benefit and risk; start gabapentinoids at the lowest dose and watch for sleepiness and slowed breathing.',
    sources: [SOURCES.fda2019Gabapentinoids, SOURCES.cdc22Rec11],
  },
  'muscle-relaxant': {
    title: 'Opioid with a muscle relaxant',
    why: 'Muscle relaxants are central nervous system depressants; with an opioid they add to sleepiness and slowed breathing.',
    suggestion: 'Weigh benefit and risk of taking both, and check the PDMP for other sedating medicines.',
    sources: [SOURCES.cdc22Rec11, SOURCES.fda2016],
  },
  'sleep-medication': {
    title: 'Opioid with a sleep medication',
    why: 'Non-benzodiazepine sleep medicines (such as zolpidem) are central nervous system depressants; with an opioid they add to sleepiness and slowed breathing.',
    suggestion: 'Weigh benefit and risk of taking both; non-drug approaches to sleep may help.',
    sources: [SOURCES.cdc22Rec11, SOURCES.fda2016],
  },
  'other-sedative': {
    title: 'Opioid with another sedating medicine',
    why: 'This medicine can cause sleepiness; with an opioid the effects on alertness and breathing can add up.',
    suggestion: 'Weigh benefit and risk of taking both.',
    sources: [SOURCES.cdc22Rec11, SOURCES.fda2016, SOURCES.classMembership],
  },
};

const SEDATIVE_CLASSES = Object.keys(CLASS_TEXT) as SedativeClass[];

const MOUD_NOTE =
  ' Medication for opioid use disorder should not be withheld because of this combination.';

export function coPrescriptionFindings(activeOrders: readonly MedicationOrder[], classes: OrderClassIndex): Finding[] {
  const has = (o: MedicationOrder, drugClass: DrugClass): boolean => classes.get(o)?.has(drugClass) === true;
  const opioids = activeOrders.filter((o) => has(o, 'opioid'));
  if (opioids.length === 0) return [];
  const forOud = opioids.some((o) => o.indication === 'oud');
  const opioidNames = opioids.map(orderName).join(', ');
  const findings: Finding[] = [];
  for (const drugClass of SEDATIVE_CLASSES) {
    const sedatives = activeOrders.filter((o) => has(o, drugClass));
    if (sedatives.length === 0) continue;
    const text = CLASS_TEXT[drugClass];
    const names = sedatives.map(orderName).join(', ');
    findings.push({
      code: `risk.opioid-with-${drugClass}`,
      severity: 'warning',
      title: text.title,
      message: `${names} ${sedatives.length > 1 ? 'are' : 'is'} on the list with ${opioidNames}. ${text.why}`,
      suggestion: text.suggestion + (forOud ? MOUD_NOTE : ''),
      sources: forOud ? [...text.sources, SOURCES.fda2017Moud] : [...text.sources],
      evidence: [...sedatives, ...opioids].map((o) => `order ${o.id}`),
    });
  }
  return findings;
}
