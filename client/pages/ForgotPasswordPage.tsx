/** "Glemt adgangskode" (/glemt-adgangskode): asks for a reset link; the answer is the same whether or not the address has an account. */
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { accountApi } from "../features/account/accountApi.js";
import { accountTexts } from "../i18n/account.js";
import { usePageTitle } from "./Layout.js";
import { errorMessage } from "../ui/errors.js";
import { check } from "../ui/validate.js";
import { PasswordResetRequestBody } from "../../shared/validation/account.js";

const t = accountTexts.forgot;

export function ForgotPasswordPage() {
  usePageTitle(t.title);
  const [email, setEmail] = useState("");
  const [state, setState] = useState<{ kind: "idle" | "busy" | "sent" } | { kind: "error"; message: string }>({ kind: "idle" });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = check(PasswordResetRequestBody, { email });
    if (!checked.ok) return setState({ kind: "error", message: checked.errors.email ?? t.missing });
    setState({ kind: "busy" });
    try {
      await accountApi.requestPasswordReset(email.trim());
      setState({ kind: "sent" });
    } catch (error) {
      setState({ kind: "error", message: errorMessage(error) });
    }
  };

  return (
    <main id="indhold" tabIndex={-1} className="page page--narrow">
      <h1>{t.title}</h1>
      <p className="lead">{t.intro}</p>
      {state.kind === "sent" ? (
        <div className="banner banner--info" role="status">
          <p className="banner__text">{t.sent}</p>
        </div>
      ) : (
        <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
          <div className="field">
            <label className="field__label" htmlFor="forgot-email">
              {t.email}
            </label>
            <input
              id="forgot-email"
              className="input"
              type="email"
              autoComplete="username"
              inputMode="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </div>
          <button type="submit" className="button" disabled={state.kind === "busy"}>
            {state.kind === "busy" ? t.submitting : t.submit}
          </button>
          <p role="alert" className="field__error">
            {state.kind === "error" ? state.message : ""}
          </p>
        </form>
      )}
      <p>
        <Link to="/login">{t.back}</Link>
      </p>
    </main>
  );
}
