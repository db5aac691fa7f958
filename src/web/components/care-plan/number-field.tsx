/** A labelled number input (whole or half steps) with its hint and errors tied to it for screen readers. */
import { useId, type ReactElement } from 'react';

interface NumberFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  min: number;
  max: number;
  step?: number;
  hint?: string;
  errors?: string[];
}

export function NumberField({ label, name, value, onChange, min, max, step = 1, hint, errors = [] }: NumberFieldProps): ReactElement {
  const id = `${useId()}-${name}`;
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  const errorId = errors.length === 0 ? undefined : `${id}-error`;
  const describedBy = [hintId, errorId].filter((x) => x !== undefined).join(' ') || undefined;
  return (
    <div className={errors.length > 0 ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint !== undefined && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {errorId !== undefined && (
        <ul id={errorId} className="field-error">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <input
        id={id}
        name={name}
        type="number"
        inputMode={step < 1 ? 'decimal' : 'numeric'}
        min={min}
        max={max}
        step={step}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy}
        aria-invalid={errors.length > 0 || undefined}
      />
    </div>
  );
}

/** '' → null; otherwise the number (the server checks the range and lists every problem). */
export function numberOrNull(value: string): number | null {
  if (value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}
