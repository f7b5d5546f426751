/**
 * "Log ind": a button per single sign-on provider (if any are configured), and e-mail and
 * password; on success back to where the user was going (`next`). A refused single sign-on comes
 * back here with `?fejl=<reason>`, shown in Danish.
 */
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { api, ApiError } from "../api.js";
import { da } from "../i18n/da.js";
import { usePageTitle } from "./Layout.js";
import { safeNextPath, useSession } from "./Session.js";
import { errorMessage } from "../ui/errors.js";
import { check } from "../ui/validate.js";
import { LoginBody } from "../../shared/validation/api.js";

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
  /** Shown once the server asks for the second factor's code. */
  const [needsCode, setNeedsCode] = useState(false);
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(ssoRefusal ? (da.login.ssoRefused[ssoRefusal] ?? da.login.ssoRefusedFallback) : null);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);

  if (state.status === "authenticated" && !busy) return <Navigate to={next} replace />;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = check(LoginBody, { email, password });
    if (!checked.ok) {
      setError(Object.values(checked.errors)[0] ?? da.errors.generic);
      requestAnimationFrame(() => errorRef.current?.focus());
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password, needsCode ? code.trim() : undefined);
      navigate(next, { replace: true });
    } catch (err) {
      if (err instanceof ApiError && (err.code === "totp_required" || err.code === "wrong_code")) {
        setNeedsCode(true);
        setCode("");
      }
      setError(errorMessage(err));
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
        {needsCode ? (
          <div className="field">
            <label className="field__label" htmlFor="login-code">
              {da.login.code}
            </label>
            <p className="field__help" id="login-code-help">
              {da.login.codeHelp}
            </p>
            <input
              id="login-code"
              className="input"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              aria-describedby="login-code-help"
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </div>
        ) : null}
        <button type="submit" className="button" disabled={busy}>
          {busy ? da.login.submitting : da.login.submit}
        </button>
      </form>
      <p>
        <Link to="/glemt-adgangskode">{da.login.forgot}</Link>
      </p>
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
