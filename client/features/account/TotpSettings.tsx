/**
 * "Totrinsbekræftelse" on Min profil: turn a TOTP second factor on (a key and an otpauth link for
 * the app, then a code to prove the app has it) or off (with the password).
 */
import { useEffect, useId, useState, type FormEvent } from "react";
import type { TotpSetupResponse } from "../../../shared/validation/account.js";
import { accountTexts } from "../../i18n/account.js";
import { accountApi } from "./accountApi.js";
import { errorMessage } from "../../ui/errors.js";

const t = accountTexts.totp;

export function TotpSettings() {
  const id = useId();
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [setup, setSetup] = useState<TotpSetupResponse | null>(null);
  const [input, setInput] = useState("");
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    accountApi.totpStatus(controller.signal).then(
      (status) => setEnabled(status.enabled),
      () => !controller.signal.aborted && setMessage({ text: t.loadError, error: true }),
    );
    return () => controller.abort();
  }, []);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await action();
    } catch (error) {
      setMessage({ text: errorMessage(error), error: true });
    } finally {
      setBusy(false);
    }
  };

  const onEnable = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await accountApi.enableTotp(input.trim());
      setEnabled(true);
      setSetup(null);
      setInput("");
      setMessage({ text: t.enabled, error: false });
    });
  };

  const onDisable = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await accountApi.disableTotp(input);
      setEnabled(false);
      setInput("");
      setMessage({ text: t.disabled, error: false });
    });
  };

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.title}</h2>
      {enabled === false && !setup ? (
        <>
          <p>{t.introOff}</p>
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => void run(async () => setSetup(await accountApi.setupTotp()))}
          >
            {t.start}
          </button>
        </>
      ) : null}
      {setup ? (
        <form className="form" onSubmit={onEnable} noValidate>
          <p>{t.step1}</p>
          <dl>
            <dt>{t.secret}</dt>
            <dd>
              <code>{setup.secret}</code>
            </dd>
            <dt>{t.uri}</dt>
            <dd>
              <a href={setup.uri}>{setup.uri}</a>
            </dd>
          </dl>
          <CodeField id={`${id}-code`} value={input} onChange={setInput} />
          <button type="submit" className="button" disabled={busy}>
            {t.enable}
          </button>
        </form>
      ) : null}
      {enabled ? (
        <form className="form" onSubmit={onDisable} noValidate>
          <p>{t.on}</p>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-password`}>
              {t.password}
            </label>
            <input
              id={`${id}-password`}
              className="input"
              type="password"
              autoComplete="current-password"
              value={input}
              onChange={(e) => setInput(e.target.value)}
            />
          </div>
          <button type="submit" className="button button--secondary" disabled={busy}>
            {t.disable}
          </button>
        </form>
      ) : null}
      <p role={message?.error ? "alert" : "status"} className={message?.error ? "field__error" : undefined}>
        {message?.text ?? ""}
      </p>
    </section>
  );
}

function CodeField({ id, value, onChange }: { id: string; value: string; onChange: (v: string) => void }) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {t.code}
      </label>
      <p className="field__help" id={`${id}-help`}>
        {t.codeHelp}
      </p>
      <input
        id={id}
        className="input"
        type="text"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        aria-describedby={`${id}-help`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
