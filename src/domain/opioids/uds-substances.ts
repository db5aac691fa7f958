/**
 * Urine drug test substances (data): which medicines on the list explain a result for each substance.
 *
 * Source: NOT in the reference. Which ingredient a result stands for is the substance itself [V by
 * definition]; class screens ("opiates", "benzodiazepines") and metabolite notes (codeine → morphine,
 * oxycodone → oxymorphone, hydrocodone → hydromorphone, diazepam → nordiazepam/oxazepam ...) are common
 * toxicology knowledge not checked against a primary source here [U]. Metabolite notes never turn an
 * unexpected result into an expected one: they only add a possible explanation for the conversation.
 *
 * Assumptions: the "opiates" screen is taken to stand for morphine, codeine, hydrocodone and hydromorphone
 * (immunoassays vary by laboratory [U]); oxycodone, fentanyl, methadone, buprenorphine and tramadol are
 * tested by their own assays and a negative "opiates" screen says nothing about them.
 */
import type { DrugClass } from './ingredient-table';
import type { Tag } from './types';

export interface UdsSubstance {
  key: string;
  label: string;
  aliases: readonly string[];
  /** Ingredient keys that explain a positive result. */
  explainedBy: readonly string[];
  /** Drug classes that explain a positive result (class screens). */
  explainedByClass?: readonly DrugClass[];
  /** Ingredients it can be a metabolite of (a possible explanation, never an expected result). */
  metaboliteOf?: readonly string[];
  tag: Tag;
}

const s = (key: string, label: string, explainedBy: readonly string[], extra: Partial<UdsSubstance> = {}): UdsSubstance => ({
  key,
  label,
  aliases: [key],
  explainedBy,
  tag: 'U',
  ...extra,
});

export const UDS_SUBSTANCES: readonly UdsSubstance[] = [
  s('opiates', 'Opiates (screen)', ['morphine', 'codeine', 'hydrocodone', 'hydromorphone'], { aliases: ['opiates', 'opiate', 'opi'] }),
  s('morphine', 'Morphine', ['morphine'], { metaboliteOf: ['codeine'] }),
  s('codeine', 'Codeine', ['codeine']),
  s('hydrocodone', 'Hydrocodone', ['hydrocodone'], { metaboliteOf: ['codeine'] }),
  s('hydromorphone', 'Hydromorphone', ['hydromorphone'], { metaboliteOf: ['hydrocodone', 'morphine'] }),
  s('oxycodone', 'Oxycodone', ['oxycodone'], { aliases: ['oxycodone', 'oxy', 'oxycodones'] }),
  s('oxymorphone', 'Oxymorphone', ['oxymorphone'], { metaboliteOf: ['oxycodone'] }),
  s('fentanyl', 'Fentanyl', ['fentanyl'], { aliases: ['fentanyl', 'fentanyls', 'norfentanyl'] }),
  s('methadone', 'Methadone', ['methadone'], { aliases: ['methadone', 'eddp', 'methadone metabolite'] }),
  s('buprenorphine', 'Buprenorphine', ['buprenorphine'], { aliases: ['buprenorphine', 'norbuprenorphine'] }),
  s('tramadol', 'Tramadol', ['tramadol']),
  s('tapentadol', 'Tapentadol', ['tapentadol']),
  s('meperidine', 'Meperidine', ['meperidine'], { aliases: ['meperidine', 'normeperidine'] }),
  s('heroin', 'Heroin (6-acetylmorphine)', [], { aliases: ['heroin', '6-am', '6-mam', '6-acetylmorphine'] }),
  s('benzodiazepines', 'Benzodiazepines (screen)', [], { aliases: ['benzodiazepines', 'benzodiazepine', 'benzos', 'bzo'], explainedByClass: ['benzodiazepine'] }),
  s('alprazolam', 'Alprazolam', ['alprazolam'], { aliases: ['alprazolam', 'alpha-hydroxyalprazolam'] }),
  s('clonazepam', 'Clonazepam', ['clonazepam'], { aliases: ['clonazepam', '7-aminoclonazepam'] }),
  s('lorazepam', 'Lorazepam', ['lorazepam']),
  s('diazepam', 'Diazepam', ['diazepam']),
  s('nordiazepam', 'Nordiazepam', [], { metaboliteOf: ['diazepam', 'chlordiazepoxide', 'clorazepate'] }),
  s('oxazepam', 'Oxazepam', ['oxazepam'], { metaboliteOf: ['diazepam', 'temazepam', 'chlordiazepoxide', 'clorazepate'] }),
  s('temazepam', 'Temazepam', ['temazepam'], { metaboliteOf: ['diazepam'] }),
  s('barbiturates', 'Barbiturates', ['butalbital', 'phenobarbital'], { aliases: ['barbiturates', 'barbiturate', 'bar'] }),
  s('gabapentin', 'Gabapentin', ['gabapentin']),
  s('pregabalin', 'Pregabalin', ['pregabalin']),
  s('carisoprodol', 'Carisoprodol', ['carisoprodol'], { aliases: ['carisoprodol', 'meprobamate'] }),
  s('zolpidem', 'Zolpidem', ['zolpidem']),
  s('amphetamines', 'Amphetamines', [], { aliases: ['amphetamines', 'amphetamine', 'methamphetamine', 'amp', 'mamp'] }),
  s('cannabinoids', 'Cannabinoids (THC)', [], { aliases: ['cannabinoids', 'thc', 'marijuana', 'cannabis'] }),
  s('cocaine', 'Cocaine', [], { aliases: ['cocaine', 'benzoylecgonine', 'coc'] }),
  s('alcohol', 'Alcohol', [], { aliases: ['alcohol', 'ethanol', 'etg', 'ethyl glucuronide'] }),
];

const BY_ALIAS = new Map<string, UdsSubstance>();
for (const substance of UDS_SUBSTANCES) for (const alias of substance.aliases) BY_ALIAS.set(alias, substance);

export function findUdsSubstance(name: string): UdsSubstance | null {
  return BY_ALIAS.get(name.trim().toLowerCase()) ?? null;
}
