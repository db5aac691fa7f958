/**
 * Reads the product of a FHIR R4 MedicationRequest (https://hl7.org/fhir/R4/medicationrequest.html): its
 * ingredients with strengths, dose form, release and the route the form implies.
 *
 * Sources: RxNorm clinical drug names (term types SCD/SBD, "[n HR] ingredient strength [/ ingredient
 * strength] [Extended Release] dose form", e.g. "72 HR fentanyl 0.025 MG/HR Transdermal System"), as used by
 * the public MME calculator's test cases (reference 1.6); FHIR R4 Medication.ingredient.strength (Ratio).
 *
 * Assumptions:
 * - We hold no RxNorm tables, so a product code alone does not give the strength: the strength is read from
 *   the RxNorm name (coding display, then text) or from a contained Medication's ingredient strengths.
 *   Whatever cannot be read is an issue with its path; a missing strength is recorded as 0 (the domain's
 *   "missing" value, which MME reports as not computable), never guessed.
 * - Ingredient codes: the code of the ingredient our table recognises by name (identifyIngredient), else the
 *   code of the coding itself when it is the only ingredient and no name was given, else '' (name only).
 * - "n HR" or "Extended Release" in the name marks an extended-release product.
 */
import type { CodeableConcept, Medication, MedicationRequest, Ratio } from '@medplum/fhirtypes';
import type { Issue } from '../domain/issues';
import type { DoseForm, OrderIngredient, Release, Route, StrengthUnit } from '../domain/opioids';
import { identifyIngredient } from '../domain/opioids';

export const RXNORM_SYSTEM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

export interface ProductReading {
  name: string;
  ingredients: OrderIngredient[];
  form: DoseForm;
  release?: Release;
  /** The route the dose form names ("Oral Tablet" → oral), used when the dosage has none. */
  formRoute?: Route;
}

const FORM_WORDS: readonly [RegExp, DoseForm][] = [
  [/\b(transdermal system|patch)\b/, 'patch'],
  [/\b(tablet|tab)\b/, 'tablet'],
  [/\bcapsule\b/, 'capsule'],
  [/\b(film|strip)\b/, 'film'],
  [/\bspray\b/, 'spray'],
  [/\b(lozenge|troche)\b/, 'lozenge'],
  [/\bsuppository\b/, 'suppository'],
  [/\b(injectable|injection|cartridge|prefilled syringe)\b/, 'injection'],
  [/\b(solution|suspension|syrup|elixir|liquid)\b/, 'solution'],
];
const ROUTE_WORDS: readonly [RegExp, Route][] = [
  [/\btransdermal\b/, 'transdermal'],
  [/\bsublingual\b/, 'sublingual'],
  [/\bbuccal\b/, 'buccal'],
  [/\bnasal\b/, 'nasal'],
  [/\brectal\b/, 'rectal'],
  [/\boral\b/, 'oral'],
];

const warn = (code: string, message: string, path: string): Issue => ({ code, message, severity: 'warning', path });

export function formOf(words: string): DoseForm | null {
  const lower = words.toLowerCase();
  return FORM_WORDS.find(([re]) => re.test(lower))?.[1] ?? null;
}
function routeOf(words: string): Route | undefined {
  const lower = words.toLowerCase();
  return ROUTE_WORDS.find(([re]) => re.test(lower))?.[1];
}

const COMPONENT = /^(.*?)\s+(\d*\.?\d+)\s*(MG|MCG|UG)(?:\s*\/\s*(\d*\.?\d+)?\s*(HR|ML|ACTUAT))?(?:\s+(.*))?$/i;

function ingredientFor(name: string, fallbackCode: string | undefined): OrderIngredient['ingredient'] {
  const entry = identifyIngredient({ code: '', name }).entry;
  return { code: entry?.code ?? fallbackCode ?? '', name };
}

/** Parses an RxNorm clinical drug name; null when it does not have that shape. */
export function parseRxNormName(raw: string, code?: string): ProductReading | null {
  let name = raw.trim();
  let release: Release | undefined;
  const hours = /^(\d+)\s*HR\s+/i.exec(name);
  if (hours !== null) {
    release = 'extended';
    name = name.slice(hours[0].length);
  }
  const parts = name.split(/\s+\/\s+/);
  const ingredients: OrderIngredient[] = [];
  let tail = '';
  for (const [index, part] of parts.entries()) {
    const m = COMPONENT.exec(part);
    if (m === null) return null;
    const [, ingredientName = '', amountText = '', massUnit = '', perText, perUnit, rest] = m;
    if (rest !== undefined && index < parts.length - 1) return null;
    tail = rest ?? tail;
    const mass = massUnit.toUpperCase() === 'MG' ? 'mg' : 'mcg';
    const amount = Number(amountText);
    const per = perText === undefined ? undefined : Number(perText);
    let unit: StrengthUnit = mass;
    if (perUnit?.toUpperCase() === 'HR') unit = mass === 'mg' ? 'mg/hr' : 'mcg/hr';
    const strength = per === undefined || per === 1 ? { amount, unit } : { amount, unit, per };
    ingredients.push({ ingredient: ingredientFor(ingredientName.trim(), parts.length === 1 ? code : undefined), strength });
  }
  const form = formOf(tail);
  if (form === null) return null;
  if (/extended release|extended-release|\ber\b|\bxr\b/i.test(tail)) release = 'extended';
  const formRoute = routeOf(tail);
  return { name: raw.trim(), ingredients, form, ...(release === undefined ? {} : { release }), ...(formRoute === undefined ? {} : { formRoute }) };
}

