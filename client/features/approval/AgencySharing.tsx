/**
 * "Del udkastet med styrelsen" (issue 18, item 6): before submission Social- og Boligstyrelsen
 * sees only the reply's state, completeness and deadline. The coordinator may let it read the
 * draft early, and take that back; everyone else sees whether it is shared.
 */
import { useId, useState } from "react";
import type { WorkflowResponse } from "../../../shared/validation/workflow.js";
import { api } from "../../api.js";
import { wf } from "../../i18n/workflow.js";
import { useWorkspace } from "../workspace/WorkspaceContext.js";
import { errorMessage } from "../../ui/errors.js";

export function AgencySharing({ workflow, editable, onChanged }: { workflow: WorkflowResponse; editable: boolean; onChanged: () => void }) {
  const { document } = useWorkspace();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const headingId = useId();
  const shared = workflow.sharedWithAgency;

  const toggle = async () => {
    setBusy(true);
    try {
      await api.setAgencySharing(document.id, !shared);
      setMessage({ text: shared ? wf.agencySharing.stopped : wf.agencySharing.started, error: false });
      onChanged();
    } catch (e) {
      setMessage({ text: errorMessage(e), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="wf-section" aria-labelledby={headingId}>
      <h3 className="panel__subheading" id={headingId}>
        {wf.agencySharing.title}
      </h3>
      <p className="wf-small">{shared ? wf.agencySharing.sharedNow : wf.agencySharing.notShared}</p>
      {editable ? (
        <div className="ui-actions">
          <button type="button" className="button button--secondary button--small" aria-pressed={shared} disabled={busy} onClick={() => void toggle()}>
            {shared ? wf.agencySharing.stop : wf.agencySharing.share}
          </button>
        </div>
      ) : null}
      <div role="status" className="wf-small">
        {message ? <p className={message.error ? "ui-error" : "wf-ok"}>{message.text}</p> : null}
      </div>
    </section>
  );
}
