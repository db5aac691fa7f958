/** Route guards: who may see which part of the app. The server still checks every request. */
import type { ReactElement } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { NotAvailable } from './not-available';
import { ErrorNotice, Loading } from './status';
import { SkipLink } from './layout';
import { homePath, isAdmin, isStaff, useSession, useUser } from '../session';

function StartingUp(): ReactElement {
  const { state, retry } = useSession();
  return (
    <>
      <SkipLink />
      <main id="main" tabIndex={-1} className="container container--narrow">
        {state.status === 'unavailable' ? (
          <>
            <h1>Painpath is not available right now</h1>
            <ErrorNotice error={state.error} />
            <button type="button" className="button" onClick={retry}>
              Try again
            </button>
          </>
        ) : (
          <Loading label="Opening Painpath…" />
        )}
      </main>
    </>
  );
}

export function RequireSignIn(): ReactElement {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading' || state.status === 'unavailable') return <StartingUp />;
  if (state.status === 'signed-out') {
    const to = state.needsSetup ? '/setup' : '/login';
    const from = `${location.pathname}${location.search}`;
    return <Navigate to={to} replace state={{ from }} />;
  }
  return <Outlet />;
}

/** Pages for signed-out people (sign in, first-run setup): signed-in people go to their home page. */
export function SignedOutOnly(): ReactElement {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading' || state.status === 'unavailable') return <StartingUp />;
  if (state.status === 'signed-in') {
    const from = (location.state as { from?: unknown } | null)?.from;
    const target = typeof from === 'string' && from.startsWith('/') && from !== '/' ? from : homePath(state.session.user);
    return <Navigate to={target} replace />;
  }
  return <Outlet />;
}

export function RequireStaff(): ReactElement {
  return isStaff(useUser()) ? <Outlet /> : <NotAvailable />;
}

export function RequireAdmin(): ReactElement {
  return isAdmin(useUser()) ? <Outlet /> : <NotAvailable />;
}

export function RequirePersonFacing(): ReactElement {
  const user = useUser();
  if (isStaff(user)) return <Navigate to="/patients" replace />;
  return <Outlet />;
}

/** `/`: straight to the right place for who you are. */
export function HomeRedirect(): ReactElement {
  const { state } = useSession();
  if (state.status === 'loading' || state.status === 'unavailable') return <StartingUp />;
  if (state.status === 'signed-out') return <Navigate to={state.needsSetup ? '/setup' : '/login'} replace />;
  return <Navigate to={homePath(state.session.user)} replace />;
}
