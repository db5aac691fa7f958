/**
 * The frame around every signed-in page: skip link, header with the clinic, the person and their role,
 * navigation for their role, sign out, and (for patients and caregivers) help-now numbers in the footer.
 */
import { useEffect, useRef, useState, type ReactElement, type RefObject } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { ROLE_LABELS } from '../../domain/access/roles';
import { isAdmin, isStaff, useSession, useUser } from '../session';
import { ErrorNotice } from './status';

export function SkipLink(): ReactElement {
  return (
    <a className="skip-link" href="#main">
      Skip to main content
    </a>
  );
}

/** Moves focus to the main area after in-app navigation, so screen readers start at the new page. */
function useFocusMainOnNavigate(): RefObject<HTMLElement | null> {
  const ref = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    ref.current?.focus();
  }, [pathname]);
  return ref;
}

export function CrisisHelp(): ReactElement {
  return (
    <aside className="crisis" id="help-now" tabIndex={-1} aria-labelledby="crisis-title">
      <h2 id="crisis-title">Need help now?</h2>
      <p>
        If you are thinking about hurting yourself, call or text <a href="tel:988">988</a> any time, day or night.
        In an emergency, call <a href="tel:911">911</a>.
      </p>
    </aside>
  );
}

export function Layout(): ReactElement {
  const user = useUser();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const mainRef = useFocusMainOnNavigate();
  const [signOutError, setSignOutError] = useState<unknown>(null);
  const [signingOut, setSigningOut] = useState(false);
  const staff = isStaff(user);

  async function handleSignOut(): Promise<void> {
    setSigningOut(true);
    setSignOutError(null);
    try {
      await signOut();
      void navigate('/login', { replace: true });
    } catch (err) {
      setSignOutError(err);
      setSigningOut(false);
    }
  }

  return (
    <>
      <SkipLink />
      <header className="site-header">
        <div className="site-header-inner">
          <p className="brand">
            <span className="brand-name">Painpath</span>
            <span className="brand-org">{user.orgName}</span>
          </p>
          <nav aria-label="Main">
            <ul className="nav-list">
              {staff ? (
                <>
                  <li>
                    <NavLink to="/patients">Patients</NavLink>
                  </li>
                  <li>
                    <NavLink to="/inbox">Inbox</NavLink>
                  </li>
                  <li>
                    <NavLink to="/coordination">Coordination</NavLink>
                  </li>
                  <li>
                    <NavLink to="/huddle">Huddle</NavLink>
                  </li>
                  <li>
                    <NavLink to="/calculators/imaging-context">Imaging in context</NavLink>
                  </li>
                  {isAdmin(user) && (
                    <li>
                      <NavLink to="/admin">Admin</NavLink>
                    </li>
                  )}
                </>
              ) : (
                <>
                  <li>
                    <NavLink to="/me">My page</NavLink>
                  </li>
                  <li>
                    <a href="#help-now">Help now</a>
                  </li>
                </>
              )}
            </ul>
          </nav>
          <div className="who">
            <p>
              <span className="who-name">{user.displayName}</span>
              <span className="who-role">{ROLE_LABELS[user.role]}</span>
            </p>
            <button type="button" className="button button--secondary" onClick={() => void handleSignOut()} disabled={signingOut}>
              {signingOut ? 'Signing out…' : 'Sign out'}
            </button>
          </div>
        </div>
      </header>
      {signOutError !== null && (
        <div className="container">
          <ErrorNotice error={signOutError} title="We could not sign you out." />
        </div>
      )}
      <main id="main" tabIndex={-1} ref={mainRef} className="container">
        <Outlet />
      </main>
      {!staff && (
        <footer className="site-footer container">
          <CrisisHelp />
        </footer>
      )}
    </>
  );
}
