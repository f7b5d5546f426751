/**
 * "Bilag": the reply's files (PDF, DOCX or XLSX). Everyone who reads the reply can download them;
 * editors add and remove them while the reply is a draft. The sealed reply names each file with
 * its SHA-256, and the whole submission can be fetched as one zip.
 */
import { useId, useRef, useState } from "react";
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_COUNT, type AttachmentDto } from "../../../shared/validation/attachments.js";
import { can, isFrozen } from "../../../shared/policy.js";
import { formatDateTime, formatNumber } from "../../../shared/danish.js";
import { useServerEvent, useWorkspace } from "../workspace/WorkspaceContext.js";
import { useResource } from "../../ui/useResource.js";
import { errorMessage } from "../../ui/errors.js";
import { attachmentTexts as t } from "../../i18n/attachments.js";
import { attachmentsApi } from "./attachmentsApi.js";

const ACCEPT =
  ".pdf,.docx,.xlsx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const megabytes = (bytes: number) => `${formatNumber(Math.max(0.1, Math.round((bytes / 1024 / 1024) * 10) / 10))} MB`;

export function AttachmentsPanel() {
  const { document, workflowState } = useWorkspace();
  const { resource, reload } = useResource((signal) => attachmentsApi.list(document.id, signal), [document.id], {
    fallbackMessage: t.loadError,
    keepWhileReloading: true,
  });
  useServerEvent((event) => {
    if (event.type === "attachments") reload();
  });
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const editable = can(document.role, "edit") && !isFrozen(workflowState);
  const list: AttachmentDto[] = resource.status === "ok" ? resource.data.attachments : [];

  const add = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > ATTACHMENT_MAX_BYTES) return setMessage({ text: t.tooLarge(file.name, megabytes(ATTACHMENT_MAX_BYTES)), error: true });
    setBusy(true);
    try {
      await attachmentsApi.add(document.id, file);
      setMessage({ text: t.added(file.name), error: false });
      reload();
    } catch (e) {
      setMessage({ text: errorMessage(e), error: true });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  };
  const remove = async (a: AttachmentDto) => {
    setBusy(true);
    try {
      await attachmentsApi.remove(document.id, a.id);
      setMessage({ text: t.removed(a.filename), error: false });
      reload();
    } catch (e) {
      setMessage({ text: errorMessage(e), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="attachments" aria-label={t.title}>
      <p className="wf-small">{editable ? t.intro(ATTACHMENT_MAX_COUNT, megabytes(ATTACHMENT_MAX_BYTES)) : t.introLocked}</p>
      {resource.status === "loading" ? <p className="muted">{t.loading}</p> : null}
      {resource.status === "error" ? (
        <p className="ui-error" role="alert">
          {resource.error.message}
        </p>
      ) : null}
      {resource.status === "ok" && list.length === 0 ? <p className="muted">{t.empty}</p> : null}
      {list.length > 0 ? (
        <ul className="attachments__list">
          {list.map((a) => (
            <li key={a.id} className="attachments__item">
              <a href={attachmentsApi.downloadUrl(document.id, a.id)} download>
                {a.filename}
              </a>
              <span className="wf-small muted"> {t.facts(a.kind.toUpperCase(), megabytes(a.size), a.uploadedBy, formatDateTime(a.uploadedAt))}</span>
              {editable ? (
                <button type="button" className="button--link" disabled={busy} onClick={() => void remove(a)} aria-label={t.removeLabel(a.filename)}>
                  {t.remove}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {editable ? (
        <div className="field">
          <label htmlFor={inputId} className="field__label">
            {t.add}
          </label>
          <input
            ref={input}
            id={inputId}
            type="file"
            accept={ACCEPT}
            disabled={busy || list.length >= ATTACHMENT_MAX_COUNT}
            onChange={(e) => void add(e.target.files?.[0])}
          />
        </div>
      ) : null}
      <div role="status" className="wf-small">
        {busy ? <p>{t.working}</p> : message ? <p className={message.error ? "ui-error" : "wf-ok"}>{message.text}</p> : null}
      </div>
    </section>
  );
}
