/**
 * Ingredient table (data): which ingredients the opioid-safety rules recognise and the class of each.
 *
 * Sources:
 * - RxNorm ingredient codes of the opioids: cqframework/opioid-mme-r4 ConversionFactors.cql and its two
 *   CodeSystem supplements (clinical and research), where each code is named [V as encoded there].
 * - naloxone, naltrexone, carisoprodol, clobazam, diazepam, midazolam, oxazepam: cpicpgx/cpic-schema drug.sql
 *   (RxNorm ingredient list) [S]. alprazolam, clonazepam, lorazepam, zolpidem, gabapentin, pregabalin: a
 *   public vocabulary table of common drugs (found by code search) [S].
 * - Ingredients without a checked code are recognised by name only (`code` absent) rather than by a code we
 *   have not verified.
 * - Classes: opioids from reference 1.3 [V]; gabapentin/pregabalin, "muscle relaxants" and "non-benzodiazepine
 *   sedative hypnotics" are named by CDC 2022 Rec 11 [V] (reference 4) but which drug belongs to each class is
 *   standard pharmacology not checked against a primary source here [U]. 'other-sedative' (barbiturates,
 *   sedating antihistamines) stands for Rec 11's "other CNS depressants" [U membership].
 *
 * Assumptions: the table is small on purpose; an order whose ingredient is not here is not an opioid unless
 * the sending system marks it so (`isOpioid`), in which case it is listed as not convertible.
 */
import type { Tag } from './types';

export const DRUG_CLASSES = [
  'opioid',
  'benzodiazepine',
  'gabapentinoid',
  'muscle-relaxant',
  'sleep-medication',
  'other-sedative',
  'opioid-antagonist',
] as const;
export type DrugClass = (typeof DRUG_CLASSES)[number];

export interface IngredientEntry {
  /** Our stable key, the ingredient's lower-case name. */
  key: string;
  name: string;
  /** RxNorm ingredient code where checked; absent = recognised by name only. */
  code?: string;
  codeTag?: Tag;
  drugClass: DrugClass;
  classTag: Tag;
  /** Other names that identify the ingredient inside a product name. */
  synonyms?: readonly string[];
  /** Buprenorphine: partial agonist, never summed into MME. */
  partialAgonist?: boolean;
}

const opioid = (key: string, name: string, code: string, extra: Partial<IngredientEntry> = {}): IngredientEntry => ({
  key,
  name,
  code,
  codeTag: 'V',
  drugClass: 'opioid',
  classTag: 'V',
  ...extra,
});

const other = (key: string, name: string, drugClass: DrugClass, classTag: Tag, code?: string, codeTag?: Tag): IngredientEntry =>
  code === undefined ? { key, name, drugClass, classTag } : { key, name, drugClass, classTag, code, codeTag: codeTag ?? 'S' };

