/**
 * The coordinator's "Send påmindelse": a mail to the editors of the kommuner that have not
 * approved the frozen text yet, with an optional short note.
 */
import { useId, useState, type FormEvent } from "react";
import { peopleApi } from "../people/peopleApi.js";
import { wf } from "../../i18n/workflow.js";
import { useWorkspace } from "../workspace/WorkspaceContext.js";
import { errorMessage } from "../../ui/errors.js";

export function RemindKommuner({ waiting }: { waiting: number }) {
  const { document } = useWorkspace();
  const noteId = useId();
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  if (waiting === 0) return null;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const { recipients } = await peopleApi.remind(document.id, note.trim() || undefined);
      setMessage({ text: wf.remind.sent(recipients), error: false });
      setNote("");
    } catch (error) {
      setMessage({ text: errorMessage(error), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="wf-remind" onSubmit={(e) => void onSubmit(e)}>
      <h3 className="panel__subheading">{wf.remind.title}</h3>
      <p className="wf-small">{wf.remind.intro(waiting)}</p>
      <label className="field__label" htmlFor={noteId}>
        {wf.remind.note}
      </label>
      <textarea id={noteId} className="input" rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      <button type="submit" className="button button--secondary button--small" disabled={busy}>
        {busy ? wf.remind.sending : wf.remind.send}
      </button>
      <p role="status" className={message?.error ? "field__error" : "wf-small"}>
        {message?.text ?? ""}
      </p>
    </form>
  );
}
