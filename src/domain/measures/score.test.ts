import { describe, expect, it } from 'vitest';
import type { Issue } from '../issues';
import type { Answers } from './score';
import { scoreInstrument, validateAnswers } from './score';
import type { InstrumentId } from './instruments';

const err = (code: string, path: string, message: string): Issue => ({ code, message, severity: 'error', path });

describe('validateAnswers: every invalid answer, path = item id, nothing guessed', () => {
  it.each<[InstrumentId, Answers, Issue]>([
    ['phq9', { 'phq9.3': 4 }, err('measure.answer-out-of-range', 'phq9.3', 'The answer to phq9.3 must be one of 0, 1, 2, 3.')],
    ['phq9', { 'phq9.3': -1 }, err('measure.answer-out-of-range', 'phq9.3', 'The answer to phq9.3 must be one of 0, 1, 2, 3.')],
    ['phq9', { 'phq9.3': 1.5 }, err('measure.answer-out-of-range', 'phq9.3', 'The answer to phq9.3 must be one of 0, 1, 2, 3.')],
    ['phq9', { 'phq9.3': '2' as unknown as number }, err('measure.wrong-answer-type', 'phq9.3', 'The answer to phq9.3 must be a number (0, 1, 2, 3).')],
    ['phq9', { 'phq9.3': true }, err('measure.wrong-answer-type', 'phq9.3', 'The answer to phq9.3 must be a number (0, 1, 2, 3).')],
    ['phq9', { 'phq9.10': 1 }, err('measure.unknown-item', 'phq9.10', 'phq9.10 is not a question of the PHQ-9 (Patient Health Questionnaire, 9 items).')],
    ['phq2', { 'phq9.1': 1 }, err('measure.unknown-item', 'phq9.1', 'phq9.1 is not a question of the PHQ-2 (Patient Health Questionnaire, 2 items).')],
    ['gad7', { 'gad7.1': 3.0001 }, err('measure.answer-out-of-range', 'gad7.1', 'The answer to gad7.1 must be one of 0, 1, 2, 3.')],
    ['peg', { 'peg.1': 11 }, err('measure.answer-out-of-range', 'peg.1', 'The answer to peg.1 must be a whole number from 0 to 10.')],
    ['peg', { 'peg.2': 6.5 }, err('measure.answer-out-of-range', 'peg.2', 'The answer to peg.2 must be a whole number from 0 to 10.')],
    ['peg', { 'peg.3': Number.NaN }, err('measure.answer-out-of-range', 'peg.3', 'The answer to peg.3 must be a whole number from 0 to 10.')],
    ['peg', { 'peg.3': [] }, err('measure.wrong-answer-type', 'peg.3', 'The answer to peg.3 must be a number from 0 to 10.')],
    ['startback', { 'startback.9': 5 }, err('measure.answer-out-of-range', 'startback.9', 'The answer to startback.9 must be one of 0, 1, 2, 3, 4.')],
    ['ort', { 'ort.depression': 1 }, err('measure.wrong-answer-type', 'ort.depression', 'The answer to ort.depression must be yes or no (true or false).')],
    ['ort-oud', { 'ort-oud.depression': 'yes' as unknown as boolean }, err('measure.wrong-answer-type', 'ort-oud.depression', 'The answer to ort-oud.depression must be yes or no (true or false).')],
  ])('%s %j', (id, answers, issue) => {
    expect(validateAnswers(id, answers)).toEqual([issue]);
  });

  it('accepts partial answers and nulls (progress saving)', () => {
    expect(validateAnswers('phq9', {})).toEqual([]);
    expect(validateAnswers('phq9', { 'phq9.1': 0, 'phq9.2': null })).toEqual([]);
  });

  it('reports every problem, not just the first', () => {
    const issues = validateAnswers('phq9', { 'phq9.1': 9, 'phq9.2': 'x' as unknown as number, 'phq9.3': 1, extra: 1 });
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['measure.answer-out-of-range', 'phq9.1'],
      ['measure.wrong-answer-type', 'phq9.2'],
      ['measure.unknown-item', 'extra'],
    ]);
  });

  it.each([null, [], 'phq9'])('reports answers that are not an object (%j)', (answers) => {
    expect(validateAnswers('phq9', answers as unknown as Answers).map((i) => i.code)).toEqual(['measure.answers-not-an-object']);
  });
});

describe('scoreInstrument: completeness', () => {
  it('incomplete answers: complete false, total null, band null', () => {
    expect(scoreInstrument('gad7', { 'gad7.1': 3 })).toEqual({
      instrumentId: 'gad7',
      instrumentVersion: '2006',
      complete: false,
      total: null,
      band: null,
      subscales: {},
      flags: [],
      issues: [],
    });
  });

  it('an invalid answer counts as not answered, so there is no total', () => {
    const score = scoreInstrument('peg', { 'peg.1': 5, 'peg.2': 5, 'peg.3': 12 });
    expect(score).toMatchObject({ complete: false, total: null });
    expect(score.issues.map((i) => i.path)).toEqual(['peg.3']);
  });

  it('an unknown extra item is reported but the real items still score', () => {
    const score = scoreInstrument('peg', { 'peg.1': 5, 'peg.2': 5, 'peg.3': 5, 'peg.4': 5 });
    expect(score).toMatchObject({ complete: true, total: 5 });
    expect(score.issues.map((i) => [i.code, i.path])).toEqual([['measure.unknown-item', 'peg.4']]);
  });

  it('stores the instrument version with the score', () => {
    expect(scoreInstrument('startback', {}).instrumentVersion).toBe('2007');
  });
});
