/**
 * "Log ind": a button per single sign-on provider (if any are configured), and e-mail and
 * password; on success back to where the user was going (`next`). A refused single sign-on comes
 * back here with `?fejl=<reason>`, shown in Danish.
 */
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { api, ApiError } from "../api.js";
import { da } from "../i18n/da.js";
import { usePageTitle } from "./Layout.js";
import { safeNextPath, useSession } from "./Session.js";

export function LoginPage() {
  usePageTitle(da.login.title);
  const { state, signIn } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNextPath(params.get("next"));
  const expired = params.get("udlobet") === "1";
  const ssoRefusal = params.get("fejl");
  const providers = useProviders();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(ssoRefusal ? (da.login.ssoRefused[ssoRefusal] ?? da.login.ssoRefusedFallback) : null);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);

  if (state.status === "authenticated" && !busy) return <Navigate to={next} replace />;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!email.trim() || !password) {
      setError(da.login.missing);
      requestAnimationFrame(() => errorRef.current?.focus());
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
      navigate(next, { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : da.errors.generic);
      setBusy(false);
      requestAnimationFrame(() => errorRef.current?.focus());
    }
  };

  return (
    <main id="indhold" tabIndex={-1} className="page page--narrow">
      <h1>{da.login.title}</h1>
      <p className="lead">{da.login.intro}</p>
      {expired && !error ? (
        <div className="banner banner--info" role="status">
          <p className="banner__text">{da.login.sessionEnded}</p>
        </div>
      ) : null}
      {error ? (
        <div className="banner banner--error" role="alert" tabIndex={-1} ref={errorRef}>
          <h2 className="banner__title">{da.login.errorTitle}</h2>
          <p className="banner__text">{error}</p>
        </div>
      ) : null}
      {providers.length > 0 ? (
        <section aria-labelledby="login-sso">
          <h2 id="login-sso">{da.login.ssoTitle}</h2>
          <ul className="login-providers">
            {providers.map((p) => (
              <li key={p.id}>
                <a className="button" href={`/api/auth/oidc/${encodeURIComponent(p.id)}/start?next=${encodeURIComponent(next)}`}>
                  {da.login.ssoButton(p.name)}
                </a>
              </li>
            ))}
          </ul>
          <h2>{da.login.orPassword}</h2>
        </section>
      ) : null}
      <form className="form" onSubmit={onSubmit} noValidate aria-busy={busy}>
        <div className="field">
          <label className="field__label" htmlFor="login-email">
            {da.login.email}
          </label>
          <input
            id="login-email"
            className="input"
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="login-password">
            {da.login.password}
          </label>
          <input
            id="login-password"
            className="input"
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? da.login.submitting : da.login.submit}
        </button>
      </form>
    </main>
  );
}

/** The configured single sign-on providers (none: the page shows only the password form). */
function useProviders(): { id: string; name: string }[] {
  const [providers, setProviders] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    api.providers(controller.signal).then(
      (answer) => setProviders(answer.providers),
      () => setProviders([]), // the password form works without them
    );
    return () => controller.abort();
  }, []);
  return providers;
}
