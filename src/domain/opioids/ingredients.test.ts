import { describe, expect, it } from 'vitest';
import { INGREDIENT_TABLE } from './ingredient-table';
import { identifyIngredient, ingredientByKey, isOpioidOrder, isRescueNaloxoneOrder } from './ingredients';
import { RXNORM, buildOrder } from './test-builders';

describe('identifyIngredient', () => {
  it.each([
    [RXNORM.oxycodone, 'anything', 'oxycodone', 'code'],
    ['0', 'Oxycodone Hydrochloride', 'oxycodone', 'name'],
    ['0', 'hydrocodone bitartrate / acetaminophen', 'hydrocodone', 'name'],
    ['0', 'Dihydrocodeine', 'dihydrocodeine', 'name'],
    ['0', 'pethidine', 'meperidine', 'name'],
    ['0', 'lisinopril', null, null],
  ])('code %s, name %s → %s by %s', (code, name, key, by) => {
    const match = identifyIngredient({ code, name });
    expect(match.entry?.key ?? null).toBe(key);
    expect(match.matchedBy).toBe(by);
  });

  it('codes in the table are unique and keys resolve', () => {
    const codes = INGREDIENT_TABLE.flatMap((e) => (e.code === undefined ? [] : [e.code]));
    expect(new Set(codes).size).toBe(codes.length);
    expect(ingredientByKey('methadone').code).toBe('6813');
    expect(() => ingredientByKey('unobtainium')).toThrow();
  });

  it('rescue naloxone vs naloxone inside an opioid product', () => {
    const rescue = buildOrder('naloxone', { form: 'spray', route: 'nasal' });
    expect(isRescueNaloxoneOrder(rescue)).toBe(true);
    const combo = buildOrder('pentazocine');
    combo.ingredients.push({ ingredient: { code: RXNORM.naloxone, name: 'naloxone' }, strength: { amount: 0.5, unit: 'mg' } });
    expect(isRescueNaloxoneOrder(combo)).toBe(false);
    expect(isOpioidOrder(combo)).toBe(true);
    expect(isOpioidOrder(buildOrder('naltrexone', { code: '7243' }))).toBe(false);
  });
});
