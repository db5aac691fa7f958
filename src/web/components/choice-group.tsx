/**
 * Radio and checkbox groups with large touch targets: a fieldset whose legend is the question, a hint,
 * errors in place (announced with role=alert) and one big tappable label per choice. `layout="scale"`
 * lays 0–10 out as a grid of numbers that fits a 375 px screen, with the anchors written above it.
 */
import { useId, type ReactElement, type ReactNode } from 'react';

export interface Choice<T extends string | number | boolean> {
  value: T;
  label: ReactNode;
  /** Extra words read with the choice (e.g. the meaning of 0 and 10 on a scale). */
  srLabel?: string;
  /** Shown under the label, e.g. criteria beside each irritability level. */
  detail?: ReactNode;
}

/**
 * Errors shown next to a field and announced as they appear. The alert role sits on a wrapper so the
 * list keeps its list semantics.
 */
export function FieldErrors({ id, errors }: { id?: string; errors: readonly string[] }): ReactElement | null {
  if (errors.length === 0) return null;
  return (
    <div id={id} role="alert">
      <ul className="field-error">
        {errors.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    </div>
  );
}

interface FrameProps {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  errors: string[];
  className?: string;
  legendClassName?: string;
  children: ReactNode;
}

function GroupFrame({ id, legend, hint, errors, className, legendClassName, children }: FrameProps): ReactElement {
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  const errorId = errors.length === 0 ? undefined : `${id}-error`;
  const describedBy = [hintId, errorId].filter((x) => x !== undefined).join(' ') || undefined;
  const classes = ['choice-group', className, errors.length > 0 ? 'choice-group--invalid' : undefined].filter(Boolean).join(' ');
  return (
    <fieldset className={classes} aria-describedby={describedBy}>
      <legend className={legendClassName}>{legend}</legend>
      {hint !== undefined && (
        <div id={hintId} className="field-hint">
          {hint}
        </div>
      )}
      {errorId !== undefined && <FieldErrors id={errorId} errors={errors} />}
      {children}
    </fieldset>
  );
}

interface RadioGroupProps<T extends string | number | boolean> {
  legend: ReactNode;
  name: string;
  choices: Choice<T>[];
  value: T | null | undefined;
  onChange: (value: T) => void;
  hint?: ReactNode;
  errors?: string[];
  layout?: 'list' | 'scale' | 'inline' | 'columns';
  className?: string;
  legendClassName?: string;
}

export function RadioGroup<T extends string | number | boolean>(props: RadioGroupProps<T>): ReactElement {
  const id = `${useId()}-${props.name}`;
  const errors = props.errors ?? [];
  const layout = props.layout ?? 'list';
  return (
    <GroupFrame id={id} legend={props.legend} hint={props.hint} errors={errors} className={props.className} legendClassName={props.legendClassName}>
      <div className={`choices choices--${layout}`}>
        {props.choices.map((c) => {
          const inputId = `${id}-${String(c.value)}`;
          return (
            <div key={String(c.value)} className="choice">
              <input
                id={inputId}
                type="radio"
                name={id}
                value={String(c.value)}
                checked={props.value === c.value}
                onChange={() => props.onChange(c.value)}
                aria-invalid={errors.length > 0 || undefined}
              />
              <label htmlFor={inputId}>
                <span className="choice-label">{c.label}</span>
                {c.srLabel !== undefined && <span className="visually-hidden">, {c.srLabel}</span>}
                {c.detail !== undefined && <span className="choice-detail">{c.detail}</span>}
              </label>
            </div>
          );
        })}
      </div>
    </GroupFrame>
  );
}

interface ScaleProps {
  legend: ReactNode;
  name: string;
  value: number | null | undefined;
  onChange: (value: number) => void;
  anchors: { low: string; high: string };
  errors?: string[];
  legendClassName?: string;
}

/** 0–10 as eleven big numbered choices; the anchors are written out and read with 0 and 10. */
export function ScaleGroup({ legend, name, value, onChange, anchors, errors, legendClassName }: ScaleProps): ReactElement {
  const choices: Choice<number>[] = Array.from({ length: 11 }, (_, n) => ({
    value: n,
    label: String(n),
    srLabel: n === 0 ? anchors.low : n === 10 ? anchors.high : undefined,
  }));
  const hint = (
    <p className="scale-anchors" aria-hidden="true">
      <span>0 = {anchors.low}</span>
      <span>10 = {anchors.high}</span>
    </p>
  );
  return (
    <RadioGroup
      legend={legend}
      name={name}
      choices={choices}
      value={value}
      onChange={onChange}
      hint={hint}
      errors={errors}
      layout="scale"
      legendClassName={legendClassName}
    />
  );
}

interface CheckboxGroupProps {
  legend: ReactNode;
  name: string;
  choices: Choice<string>[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  hint?: ReactNode;
  errors?: string[];
  className?: string;
  legendClassName?: string;
  /** Drawn beside the choices (e.g. the body figure); decorative. */
  aside?: ReactNode;
}

export function CheckboxGroup(props: CheckboxGroupProps): ReactElement {
  const id = `${useId()}-${props.name}`;
  const errors = props.errors ?? [];
  const toggle = (v: string, on: boolean): void => {
    const next = on ? [...props.values.filter((x) => x !== v), v] : props.values.filter((x) => x !== v);
    props.onChange(next);
  };
  const list = (
    <div className="choices choices--list">
      {props.choices.map((c) => {
        const inputId = `${id}-${c.value}`;
        return (
          <div key={c.value} className="choice">
            <input
              id={inputId}
              type="checkbox"
              name={props.name}
              value={c.value}
              checked={props.values.includes(c.value)}
              onChange={(e) => toggle(c.value, e.target.checked)}
              aria-invalid={errors.length > 0 || undefined}
            />
            <label htmlFor={inputId}>
              <span className="choice-label">{c.label}</span>
              {c.detail !== undefined && <span className="choice-detail">{c.detail}</span>}
            </label>
          </div>
        );
      })}
    </div>
  );
  return (
    <GroupFrame id={id} legend={props.legend} hint={props.hint} errors={errors} className={props.className} legendClassName={props.legendClassName}>
      {props.aside === undefined ? (
        list
      ) : (
        <div className="choices-with-aside">
          {props.aside}
          {list}
        </div>
      )}
    </GroupFrame>
  );
}