export const INGREDIENT_TABLE: readonly IngredientEntry[] = [
  // Opioids with a factor in at least one CDC clinical table (reference 1.3.1, 1.3.2).
  opioid('codeine', 'Codeine', '2670'),
  opioid('fentanyl', 'Fentanyl', '4337'),
  opioid('hydrocodone', 'Hydrocodone', '5489'),
  opioid('hydromorphone', 'Hydromorphone', '3423'),
  opioid('methadone', 'Methadone', '6813'),
  opioid('morphine', 'Morphine', '7052'),
  opioid('oxycodone', 'Oxycodone', '7804'),
  opioid('oxymorphone', 'Oxymorphone', '7814'),
  opioid('tapentadol', 'Tapentadol', '787390'),
  opioid('tramadol', 'Tramadol', '10689'),
  // Opioids with no factor in either clinical table (reference 1.3.1 "Not in the 2022 table").
  opioid('buprenorphine', 'Buprenorphine', '1819', { partialAgonist: true }),
  opioid('butorphanol', 'Butorphanol', '1841'),
  opioid('dihydrocodeine', 'Dihydrocodeine', '23088'),
  opioid('levorphanol', 'Levorphanol', '6378'),
  opioid('meperidine', 'Meperidine', '6754', { synonyms: ['pethidine'] }),
  opioid('opium', 'Opium', '7676'),
  opioid('pentazocine', 'Pentazocine', '8001'),
  // Benzodiazepines (FDA 2016, CDC 2022 Rec 8 and 11).
  other('alprazolam', 'Alprazolam', 'benzodiazepine', 'U', '596'),
  other('chlordiazepoxide', 'Chlordiazepoxide', 'benzodiazepine', 'U'),
  other('clobazam', 'Clobazam', 'benzodiazepine', 'U', '21241'),
  other('clonazepam', 'Clonazepam', 'benzodiazepine', 'U', '2598'),
  other('clorazepate', 'Clorazepate', 'benzodiazepine', 'U'),
  other('diazepam', 'Diazepam', 'benzodiazepine', 'U', '3322'),
  other('estazolam', 'Estazolam', 'benzodiazepine', 'U'),
  other('lorazepam', 'Lorazepam', 'benzodiazepine', 'U', '6470'),
  other('midazolam', 'Midazolam', 'benzodiazepine', 'U', '6960'),
  other('oxazepam', 'Oxazepam', 'benzodiazepine', 'U', '7781'),
  other('temazepam', 'Temazepam', 'benzodiazepine', 'U'),
  other('triazolam', 'Triazolam', 'benzodiazepine', 'U'),
  // Gabapentinoids (FDA 19 Dec 2019; named in CDC 2022 Rec 11).
  other('gabapentin', 'Gabapentin', 'gabapentinoid', 'V', '25480'),
  other('pregabalin', 'Pregabalin', 'gabapentinoid', 'V', '187832'),
  // Muscle relaxants (CDC 2022 Rec 11 names the class).
  other('baclofen', 'Baclofen', 'muscle-relaxant', 'U'),
  other('carisoprodol', 'Carisoprodol', 'muscle-relaxant', 'U', '2101'),
  other('chlorzoxazone', 'Chlorzoxazone', 'muscle-relaxant', 'U'),
  other('cyclobenzaprine', 'Cyclobenzaprine', 'muscle-relaxant', 'U'),
  other('metaxalone', 'Metaxalone', 'muscle-relaxant', 'U'),
  other('methocarbamol', 'Methocarbamol', 'muscle-relaxant', 'U'),
  other('orphenadrine', 'Orphenadrine', 'muscle-relaxant', 'U'),
  other('tizanidine', 'Tizanidine', 'muscle-relaxant', 'U'),
  // Non-benzodiazepine sedative hypnotics, "sleep medication" (CDC 2022 Rec 11 names the class).
  other('eszopiclone', 'Eszopiclone', 'sleep-medication', 'U'),
  other('zaleplon', 'Zaleplon', 'sleep-medication', 'U'),
  other('zolpidem', 'Zolpidem', 'sleep-medication', 'U', '39993'),
  // Other CNS depressants (CDC 2022 Rec 11 "other CNS depressants"; membership [U]).
  other('butalbital', 'Butalbital', 'other-sedative', 'U'),
  other('phenobarbital', 'Phenobarbital', 'other-sedative', 'U'),
  other('diphenhydramine', 'Diphenhydramine', 'other-sedative', 'U'),
  other('hydroxyzine', 'Hydroxyzine', 'other-sedative', 'U'),
  other('promethazine', 'Promethazine', 'other-sedative', 'U'),
  // Opioid antagonists: naloxone is what Rec 8 asks about; naltrexone is recognised so it is never read as an opioid.
  other('naloxone', 'Naloxone', 'opioid-antagonist', 'V', '7242'),
  other('naltrexone', 'Naltrexone', 'opioid-antagonist', 'V', '7243'),
];