function ratioStrength(ratio: Ratio | undefined): OrderIngredient['strength'] | null {
  const value = ratio?.numerator?.value;
  const unit = (ratio?.numerator?.code ?? ratio?.numerator?.unit ?? '').toLowerCase();
  const per = ratio?.denominator?.value ?? 1;
  const perUnit = (ratio?.denominator?.code ?? ratio?.denominator?.unit ?? '').toLowerCase();
  if (value === undefined || !(per > 0)) return null;
  const mass = unit === 'mg' ? 'mg' : unit === 'ug' || unit === 'mcg' ? 'mcg' : null;
  if (mass === null) return null;
  if (perUnit === 'h' || perUnit === 'hr') return { amount: value / per, unit: mass === 'mg' ? 'mg/hr' : 'mcg/hr' };
  return per === 1 ? { amount: value, unit: mass } : { amount: value, unit: mass, per };
}

function fromMedication(medication: Medication, path: string, issues: Issue[]): ProductReading | null {
  const fromCode = medication.code === undefined ? null : fromConcept(medication.code, `${path}.code`, [], false);
  const items = medication.ingredient ?? [];
  if (items.length === 0) {
    if (fromCode === null) issues.push(warn('fhir.medication-unreadable', 'The Medication has neither an RxNorm product name nor ingredients.', path));
    return fromCode;
  }
  const ingredients: OrderIngredient[] = [];
  for (const [i, item] of items.entries()) {
    const concept = item.itemCodeableConcept;
    const coding = concept?.coding?.find((c) => c.system === RXNORM_SYSTEM) ?? concept?.coding?.[0];
    const name = coding?.display ?? concept?.text ?? '';
    const strength = ratioStrength(item.strength);
    if (name === '' && coding?.code === undefined) {
      issues.push(warn('fhir.ingredient-unreadable', 'This ingredient has no code or name (a reference to another resource is not followed).', `${path}.ingredient[${i}]`));
      continue;
    }
    if (strength === null) {
      issues.push(warn('fhir.strength-unreadable', 'This ingredient strength is missing or not in mg or mcg; it was left empty.', `${path}.ingredient[${i}].strength`));
    }
    const known = identifyIngredient({ code: coding?.code ?? '', name }).entry;
    ingredients.push({ ingredient: { code: coding?.code ?? known?.code ?? '', name: name || (known?.name ?? '') }, strength: strength ?? { amount: 0, unit: 'mg' } });
  }
  const formWords = `${medication.form?.text ?? ''} ${medication.form?.coding?.map((c) => c.display ?? '').join(' ') ?? ''}`;
  const form = formOf(formWords) ?? fromCode?.form ?? null;
  if (form === null) issues.push(warn('fhir.form-unreadable', 'The dose form could not be read; it was recorded as "other".', `${path}.form`));
  const formRoute = routeOf(formWords) ?? fromCode?.formRoute;
  const release = fromCode?.release ?? (/extended/i.test(formWords) ? 'extended' : undefined);
  return {
    name: fromCode?.name ?? ingredients.map((i) => i.ingredient.name).join(' / '),
    ingredients,
    form: form ?? 'other',
    ...(release === undefined ? {} : { release }),
    ...(formRoute === undefined ? {} : { formRoute }),
  };
}

function fromConcept(concept: CodeableConcept, path: string, issues: Issue[], report = true): ProductReading | null {
  const rxnorm = concept.coding?.filter((c) => c.system === RXNORM_SYSTEM) ?? [];
  const candidates = [...rxnorm.map((c) => ({ text: c.display, code: c.code })), { text: concept.text, code: rxnorm[0]?.code }];
  for (const candidate of candidates) {
    if (candidate.text === undefined) continue;
    const read = parseRxNormName(candidate.text, candidate.code);
    if (read !== null) return read;
  }
  // A bare ingredient (an RxNorm IN code or an ingredient name): known, but without strength or form.
  const named = candidates.find((c) => c.text !== undefined)?.text ?? '';
  const code = rxnorm[0]?.code ?? '';
  const known = identifyIngredient({ code, name: named }).entry;
  if (known === null && code === '' && named === '') {
    if (report) issues.push(warn('fhir.medication-unreadable', 'The medication has no RxNorm coding and no text.', path));
    return null;
  }
  const name = named || known?.name || code;
  if (report) {
    const message = `"${name}" is not an RxNorm clinical drug name (ingredient, strength and dose form), so the strength and form are unknown; they were left empty.`;
    issues.push(warn('fhir.product-unreadable', message, path));
  }
  const form = formOf(named);
  const formRoute = routeOf(named);
  return {
    name,
    ingredients: [{ ingredient: { code: known?.code ?? code, name }, strength: { amount: 0, unit: 'mg' } }],
    form: form ?? 'other',
    ...(formRoute === undefined ? {} : { formRoute }),
  };
}

/** The product of a MedicationRequest: medicationCodeableConcept, or a contained Medication by reference. */
export function readProduct(request: MedicationRequest, issues: Issue[]): ProductReading | null {
  if (request.medicationCodeableConcept !== undefined) return fromConcept(request.medicationCodeableConcept, 'medicationCodeableConcept', issues);
  const reference = request.medicationReference?.reference;
  if (reference === undefined) {
    issues.push({ code: 'fhir.medication-missing', message: 'The request names no medication.', severity: 'error', path: 'medication[x]' });
    return null;
  }
  const contained = reference.startsWith('#')
    ? request.contained?.find((r): r is Medication => r.resourceType === 'Medication' && r.id === reference.slice(1))
    : undefined;
  if (contained === undefined) {
    const message = `The medication is a reference (${reference}) that is not contained in the request; it is not fetched.`;
    issues.push({ code: 'fhir.medication-reference-unresolved', message, severity: 'error', path: 'medicationReference' });
    return null;
  }
  return fromMedication(contained, 'medicationReference', issues);
}
