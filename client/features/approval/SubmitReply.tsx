/** godkendt → indsendt, for the koordinator: irreversible, so a confirmation comes first. */
import { useState } from "react";
import type { CompletenessReport } from "../../../shared/template/types.js";
import { api, ApiError } from "../../api.js";
import { wf } from "../../i18n/workflow.js";
import { useWorkspace } from "../workspace/WorkspaceContext.js";
import { ConfirmDialog } from "../../ui/Dialog.js";
import { type OnDone } from "./errors.js";
import { errorMessage } from "../../ui/errors.js";

export function SubmitReply({ onDone }: { onDone: OnDone }) {
  const { document } = useWorkspace();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.submit(document.id);
      setConfirming(false);
      onDone(wf.approval.submitted);
    } catch (e) {
      const findings =
        e instanceof ApiError && e.code === "not_submittable"
          ? ((e.details as CompletenessReport | undefined)?.findings ?? []).filter((f) => f.severity === "fejl")
          : [];
      setError(findings.length > 0 ? `${wf.approval.notSubmittable} ${findings.map((f) => f.message).join(" ")}` : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="wf-section">
      <button
        type="button"
        className="button wf-primary"
        onClick={() => {
          setError(null);
          setConfirming(true);
        }}
      >
        {wf.approval.submit}
      </button>
      <ConfirmDialog
        open={confirming}
        title={wf.approval.submitDialogTitle}
        confirmLabel={wf.approval.submitConfirm}
        onConfirm={submit}
        onCancel={() => setConfirming(false)}
        busy={busy}
        error={error}
      >
        <p>{wf.approval.submitDialogBody}</p>
      </ConfirmDialog>
    </div>
  );
}
