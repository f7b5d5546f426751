/**
 * The koordinator's "Invitér en person": name, e-mail, organisation (grouped by kind) and a role
 * that fits the organisation. Errors are listed in a summary that links to each field (and the
 * fields say them too). On success the link goes to the person by mail; only where no mail server
 * is configured (the demo) is it also shown here to copy, with its expiry.
 */
import { useId, useRef, useState, type FormEvent, type RefObject } from "react";
import { InvitationLink } from "./InvitationLink.js";
import { ApiError } from "../../api.js";
import { peopleApi } from "./peopleApi.js";
import { da } from "../../i18n/da.js";
import { people } from "../../i18n/people.js";
import { groupOrganisations, rolesFor, type MemberRole, type Organisation } from "./roles.js";
import { ErrorSummary } from "../../ui/ErrorSummary.js";
import { check } from "../../ui/validate.js";
import { InviteBody } from "../../../shared/validation/people.js";

type Field = "name" | "email" | "organisation" | "role";
const FIELDS: readonly Field[] = ["name", "email", "organisation", "role"];
type Errors = Partial<Record<Field, string>>;

/** Where the server's refusals belong (server/commands/inviteMember.ts). */
const FIELD_OF_CODE: Record<string, Field> = { bad_role: "role", bad_organisation: "organisation", other_organisation: "email", bad_email_domain: "email" };

/** A link to pass on (no mail server), a link sent by mail, or an existing account added at once. */
type Result =
  | { kind: "link"; name: string; role: MemberRole; link: string; expiresAt: string | null }
  | { kind: "mailed"; name: string; role: MemberRole; email: string }
  | { kind: "added"; name: string; role: MemberRole };

