/** Loading, error and status messages, announced to screen readers. */
import { useEffect, useRef, type ReactElement, type ReactNode } from 'react';
import { isApiError } from '../api';

export function Loading({ label = 'Loading…' }: { label?: string }): ReactElement {
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

export function RequestId({ error }: { error: unknown }): ReactElement | null {
  if (!isApiError(error) || error.requestId === null) return null;
  return (
    <p className="request-id">
      If you contact support, give them this code: <code>{error.requestId}</code>
    </p>
  );
}

/** Statuses the person can fix themselves; a support code would only add noise. */
const USER_FIXABLE = new Set([400, 401, 412, 423, 428, 429]);

interface ErrorNoticeProps {
  error: unknown;
  title?: string;
  /** Extra problems to list, e.g. details that name no field on the form. */
  extra?: string[];
  children?: ReactNode;
  /** Move focus here when the error appears (forms), so keyboard and screen-reader users hear it. */
  focus?: boolean;
  /** Leave out the server's message when the title already says the same thing. */
  hideMessage?: boolean;
}

export function ErrorNotice({ error, title, extra = [], children, focus = false, hideMessage = false }: ErrorNoticeProps): ReactElement {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus, error]);
  const message =
    error instanceof Error ? error.message : 'Something went wrong. Please try again.';
  return (
    <div className="notice notice--error" role="alert" tabIndex={-1} ref={ref}>
      {title !== undefined && <p className="notice-title">{title}</p>}
      {!hideMessage && <p>{message}</p>}
      {extra.length > 0 && (
        <ul>
          {extra.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      {children}
      {!(isApiError(error) && USER_FIXABLE.has(error.status)) && <RequestId error={error} />}
    </div>
  );
}

/** A polite status line: "Saved.", "12 patients found." Stays mounted so changes are announced. */
export function StatusMessage({ children }: { children: ReactNode }): ReactElement {
  return (
    <div className="status-message" role="status" aria-live="polite">
      {children}
    </div>
  );
}
