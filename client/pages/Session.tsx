/**
 * The signed-in user for the whole client: loaded once from GET /api/me, set by sign-in (or by
 * accepting an invitation, which answers like sign-in), cleared by sign-out or whenever any
 * request finds the session gone (401). Pages behind sign-in are wrapped in <RequireSession>,
 * which sends anonymous visitors to /login?next=….
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import type { MeResponse } from "../../shared/validation/api.js";
import { api, ApiError, setUnauthenticatedHandler } from "../api.js";
import { da } from "../i18n/da.js";
import { Loading } from "./Loading.js";
import { ErrorPanel } from "./ErrorPage.js";
import { errorMessage } from "../ui/errors.js";

export type SessionState =
  { status: "loading" } | { status: "anonymous"; expired: boolean } | { status: "authenticated"; me: MeResponse } | { status: "error"; message: string };

interface SessionApi {
  state: SessionState;
  signIn: (email: string, password: string, code?: string) => Promise<void>;
  /** A session started elsewhere than sign-in (POST /api/invitations/:token/accept answers a MeResponse). */
  signedIn: (me: MeResponse) => void;
  signOut: () => Promise<void>;
  /** The session is gone (e.g. the collaboration socket was closed with UNAUTHENTICATED). */
  sessionEnded: () => void;
  retry: () => void;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    api.me(controller.signal).then(
      (me) => setState({ status: "authenticated", me }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.isUnauthenticated) setState({ status: "anonymous", expired: false });
        else setState({ status: "error", message: errorMessage(error) });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const sessionEnded = useCallback(() => setState({ status: "anonymous", expired: true }), []);

  useEffect(() => {
    setUnauthenticatedHandler(sessionEnded);
    return () => setUnauthenticatedHandler(null);
  }, [sessionEnded]);

  const value = useMemo<SessionApi>(
    () => ({
      state,
      signIn: async (email, password, code) => {
        const me = await api.login(email, password, code);
        setState({ status: "authenticated", me });
      },
      signedIn: (me) => setState({ status: "authenticated", me }),
      signOut: async () => {
        let endSessionUrl: string | null = null;
        try {
          endSessionUrl = await api.logout();
        } catch {
          // Signed out locally either way; the cookie expires with the session.
        }
        setState({ status: "anonymous", expired: false });
        // Signed in with single sign-on: end the provider's session too; it sends the browser back to /login.
        if (endSessionUrl) window.location.assign(endSessionUrl);
      },
      sessionEnded,
      retry: () => {
        setState({ status: "loading" });
        setAttempt((n) => n + 1);
      },
    }),
    [state, sessionEnded],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}

/** The signed-in user; only inside <RequireSession>. */
export function useMe(): MeResponse {
  const { state } = useSession();
  if (state.status !== "authenticated") throw new Error("useMe without a session");
  return state.me;
}

/** A relative path of this app only ("/svar/x"), never another origin ("//evil", "https:…"). */
export function safeNextPath(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

export function RequireSession({ children }: { children: ReactNode }) {
  const { state, retry } = useSession();
  const location = useLocation();
  if (state.status === "loading") {
    return (
      <main id="indhold" tabIndex={-1} className="page">
        <Loading />
      </main>
    );
  }
  if (state.status === "error") {
    return (
      <main id="indhold" tabIndex={-1} className="page">
        <ErrorPanel title={da.errorPage.title} message={state.message} actionLabel={da.list.retry} onAction={retry} />
      </main>
    );
  }
  if (state.status === "anonymous") {
    const next = `${location.pathname}${location.search}`;
    const params = new URLSearchParams();
    if (next !== "/") params.set("next", next);
    if (state.expired) params.set("udlobet", "1");
    const query = params.toString();
    return <Navigate to={`/login${query ? `?${query}` : ""}`} replace />;
  }
  return <>{children}</>;
}
