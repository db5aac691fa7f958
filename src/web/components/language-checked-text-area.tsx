/**
 * A text area that checks what is written against the person-first language table as you type
 * (docs/language.md). Each flagged term is listed under the field with the alternative and a button that
 * replaces it in place. The list is tied to the field with aria-describedby and a polite live region says
 * how many terms were found, so a screen reader hears it without losing its place. It never blocks saving:
 * the field is not marked invalid and the form submits as it is.
 */
import { useId, useRef, type ReactElement, type ReactNode } from 'react';
import type { LanguageHit } from '../../domain/language/terms';
import { useLanguageHits } from './language-check';

interface CheckedTextAreaProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  errors?: string[];
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  rows?: number;
}

function replaceHit(text: string, hit: LanguageHit): string | null {
  if (text.slice(hit.start, hit.end) !== hit.text) return null;
  return text.slice(0, hit.start) + hit.suggestion + text.slice(hit.end);
}

function summary(count: number): string {
  if (count === 0) return '';
  return count === 1
    ? '1 phrase could be written in person-first language. Suggestions are listed below the field.'
    : `${count} phrases could be written in person-first language. Suggestions are listed below the field.`;
}

export function CheckedTextArea(props: CheckedTextAreaProps): ReactElement {
  const id = `${useId()}-${props.name}`;
  const area = useRef<HTMLTextAreaElement>(null);
  const { hits, checkNow } = useLanguageHits(props.value);
  const errors = props.errors ?? [];
  const hintId = props.hint === undefined ? undefined : `${id}-hint`;
  const errorId = errors.length === 0 ? undefined : `${id}-error`;
  const languageId = `${id}-language`;
  const describedBy = [hintId, errorId, hits.length > 0 ? languageId : undefined].filter((x) => x !== undefined).join(' ') || undefined;

  const replace = (hit: LanguageHit): void => {
    const next = replaceHit(props.value, hit);
    if (next === null) return;
    props.onChange(next);
    checkNow(next);
    const caret = hit.start + hit.suggestion.length;
    window.requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(caret, caret);
    });
  };

  return (
    <div className={errors.length > 0 ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{props.label}</label>
      {props.hint !== undefined && (
        <p id={hintId} className="field-hint">
          {props.hint}
        </p>
      )}
      {errorId !== undefined && (
        <ul id={errorId} className="field-error">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <textarea
        ref={area}
        id={id}
        name={props.name}
        value={props.value}
        rows={props.rows ?? 4}
        onChange={(e) => props.onChange(e.target.value)}
        required={props.required}
        minLength={props.minLength}
        maxLength={props.maxLength}
        aria-describedby={describedBy}
        aria-invalid={errors.length > 0 || undefined}
        spellCheck
      />
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {summary(hits.length)}
      </p>
      {hits.length > 0 && (
        <div id={languageId} className="language-hints">
          <p className="language-hints__title">Person-first language (a suggestion; you can save as it is):</p>
          <ul>
            {hits.map((hit) => (
              <li key={`${hit.start}-${hit.text}`} className="language-hint">
                <span>
                  Instead of <q>{hit.text}</q>, consider <strong>{hit.suggestion}</strong>.
                  {hit.quoted && ' This is inside quotation marks: keep it if you are quoting a source exactly.'}
                </span>
                <span className="language-hint__source">Source: {hit.source}</span>
                <button type="button" className="button button--secondary language-hint__replace" onClick={() => replace(hit)}>
                  Replace “{hit.text}” with “{hit.suggestion}”
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
