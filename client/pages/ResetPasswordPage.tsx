/** "Vælg en ny adgangskode" (/nulstil/:token): the page a reset mail links to. */
import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { accountApi } from "../features/account/accountApi.js";
import { accountTexts } from "../i18n/account.js";
import { usePageTitle } from "./Layout.js";
import { errorMessage } from "../ui/errors.js";

const t = accountTexts.reset;

export function ResetPasswordPage() {
  usePageTitle(t.title);
  const { token = "" } = useParams();
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [state, setState] = useState<{ kind: "idle" | "busy" | "done" } | { kind: "error"; message: string }>({ kind: "idle" });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (password !== repeat) return setState({ kind: "error", message: t.mismatch });
    setState({ kind: "busy" });
    try {
      await accountApi.resetPassword(token, password);
      setState({ kind: "done" });
    } catch (error) {
      setState({ kind: "error", message: errorMessage(error) });
    }
  };

  return (
    <main id="indhold" tabIndex={-1} className="page page--narrow">
      <h1>{t.title}</h1>
      {state.kind === "done" ? (
        <div className="banner banner--info" role="status">
          <p className="banner__text">{t.done}</p>
          <p>
            <Link to="/login">{t.signIn}</Link>
          </p>
        </div>
      ) : (
        <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
          <div className="field">
            <label className="field__label" htmlFor="reset-password">
              {t.password}
            </label>
            <p className="field__help" id="reset-rule">
              {t.rule}
            </p>
            <input
              id="reset-password"
              className="input"
              type="password"
              autoComplete="new-password"
              aria-describedby="reset-rule"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="reset-repeat">
              {t.repeat}
            </label>
            <input id="reset-repeat" className="input" type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
          </div>
          <button type="submit" className="button" disabled={state.kind === "busy"}>
            {state.kind === "busy" ? t.submitting : t.submit}
          </button>
          <p role="alert" className="field__error">
            {state.kind === "error" ? state.message : ""}
          </p>
        </form>
      )}
    </main>
  );
}
