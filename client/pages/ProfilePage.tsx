/**
 * "Min profil" (/profil): which kinds of mail the person wants (invitations always go out), the
 * password and the second factor (password accounts only), and "Log ud på alle enheder", which
 * ends every session of the person and closes their open replies.
 */
import { useEffect, useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import type { MailPreferencesResponse } from "../../shared/validation/mail.js";
import { MAIL_KIND_LABELS } from "../../shared/labels.js";
import { request } from "../api.js";
import { peopleApi } from "../features/people/peopleApi.js";
import { mailTexts } from "../i18n/mail.js";
import { ErrorPanel } from "./ErrorPage.js";
import { usePageTitle } from "./Layout.js";
import { Loading } from "./Loading.js";
import { useSession } from "./Session.js";
import { ChangePassword } from "../features/account/ChangePassword.js";
import { TotpSettings } from "../features/account/TotpSettings.js";
import { errorMessage } from "../ui/errors.js";

const t = mailTexts.profile;
type Preferences = MailPreferencesResponse["preferences"];
type Load = { status: "loading" } | { status: "error"; message: string } | { status: "ok"; preferences: Preferences };

export function ProfilePage() {
  usePageTitle(t.title);
  const { state } = useSession();
  const me = state.status === "authenticated" ? state.me : null;
  const [load, setLoad] = useState<Load>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    peopleApi.getMailPreferences(controller.signal).then(
      ({ preferences }) => setLoad({ status: "ok", preferences }),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoad({ status: "error", message: errorMessage(error) });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  return (
    <main id="indhold" tabIndex={-1} className="page page--narrow">
      <h1>{t.title}</h1>
      <h2>{t.mailTitle}</h2>
      {load.status === "loading" ? <Loading /> : null}
      {load.status === "error" ? (
        <ErrorPanel title={t.loadError} message={load.message} actionLabel={t.retry} onAction={() => setAttempt((n) => n + 1)} />
      ) : null}
      {load.status === "ok" ? <MailPreferencesForm initial={load.preferences} /> : null}
      {me?.user.hasPassword ? (
        <>
          <ChangePassword />
          <TotpSettings />
        </>
      ) : null}
      <SignOutEverywhere />
    </main>
  );
}

function MailPreferencesForm({ initial }: { initial: Preferences }) {
  const [preferences, setPreferences] = useState(initial);
  const [state, setState] = useState<{ kind: "idle" | "saving" | "saved" } | { kind: "failed"; message: string }>({ kind: "idle" });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setState({ kind: "saving" });
    try {
      setPreferences((await peopleApi.setMailPreferences(preferences)).preferences);
      setState({ kind: "saved" });
    } catch (error) {
      setState({ kind: "failed", message: errorMessage(error) });
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)}>
      <fieldset className="profile-fieldset">
        <legend>{t.mailIntro}</legend>
        {preferences.map((p) => (
          <label key={p.kind}>
            <input
              type="checkbox"
              checked={p.enabled}
              onChange={(e) => {
                const enabled = e.currentTarget.checked;
                setPreferences((all) => all.map((x) => (x.kind === p.kind ? { ...x, enabled } : x)));
                setState({ kind: "idle" });
              }}
            />
            {MAIL_KIND_LABELS[p.kind]}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button" disabled={state.kind === "saving"}>
        {state.kind === "saving" ? t.saving : t.save}
      </button>{" "}
      <span role="status">{state.kind === "saved" ? t.saved : state.kind === "failed" ? t.saveFailed(state.message) : ""}</span>
    </form>
  );
}

function SignOutEverywhere() {
  const { sessionEnded } = useSession();
  const navigate = useNavigate();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  const onClick = async () => {
    setState({ busy: true, error: null });
    try {
      await request<void>("POST", "/api/auth/logout-all");
      sessionEnded();
      navigate("/login", { replace: true });
    } catch (error) {
      setState({ busy: false, error: errorMessage(error) });
    }
  };

  return (
    <section aria-labelledby="profile-sessions">
      <h2 id="profile-sessions">{t.sessionsTitle}</h2>
      <p>{t.sessionsIntro}</p>
      <button type="button" className="button button--secondary" disabled={state.busy} onClick={() => void onClick()}>
        {state.busy ? t.loggingOut : t.logoutAll}
      </button>
      {state.error ? (
        <p role="alert" className="field__error">
          {t.logoutAllFailed(state.error)}
        </p>
      ) : null}
    </section>
  );
}
