/**
 * The application shell: skip links, header with the app name, main navigation and the signed-in
 * user. Each page renders its own <main id="indhold"> (and, for the reply, an <aside id="paneler">,
 * which gets a second skip link). After an in-app navigation the focus moves to the new page's
 * <main>, so keyboard and screen-reader users start at the content, not where the old page was.
 */
import { useEffect, useRef, useState } from "react";
import { Link, NavLink, Outlet, useLocation, useMatch, useNavigate } from "react-router";
import { da } from "../i18n/da.js";
import { wf } from "../i18n/workflow.js";
import { mailTexts } from "../i18n/mail.js";
import { useSession } from "./Session.js";

/** Sets the document title: "<page> – Regionssvar". */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} – ${da.app.name}` : da.app.name;
  }, [title]);
}

/** How long after a navigation a (re)mounted <main> still takes the focus (pages load, then render). */
const ROUTE_FOCUS_MS = 10_000;

/**
 * Moves the focus to <main id="indhold"> after each in-app navigation (not on the first load: the
 * skip link comes first there). A page may swap its <main> while loading; while the focus is lost
 * to <body> the new one takes it, until the user presses a key or the pointer, focus is elsewhere,
 * or time is up.
 */
function useFocusMainOnNavigation(): void {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const until = performance.now() + ROUTE_FOCUS_MS;
    let frame = 0;
    const stop = () => cancelAnimationFrame(frame);
    const step = () => {
      const active = document.activeElement;
      const main = document.getElementById("indhold");
      const lost = active === null || active === document.body;
      if (main && lost) main.focus();
      else if (!lost && active !== main) return; // focus has been put somewhere on purpose
      if (performance.now() < until) frame = requestAnimationFrame(step);
    };
    step();
    window.addEventListener("keydown", stop, { capture: true, once: true });
    window.addEventListener("pointerdown", stop, { capture: true, once: true });
    return () => {
      stop();
      window.removeEventListener("keydown", stop, { capture: true });
      window.removeEventListener("pointerdown", stop, { capture: true });
    };
  }, [pathname]);
}

export function Layout() {
  const { state, signOut } = useSession();
  const navigate = useNavigate();
  const onReply = useMatch("/svar/:id") !== null;
  useFocusMainOnNavigation();
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
      {onReply ? (
        <a className="skip-link" href="#paneler">
          {da.app.skipToPanels}
        </a>
      ) : null}
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
                {me.user.organisation.kind === "sekretariat" ? (
                  <li>
                    <NavLink to="/udbakke">{mailTexts.outbox.nav}</NavLink>
                  </li>
                ) : null}
                <li>
                  <NavLink to="/profil">{mailTexts.profile.nav}</NavLink>
                </li>
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
