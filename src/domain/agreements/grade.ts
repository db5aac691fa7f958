/**
 * The reading grade of agreement text: Flesch-Kincaid (src/domain/language/readability, Kincaid et al. 1975)
 * over the prose of the agreement (paragraphs and list items; titles and headings left out, so short
 * headings do not pull the grade down). Compared with AGREEMENT_SETTINGS.maxReadingGrade.
 */
import { fleschKincaidGrade } from '../language/readability';
import { AGREEMENT_SETTINGS, plainTextForGrade } from './template';

export interface AgreementGrade {
  grade: number | null;
  maxGrade: number;
  withinTarget: boolean;
  setting: string;
}

export function agreementReadingGrade(text: string): AgreementGrade {
  const { grade } = fleschKincaidGrade(plainTextForGrade(text));
  return {
    grade,
    maxGrade: AGREEMENT_SETTINGS.maxReadingGrade,
    withinTarget: grade !== null && grade <= AGREEMENT_SETTINGS.maxReadingGrade,
    setting: AGREEMENT_SETTINGS.version,
  };
}
