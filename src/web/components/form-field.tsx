/**
 * Labelled form controls. Each ties its hint and its errors to the control with aria-describedby and
 * marks itself aria-invalid while it has errors, so screen readers read the problem with the field.
 */
import { useId, type ReactElement, type ReactNode } from 'react';

interface FieldFrameProps {
  id: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
}

function FieldFrame({ id, label, hint, errors = [], children }: FieldFrameProps): ReactElement {
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
      {children(describedBy, errors.length > 0)}
    </div>
  );
}

interface TextFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'tel' | 'date' | 'search';
  hint?: ReactNode;
  errors?: string[];
  required?: boolean;
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'tel' | 'email';
  minLength?: number;
  maxLength?: number;
}

export function TextField(props: TextFieldProps): ReactElement {
  const id = `${useId()}-${props.name}`;
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} errors={props.errors}>
      {(describedBy, invalid) => (
        <input
          id={id}
          name={props.name}
          type={props.type ?? 'text'}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          required={props.required}
          autoComplete={props.autoComplete}
          inputMode={props.inputMode}
          minLength={props.minLength}
          maxLength={props.maxLength}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
        />
      )}
    </FieldFrame>
  );
}

interface TextAreaProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  errors?: string[];
  required?: boolean;
  minLength?: number;
  rows?: number;
}

export function TextArea(props: TextAreaProps): ReactElement {
  const id = `${useId()}-${props.name}`;
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} errors={props.errors}>
      {(describedBy, invalid) => (
        <textarea
          id={id}
          name={props.name}
          value={props.value}
          rows={props.rows ?? 4}
          onChange={(e) => props.onChange(e.target.value)}
          required={props.required}
          minLength={props.minLength}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
        />
      )}
    </FieldFrame>
  );
}

export interface Option {
  value: string;
  label: string;
}

interface SelectFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  options: Option[];
  hint?: ReactNode;
  errors?: string[];
}

export function SelectField(props: SelectFieldProps): ReactElement {
  const id = `${useId()}-${props.name}`;
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} errors={props.errors}>
      {(describedBy, invalid) => (
        <select
          id={id}
          name={props.name}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
        >
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

interface CheckboxProps {
  label: ReactNode;
  name: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  errors?: string[];
}

export function Checkbox(props: CheckboxProps): ReactElement {
  const id = `${useId()}-${props.name}`;
  const errors = props.errors ?? [];
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  return (
    <div className="checkbox">
      <input
        id={id}
        type="checkbox"
        name={props.name}
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
        aria-describedby={errorId}
        aria-invalid={errors.length > 0 || undefined}
      />
      <label htmlFor={id}>{props.label}</label>
      {errorId !== undefined && (
        <ul id={errorId} className="field-error">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
