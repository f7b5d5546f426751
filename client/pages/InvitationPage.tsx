/**
 * /invitation/:token (public): who is invited to which reply with which role, and "Vælg
 * adgangskode" + "Gentag adgangskode" with the rule shown up front. The server judges the
 * password (server/auth/password-policy.ts) and says why it refuses one; that reason is shown in
 * an error summary linked to the field. On success the session is set and the reply opens.
 * An expired or used invitation (410) gets a friendly page of its own.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import type { InvitationInfoResponse } from "../../shared/validation/people.js";
import { ApiError } from "../api.js";
import { peopleApi } from "../features/people/peopleApi.js";
import { da } from "../i18n/da.js";
import { PASSWORD_RULE, people } from "../i18n/people.js";
import { ErrorPanel } from "./ErrorPage.js";
import { usePageTitle } from "./Layout.js";
import { Loading } from "./Loading.js";
import { useSession } from "./Session.js";
import "../features/people/people.css";
import { errorMessage } from "../ui/errors.js";
import { ErrorSummary } from "../ui/ErrorSummary.js";

type Load = { status: "loading" } | { status: "gone" } | { status: "error"; message: string } | { status: "ok"; info: InvitationInfoResponse };

/** A malformed token (400), an unknown one and an expired or used one all mean: ask for a new one. */
const isGone = (error: unknown) => error instanceof ApiError && (error.status === 410 || error.status === 404 || error.status === 400);

export function InvitationPage() {
  const { token = "" } = useParams();
  const [load, setLoad] = useState<Load>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  usePageTitle(load.status === "gone" ? people.invitation.goneTitle : people.invitation.pageTitle);

  useEffect(() => {
    const controller = new AbortController();
    setLoad({ status: "loading" });
    peopleApi.getInvitation(token, controller.signal).then(
      (info) => setLoad({ status: "ok", info }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setLoad(isGone(error) ? { status: "gone" } : { status: "error", message: errorMessage(error) });
      },
    );
    return () => controller.abort();
  }, [token, attempt]);

  return (
    <main id="indhold" tabIndex={-1} className="page page--narrow">
      {load.status === "loading" ? <Loading text={people.invitation.loading} /> : null}
      {load.status === "gone" ? <Gone /> : null}
      {load.status === "error" ? (
        <ErrorPanel
          title={people.invitation.loadError}
          message={load.message}
          actionLabel={people.invitation.retry}
          onAction={() => setAttempt((n) => n + 1)}
        />
      ) : null}
      {load.status === "ok" ? <SetPassword token={token} info={load.info} onGone={() => setLoad({ status: "gone" })} /> : null}
    </main>
  );
}

function Gone() {
  return (
    <div className="invitation-gone">
      <h1>{people.invitation.goneTitle}</h1>
      <p className="lead">{people.invitation.gone}</p>
      <p>{people.invitation.goneSignIn}</p>
      <p>
        <Link to="/login">{people.invitation.signIn}</Link>
      </p>
    </div>
  );
}

type Field = "password" | "repeat";

function SetPassword({ token, info, onGone }: { token: string; info: InvitationInfoResponse; onGone: () => void }) {
  const { state, signedIn } = useSession();
  const navigate = useNavigate();
  const base = useId();
  const ids: Record<Field, string> = { password: "invitation-password", repeat: "invitation-repeat" };
  const ruleId = `${base}-rule`;
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [show, setShow] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [other, setOther] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const signedInAs = state.status === "authenticated" ? state.me.user : null;

  const fail = (next: Partial<Record<Field, string>>, message: string | null = null) => {
    setErrors(next);
    setOther(message);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!password) return fail({ password: people.invitation.missing });
    if (!repeat) return fail({ repeat: people.invitation.missingRepeat });
    if (password !== repeat) return fail({ repeat: people.invitation.mismatch });
    setBusy(true);
    try {
      const me = await peopleApi.acceptInvitation(token, password);
      signedIn(me);
      navigate(`/svar/${encodeURIComponent(info.documentId)}`, { replace: true });
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.status === 410) return onGone();
      if (error instanceof ApiError && error.code === "weak_password") return fail({ password: error.message });
      fail({}, errorMessage(error));
    }
  };

  const fields = (["password", "repeat"] as const).filter((f) => errors[f]);
  const describedBy = (field: Field, ...more: string[]) => [...more, ...(errors[field] ? [`${ids[field]}-error`] : [])].join(" ") || undefined;

  return (
    <>
      <h1>{people.invitation.title}</h1>
      <p className="lead">{people.invitation.invited(info.name, info.organisation)}</p>
      <dl className="invitation-facts">
        <div>
          <dt>{people.invitation.reply}</dt>
          <dd>{info.documentTitle}</dd>
        </div>
        <div>
          <dt>{people.invitation.role}</dt>
          <dd>
            <strong>{da.roles[info.role]}</strong>
            <span className="invitation-facts__help">{people.roleHelp[info.role]}</span>
          </dd>
        </div>
      </dl>

      {signedInAs ? (
        <div className="banner banner--info">
          <p className="banner__text">{people.invitation.signedInAs(signedInAs.name)}</p>
        </div>
      ) : null}

      <ErrorSummary
        variant="page"
        title={people.invitation.errorTitle}
        summaryRef={summaryRef}
        entries={[...(other ? [{ message: other }] : []), ...fields.map((f) => ({ fieldId: ids[f], message: errors[f] ?? "" }))]}
      />

      <form className="form" onSubmit={onSubmit} noValidate aria-busy={busy}>
        {/* For password managers: the account the new password belongs to. */}
        <div className="field">
          <label className="field__label" htmlFor={`${base}-email`}>
            {people.invitation.email}
          </label>
          <input id={`${base}-email`} className="input" type="email" autoComplete="username" value={info.email} readOnly />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={ids.password}>
            {people.invitation.password}
          </label>
          <p className="field__help" id={ruleId}>
            {PASSWORD_RULE}
          </p>
          {errors.password ? (
            <span className="field__error" id={`${ids.password}-error`}>
              <span className="visually-hidden">{people.errorPrefix}</span>
              {errors.password}
            </span>
          ) : null}
          <input
            id={ids.password}
            className="input"
            type={show ? "text" : "password"}
            autoComplete="new-password"
            spellCheck={false}
            autoCapitalize="off"
            value={password}
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={describedBy("password", ruleId)}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={ids.repeat}>
            {people.invitation.repeat}
          </label>
          {errors.repeat ? (
            <span className="field__error" id={`${ids.repeat}-error`}>
              <span className="visually-hidden">{people.errorPrefix}</span>
              {errors.repeat}
            </span>
          ) : null}
          <input
            id={ids.repeat}
            className="input"
            type={show ? "text" : "password"}
            autoComplete="new-password"
            spellCheck={false}
            autoCapitalize="off"
            value={repeat}
            aria-invalid={errors.repeat ? true : undefined}
            aria-describedby={describedBy("repeat")}
            onChange={(e) => setRepeat(e.target.value)}
          />
        </div>
        <label className="invitation-show">
          <input type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} /> {people.invitation.show}
        </label>
        <div>
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {busy ? people.invitation.submitting : people.invitation.submit}
          </button>
        </div>
      </form>
    </>
  );
}