export function InviteForm(props: { documentId: string; organisations: readonly Organisation[]; onInvited: (message: string) => void }) {
  const { documentId, organisations, onInvited } = props;
  const base = useId();
  const ids = Object.fromEntries(FIELDS.map((f) => [f, `${base}-${f}`])) as Record<Field, string>;
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [organisationId, setOrganisationId] = useState("");
  const [role, setRole] = useState<MemberRole | "">("");
  const [errors, setErrors] = useState<Errors>({});
  const [summaryOnly, setSummaryOnly] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  const organisation = organisations.find((o) => o.id === organisationId) ?? null;
  const roles = organisation ? rolesFor(organisation.kind) : [];
  const groups = groupOrganisations(organisations);

  const showErrors = (next: Errors, other: string | null = null) => {
    setErrors(next);
    setSummaryOnly(other);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  /** The route's own schema, plus the one rule it cannot know: the role must fit the organisation. */
  const validate = (): Errors => {
    const checked = check(InviteBody, { name, email, organisationId, role });
    const found = checked.ok ? {} : checked.errors;
    const next: Errors = {};
    if (found.name) next.name = found.name;
    if (found.email) next.email = found.email;
    if (found.organisationId) next.organisation = found.organisationId;
    else if (found.role) next.role = found.role;
    else if (organisation && role && !rolesFor(organisation.kind).includes(role)) next.role = people.invite.roleDoesNotFit;
    return next;
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const found = validate();
    if (Object.keys(found).length > 0 || !role) return showErrors(found);
    setBusy(true);
    setErrors({});
    setSummaryOnly(null);
    const invitee = name.trim();
    try {
      const created = await peopleApi.invite(documentId, { name: invitee, email: email.trim(), organisationId, role });
      const invitedEmail = email.trim();
      setResult(
        created.link
          ? { kind: "link", name: invitee, role, link: created.link, expiresAt: created.expiresAt }
          : created.mailed
            ? { kind: "mailed", name: invitee, role, email: invitedEmail }
            : { kind: "added", name: invitee, role },
      );
      setName("");
      setEmail("");
      setOrganisationId("");
      setRole("");
      onInvited(created.mailed ? people.invite.createdTitle(invitee) : people.invite.addedDirectly(invitee, da.roles[role]));
      requestAnimationFrame(() => resultRef.current?.focus());
    } catch (err) {
      const error = err instanceof ApiError ? err : new ApiError(0, "unknown", da.errors.generic);
      const refused = FIELD_OF_CODE[error.code] ? { field: FIELD_OF_CODE[error.code]!, message: error.message } : invalidField(error);
      if (refused) showErrors({ [refused.field]: refused.message });
      else showErrors({}, error.message);
    } finally {
      setBusy(false);
    }
  };

  const errorList = FIELDS.filter((f) => errors[f]);
  const describedBy = (field: Field, ...more: (string | false)[]) =>
    [...more, errors[field] ? `${ids[field]}-error` : false].filter(Boolean).join(" ") || undefined;

  return (
    <section className="people-invite" aria-labelledby={`${base}-title`}>
      <h3 className="panel__subheading" id={`${base}-title`}>
        {people.invite.title}
      </h3>

      {result ? (
        <InviteResult
          result={result}
          headingRef={resultRef}
          onAnother={() => {
            setResult(null);
            nameRef.current?.focus();
          }}
        />
      ) : null}

      <p className="people-help">{people.invite.intro}</p>
      <ErrorSummary
        variant="panel"
        title={people.invite.errorTitle}
        summaryRef={summaryRef}
        entries={[...(summaryOnly ? [{ message: summaryOnly }] : []), ...errorList.map((f) => ({ fieldId: ids[f], message: errors[f] ?? "" }))]}
      />

      <form className="people-form" onSubmit={onSubmit} noValidate aria-busy={busy}>
        <div className="field">
          <label className="field__label" htmlFor={ids.name}>
            {people.invite.name}
          </label>
          <FieldError id={`${ids.name}-error`} message={errors.name} />
          <input
            ref={nameRef}
            id={ids.name}
            className="input"
            type="text"
            autoComplete="off"
            value={name}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={describedBy("name")}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={ids.email}>
            {people.invite.email}
          </label>
          <p className="field__help" id={`${ids.email}-help`}>
            {people.invite.emailHelp}
          </p>
          <FieldError id={`${ids.email}-error`} message={errors.email} />
          <input
            id={ids.email}
            className="input"
            type="email"
            inputMode="email"
            autoComplete="off"
            spellCheck={false}
            value={email}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={describedBy("email", `${ids.email}-help`)}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={ids.organisation}>
            {people.invite.organisation}
          </label>
          <FieldError id={`${ids.organisation}-error`} message={errors.organisation} />
          <select
            id={ids.organisation}
            className="select"
            value={organisationId}
            aria-invalid={errors.organisation ? true : undefined}
            aria-describedby={describedBy("organisation")}
            onChange={(e) => {
              const next = organisations.find((o) => o.id === e.target.value);
              setOrganisationId(e.target.value);
              // A role the new organisation cannot hold is dropped, never silently sent.
              if (role && (!next || !rolesFor(next.kind).includes(role))) setRole("");
            }}
          >
            <option value="">{people.invite.chooseOrganisation}</option>
            {groups.map((g) => (
              <optgroup key={g.kind} label={g.label}>
                {g.organisations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={ids.role}>
            {people.invite.role}
          </label>
          <p className="field__help" id={`${ids.role}-help`}>
            {organisation ? (role ? people.roleHelp[role] : people.invite.roleRule) : people.invite.chooseOrganisationFirst}
          </p>
          <FieldError id={`${ids.role}-error`} message={errors.role} />
          <select
            id={ids.role}
            className="select"
            value={role}
            disabled={!organisation}
            aria-invalid={errors.role ? true : undefined}
            aria-describedby={describedBy("role", `${ids.role}-help`)}
            onChange={(e) => setRole(e.target.value as MemberRole | "")}
          >
            <option value="">{people.invite.chooseRole}</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {da.roles[r]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {busy ? people.invite.submitting : people.invite.submit}
          </button>
        </div>
      </form>
    </section>
  );
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <span className="field__error" id={id}>
      <span className="visually-hidden">{people.errorPrefix}</span>
      {message}
    </span>
  );
}

/** The field a zod refusal (400 invalid_input, details: [{ path, message }]) is about, with the schema's own message. */
function invalidField(error: ApiError): { field: Field; message: string } | null {
  if (error.code !== "invalid_input" || !Array.isArray(error.details)) return null;
  const first = error.details[0] as { path?: unknown[]; message?: unknown } | undefined;
  const key = first?.path?.[0];
  const field = key === "organisationId" ? "organisation" : FIELDS.includes(key as Field) ? (key as Field) : null;
  return field ? { field, message: typeof first?.message === "string" ? first.message : error.message } : null;
}

function InviteResult({ result, headingRef, onAnother }: { result: Result; headingRef: RefObject<HTMLHeadingElement | null>; onAnother: () => void }) {
  return (
    <div className="people-result">
      <h4 className="people-result__title" tabIndex={-1} ref={headingRef}>
        {result.kind === "added" ? people.invite.addedDirectly(result.name, da.roles[result.role]) : people.invite.createdTitle(result.name)}
      </h4>
      {result.kind === "link" ? <InvitationLink link={result.link} expiresAt={result.expiresAt} /> : null}
      {result.kind === "mailed" ? <p className="people-note">{people.invite.mailed(result.email)}</p> : null}
      <button type="button" className="button--link" onClick={onAnother}>
        {people.invite.another}
      </button>
    </div>
  );
}
