/**
 * The server lists every bad field of a page at `value.<field>` (e.g. `value.date`,
 * `value.tried[0].helped`, `value.psfs.activities[1].name`). These helpers key the errors by the path
 * inside the page and put them in plain words (grade 6), so each one can sit next to its field.
 */
import { isApiError, plainDetail } from '../../api';

export type PageErrors = Record<string, string[]>;

const PLAIN: [RegExp, (m: RegExpExecArray) => string][] = [
  [/must be a real month|invalid-date/i, () => 'Enter a real month and year, like March 2021.'],
  [/say what you tried/i, () => 'Write what you tried.'],
  [/helped must be one of/i, () => 'Choose if it helped.'],
  [/give the activity a name/i, () => 'Write the name of the activity.'],
  [/repeats an activity/i, () => 'You already listed this activity.'],
  [/score must be a number from 0 to 10|whole number from 0 to 10/i, () => 'Pick a number from 0 to 10.'],
  [/at most (\d+) characters/i, (m) => `Please make this shorter: ${m[1]} letters or fewer.`],
  [/at most (\d+) (activities|treatments)/i, (m) => `You can list up to ${m[1]}.`],
  [/listed more than once/i, () => 'This is picked twice. Please pick it once.'],
  [/is not (a body region|a pain word)/i, () => 'Choose from the list.'],
  [/must be yes or no/i, () => 'Choose yes or no.'],
  [/The answer to .* must be/i, () => 'Choose one answer.'],
];

function plain(message: string): string {
  for (const [pattern, words] of PLAIN) {
    const m = pattern.exec(message);
    if (m !== null) return words(m);
  }
  return plainDetail(message);
}

/** `body.value.tried[0].helped` → `tried[0].helped`; details about nothing in particular go under ''. */
export function pageErrors(error: unknown): PageErrors {
  const out: PageErrors = {};
  if (!isApiError(error)) return out;
  for (const d of error.details) {
    const m = /^(?:body[./])?value(?:[./](.*))?$/.exec(d.path);
    const key = m === null ? '' : (m[1] ?? '');
    const list = (out[key] ??= []);
    const text = plain(d.message);
    if (!list.includes(text)) list.push(text);
  }
  return out;
}

/** Errors for a field and everything inside it (`tried[0]` also finds `tried[0].helped`). */
export function errorsAt(errors: PageErrors, key: string): string[] {
  const found: string[] = [];
  for (const [path, list] of Object.entries(errors)) {
    if (path === key || path.startsWith(`${key}[`) || path.startsWith(`${key}.`)) {
      for (const e of list) if (!found.includes(e)) found.push(e);
    }
  }
  return found;
}

/** Exactly this field. */
export function errorsFor(errors: PageErrors, key: string): string[] {
  return errors[key] ?? [];
}
