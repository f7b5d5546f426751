/**
 * The user's own edits that were refused because the reply was frozen: per field its label and
 * the user's text, with a copy button. Shown in the approval panel; the reply page shows a banner
 * that leads here ("se dem her").
 */
import { useState } from "react";
import { formatDateTime } from "../../i18n/da.js";
import { wf } from "../../i18n/workflow.js";
import { useWorkspace } from "../workspace/WorkspaceContext.js";
import type { RejectedChangeDto } from "../../api.js";
import { useRejectedChanges } from "./useRejectedChanges.js";

export const REJECTED_SECTION_ID = "afviste-aendringer";
/** Opens the approval panel and moves the focus to the refused changes. */
function showRejectedChanges(showPanel: (id: "godkendelse") => void): void {
  showPanel("godkendelse");
  requestAnimationFrame(() => {
    const section = document.getElementById(REJECTED_SECTION_ID);
    section?.scrollIntoView({ block: "start" });
    section?.focus({ preventScroll: true });
  });
}

function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  };
  return (
    <span className="wf-copy">
      <button type="button" className="button button--secondary button--small" onClick={onCopy} aria-label={`${wf.common.copy}: ${label}`}>
        {wf.common.copy}
      </button>
      <span role="status" className="wf-copy__status">
        {state === "copied" ? wf.common.copied : state === "failed" ? wf.common.copyFailed : ""}
      </span>
    </span>
  );
}

export function RejectedChangesList({ changes, limitReached }: { changes: RejectedChangeDto[]; limitReached: boolean }) {
  if (changes.length === 0 && !limitReached) return null;
  return (
    <section className="wf-section wf-rejected" id={REJECTED_SECTION_ID} tabIndex={-1} aria-labelledby={`${REJECTED_SECTION_ID}-heading`}>
      <h3 className="panel__subheading" id={`${REJECTED_SECTION_ID}-heading`}>
        {wf.approval.rejectedTitle}
      </h3>
      <p className="wf-small">{wf.approval.rejectedIntro}</p>
      {limitReached ? <p className="wf-small wf-rejected__limit">{wf.approval.rejectedLimit}</p> : null}
      <ul className="wf-rejected__list">
        {changes.flatMap((c) =>
          c.changes.map((field) => {
            const id = `${REJECTED_SECTION_ID}-${c.id}-${field.id}`.replace(/[^A-Za-z0-9_-]/g, "-");
            return (
              <li key={`${c.id}:${field.id}`} className="wf-rejected__item">
                <label className="wf-rejected__label" htmlFor={id}>
                  {field.label}
                </label>
                <p className="wf-small muted" id={`${id}-when`}>
                  {wf.approval.rejectedAt(formatDateTime(c.createdAt))}
                </p>
                {/* Read-only, but focusable and selectable: the text is theirs to copy. */}
                <textarea
                  id={id}
                  className="input wf-rejected__text"
                  readOnly
                  rows={Math.min(8, Math.max(3, Math.ceil(field.yourVersion.length / 40)))}
                  value={field.yourVersion}
                  aria-describedby={`${id}-when`}
                />
                <CopyButton text={field.yourVersion} label={field.label} />
              </li>
            );
          }),
        )}
      </ul>
    </section>
  );
}

const dismissedKey = (documentId: string) => `regionssvar:rejected-dismissed:${documentId}`;

function readDismissed(documentId: string): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(dismissedKey(documentId)) ?? "[]");
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

/** The reply page's banner: shown while there are refused changes the user has not hidden. */
export function RejectedChangesBanner() {
  const { document, showPanel } = useWorkspace();
  const { changes } = useRejectedChanges();
  const [dismissed, setDismissed] = useState<string[]>(() => readDismissed(document.id));
  const unseen = changes.filter((c) => !dismissed.includes(c.id));
  if (unseen.length === 0) return null;
  const hide = () => {
    const next = [...new Set([...dismissed, ...changes.map((c) => c.id)])];
    setDismissed(next);
    try {
      localStorage.setItem(dismissedKey(document.id), JSON.stringify(next));
    } catch {
      // private mode: hidden for this page view only
    }
  };
  return (
    <div className="banner banner--warning wf-rejected-banner" role="status">
      <p className="banner__text">
        {wf.approval.rejectedBanner} —{" "}
        <button type="button" className="button--link wf-inline-link" onClick={() => showRejectedChanges(showPanel)}>
          {wf.approval.rejectedShow}
        </button>
      </p>
      <button type="button" className="button button--secondary button--small" onClick={hide}>
        {wf.approval.rejectedHide}
      </button>
    </div>
  );
}
