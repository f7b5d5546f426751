/**
 * The reply's workflow status (GET …/workflow), refreshed on the server's `workflow` and
 * `approvals` events and whenever the page's workflow state changes. Only the newest answer is
 * kept, so a slow response never overwrites a newer one.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { WorkflowResponse } from "../../../shared/validation/workflow.js";
import { api, ApiError } from "../../api.js";
import { wf } from "../../i18n/workflow.js";
import { useServerEvent, useWorkspace } from "../workspace/WorkspaceContext.js";

export type WorkflowLoad = { status: "loading" } | { status: "error"; message: string } | { status: "ok"; workflow: WorkflowResponse };

export function useWorkflow(): { load: WorkflowLoad; refresh: () => void } {
  const { document, workflowState } = useWorkspace();
  const [load, setLoad] = useState<WorkflowLoad>({ status: "loading" });
  const sequence = useRef(0);

  const refresh = useCallback(() => {
    const mine = ++sequence.current;
    api.getWorkflow(document.id).then(
      (workflow) => {
        if (mine === sequence.current) setLoad({ status: "ok", workflow });
      },
      (error: unknown) => {
        if (mine !== sequence.current) return;
        // Keep showing what we have; only a first load without data becomes an error state.
        setLoad((prev) => (prev.status === "ok" ? prev : { status: "error", message: error instanceof ApiError ? error.message : wf.common.loadError }));
      },
    );
  }, [document.id]);

  useEffect(() => {
    refresh();
    // Bumping the counter on cleanup is the point: an answer still in flight is then ignored.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    return () => void sequence.current++;
  }, [refresh, workflowState]);

  useServerEvent((event) => {
    if (event.type === "approvals" || event.type === "workflow") refresh();
  });

  return { load, refresh };
}
