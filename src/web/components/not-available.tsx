/** Shown when a page does not exist or is not open to this person. Plain words, no blame. */
import type { ReactElement } from 'react';
import { Link } from 'react-router-dom';
import { usePageTitle } from '../hooks';
import { RequestId } from './status';

interface NotAvailableProps {
  title?: string;
  error?: unknown;
}

export function NotAvailable({ title = 'This page is not available', error }: NotAvailableProps): ReactElement {
  usePageTitle(title);
  return (
    <section className="not-available" aria-labelledby="not-available-title">
      <h1 id="not-available-title">{title}</h1>
      <p>The page may have moved, or it may not be open to your account.</p>
      <p>
        <Link to="/">Go to your home page</Link>
      </p>
      {error !== undefined && <RequestId error={error} />}
    </section>
  );
}
