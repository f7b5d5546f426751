/**
 * The application shell: skip link, header with the app name, main navigation and the signed-in
 * user. Each page renders its own <main id="indhold"> (and, for the editor, an <aside>).
 */
import { useEffect, useState } from "react";
import { Link, NavLink, Outlet, useNavigate } from "react-router";
import { da } from "../i18n/da.js";
import { wf } from "../i18n/workflow.js";
import { useSession } from "./Session.js";

/** Sets the document title: "<page> – Regionssvar". */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} – ${da.app.name}` : da.app.name;
  }, [title]);
}

export function Layout() {
  const { state, signOut } = useSession();
  const navigate = useNavigate();
  const [signingOut, setSigningOut] = useState(false);
  const me = state.status === "authenticated" ? state.me : null;

  const onSignOut = async () => {
    setSigningOut(true);
    await signOut();
    setSigningOut(false);
    navigate("/login", { replace: true });
  };

  return (
    <>
      <a className="skip-link" href="#indhold">
        {da.app.skipLink}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link to="/" className="app-header__brand">
            <span className="app-header__name">{da.app.name}</span>
            <span className="app-header__tagline">{da.app.tagline}</span>
          </Link>
          {me ? (
            <nav className="app-nav" aria-label={da.app.mainNav}>
              <ul>
                <li>
                  <NavLink to="/" end>
                    {da.app.myReplies}
                  </NavLink>
                </li>
                {me.user.organisation.kind === "styrelse" ? (
                  <li>
                    <NavLink to="/overblik">{wf.overview.nav}</NavLink>
                  </li>
                ) : null}
              </ul>
            </nav>
          ) : null}
          {me ? (
            <div className="app-header__user">
              <span className="app-header__who">
                <span className="app-header__user-name">{me.user.name}</span>
                <span className="app-header__org">{me.user.organisation.name}</span>
              </span>
              <button type="button" className="button button--secondary button--small" onClick={onSignOut} disabled={signingOut}>
                {signingOut ? da.app.signingOut : da.app.signOut}
              </button>
            </div>
          ) : null}
        </div>
      </header>
      <Outlet />
    </>
  );
}
