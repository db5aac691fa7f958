/**
 * The page for unknown addresses and for errors no page handled (the router's error boundary).
 * Plain words, a way home, and the request id when the server gave one.
 */
import type { ReactElement } from 'react';
import { Link, isRouteErrorResponse, useRouteError } from 'react-router-dom';
import { SkipLink } from '../components/layout';
import { NotAvailable } from '../components/not-available';
import { RequestId } from '../components/status';
import { usePageTitle } from '../hooks';

/** 404 inside the signed-in layout, or anywhere else. */
export function NotFoundPage(): ReactElement {
  return <NotAvailable title="We could not find that page" />;
}

/** `inline`: shown inside the signed-in layout, which already has the skip link and main landmark. */
export function ErrorPage({ inline = false }: { inline?: boolean }): ReactElement {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const title = notFound ? 'We could not find that page' : 'Something went wrong';
  usePageTitle(title);
  if (!notFound) console.error(error);
  const body = (
    <>
        <h1>{title}</h1>
        <p>
          {notFound
            ? 'The page may have moved, or the address may have a typo.'
            : 'Painpath hit a problem it did not expect. Please try again. If it keeps happening, tell your clinic.'}
        </p>
        <p>
          <Link to="/">Go to your home page</Link>
          {!notFound && (
            <>
              {' '}
              or{' '}
              <button type="button" className="button-link" onClick={() => window.location.reload()}>
                reload this page
              </button>
            </>
          )}
        </p>
        <RequestId error={error} />
    </>
  );
  if (inline) return body;
  return (
    <>
      <SkipLink />
      <main id="main" tabIndex={-1} className="container container--narrow">
        {body}
      </main>
    </>
  );
}
