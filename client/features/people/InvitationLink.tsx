/**
 * A single-use invitation link to copy, shown only where no mail server sends it (the demo): the
 * field selects itself on focus, "Kopiér link" copies, and a failed copy says to copy by hand.
 */
import { useId, useRef, useState } from "react";
import { formatDateTime } from "../../i18n/da.js";
import { people } from "../../i18n/people.js";

export function InvitationLink({ link, expiresAt }: { link: string; expiresAt: string | null }) {
  const linkId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<"idle" | "copied" | "failed">("idle");

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopyState("copied");
    } catch {
      inputRef.current?.select();
      setCopyState("failed");
    }
  };

  return (
    <>
      <div className="field">
        <label className="field__label" htmlFor={linkId}>
          {people.invite.link}
        </label>
        <p className="field__help" id={`${linkId}-help`}>
          {people.invite.linkHelp} {expiresAt ? people.invite.expires(formatDateTime(expiresAt)) : null}
        </p>
        <input
          ref={inputRef}
          id={linkId}
          className="input people-result__link"
          type="text"
          readOnly
          value={link}
          aria-describedby={`${linkId}-help`}
          onFocus={(e) => e.currentTarget.select()}
        />
      </div>
      <div className="people-actions">
        <button type="button" className="button button--secondary button--small" onClick={() => void copy()}>
          {people.invite.copy}
        </button>
        <span role="status" className="people-help">
          {copyState === "copied" ? people.invite.copied : copyState === "failed" ? people.invite.copyFailed : ""}
        </span>
      </div>
      <p className="people-note">{people.invite.noEmail}</p>
    </>
  );
}
