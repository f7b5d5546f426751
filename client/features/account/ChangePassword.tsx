/** "Skift adgangskode" on Min profil: the current password and a new one; other sessions end. */
import { useId, useState, type FormEvent } from "react";
import { accountTexts } from "../../i18n/account.js";
import { accountApi } from "./accountApi.js";
import { errorMessage } from "../../ui/errors.js";

const t = accountTexts.password;

export function ChangePassword() {
  const id = useId();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [state, setState] = useState<{ kind: "idle" | "busy" | "done" } | { kind: "error"; message: string }>({ kind: "idle" });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!current || !next) return setState({ kind: "error", message: t.missing });
    setState({ kind: "busy" });
    try {
      await accountApi.changePassword(current, next);
      setCurrent("");
      setNext("");
      setState({ kind: "done" });
    } catch (error) {
      setState({ kind: "error", message: errorMessage(error) });
    }
  };

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.title}</h2>
      <p>{t.intro}</p>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-current`}>
            {t.current}
          </label>
          <input
            id={`${id}-current`}
            className="input"
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-next`}>
            {t.next}
          </label>
          <p className="field__help" id={`${id}-rule`}>
            {t.rule}
          </p>
          <input
            id={`${id}-next`}
            className="input"
            type="password"
            autoComplete="new-password"
            aria-describedby={`${id}-rule`}
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={state.kind === "busy"}>
          {state.kind === "busy" ? t.submitting : t.submit}
        </button>
        <p role={state.kind === "error" ? "alert" : "status"} className={state.kind === "error" ? "field__error" : undefined}>
          {state.kind === "done" ? t.changed : state.kind === "error" ? state.message : ""}
        </p>
      </form>
    </section>
  );
}
