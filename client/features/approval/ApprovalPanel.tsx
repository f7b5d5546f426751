/**
 * The side panel "Godkendelse": where the reply is in its workflow (udkast → til godkendelse →
 * godkendt af alle kommuner → indsendt, docs/design/reply-template.md §6) and the step each
 * person can take from there:
 *
 *   udkast           koordinator: "Send til godkendelse" (errors block; advarsler are
 *                    acknowledged one by one; a confirmation explains the freeze)
 *   til_godkendelse  the frozen text's hash, every kommune's approval (who/when/grundlag), the
 *                    internal deadline; a kommunal redaktør approves on behalf of their kommune
 *                    (grundlag + the hash they read); koordinator: back to udkast with a reason
 *   godkendt         koordinator: "Indsend svaret" (irreversible: confirmation)
 *   indsendt         the seal (date, both hashes, verified by the server) and the downloads
 *
 * The server decides; the panel refreshes on the `workflow` and `approvals` events. The user's
 * own changes refused after the freeze are listed at the end, with a copy button each.
 *
 * One module per step: RequestApproval, ApproveForm, ReopenReply, SubmitReply, SealView, with
 * ApprovalProgress (fingerprint and kommuner) and InternalDeadline shared by several states.
 */
import { useRef, useState } from "react";
import type { WorkflowResponse } from "../../../shared/validation/workflow.js";
import { wf } from "../../i18n/workflow.js";
import { Loading } from "../../pages/Loading.js";
import { useWorkspace } from "../workspace/WorkspaceContext.js";
import { ApprovalProgress, FrozenFacts } from "./ApprovalProgress.js";
import { ApproveForm } from "./ApproveForm.js";
import type { OnDone } from "./errors.js";
import { InternalDeadline } from "./InternalDeadline.js";
import { AgencySharing } from "./AgencySharing.js";
import { OnBehalfForm } from "./OnBehalfForm.js";
import { Supplements } from "./Supplements.js";
import { RemindKommuner } from "./RemindKommuner.js";
import { RejectedChangesList } from "./RejectedChanges.js";
import { ReopenReply } from "./ReopenReply.js";
import { RequestApproval } from "./RequestApproval.js";
import { SealView } from "./SealView.js";
import { Steps } from "./Steps.js";
import { SubmitReply } from "./SubmitReply.js";
import { useRejectedChanges } from "./useRejectedChanges.js";
import { useWorkflow } from "./useWorkflow.js";
import "./workflow.css";
import { can } from "../../../shared/policy.js";

export function ApprovalPanel() {
  const { workflowState } = useWorkspace();
  const { load, refresh } = useWorkflow();
  const { changes, limitReached } = useRejectedChanges();
  const [notice, setNotice] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);
  const state = load.status === "ok" ? load.workflow.state : workflowState;

  /** After a step: say what happened, refresh, and keep the focus in the panel (the button that was used may be gone). */
  const onDone = (message: string) => {
    setNotice(message);
    refresh();
    heading.current?.focus();
  };

  return (
    <section className="panel wf-panel" aria-labelledby="approval-heading" data-state={state}>
      <h2 className="panel__heading" id="approval-heading" ref={heading} tabIndex={-1}>
        {wf.approval.title}
      </h2>
      <Steps state={state} />
      <p className="wf-intro">{wf.approval.intro[state]}</p>
      <div role="status" aria-live="polite" className="wf-notice-region">
        {notice ? <p className="wf-notice">{notice}</p> : null}
      </div>

      {load.status === "loading" ? <Loading /> : null}
      {load.status === "error" ? (
        <div className="ui-error" role="alert">
          <p>{load.message}</p>
          <button type="button" className="button button--secondary button--small" onClick={refresh}>
            {wf.common.retry}
          </button>
        </div>
      ) : null}
      {load.status === "ok" ? <StateBody workflow={load.workflow} onDone={onDone} onChanged={refresh} /> : null}

      <RejectedChangesList changes={changes} limitReached={limitReached} />
    </section>
  );
}

function StateBody({ workflow, onDone, onChanged }: { workflow: WorkflowResponse; onDone: OnDone; onChanged: () => void }) {
  const { document, me } = useWorkspace();
  const isCoordinator = can(document.role, "manage");
  const total = workflow.approvals.length;
  const given = workflow.approvals.filter((a) => a.approval !== null).length;
  const kommunekode = me.user.organisation.kind === "kommune" ? me.user.organisation.kommunekode : null;
  const own = kommunekode ? workflow.approvals.find((a) => a.kommunekode === kommunekode) : undefined;
  const mayApprove = can(document.role, "approve") && own !== undefined;

  switch (workflow.state) {
    case "udkast":
      return (
        <>
          <p className="wf-small">{wf.approval.kommunerMustApprove(total)}</p>
          {isCoordinator ? <RequestApproval total={total} onDone={onDone} /> : <p className="wf-small muted">{wf.approval.waitingForCoordinator}</p>}
          <InternalDeadline workflow={workflow} editable={isCoordinator} onChanged={onChanged} />
          <AgencySharing workflow={workflow} editable={isCoordinator} onChanged={onChanged} />
        </>
      );
    case "til_godkendelse":
      return (
        <>
          <FrozenFacts workflow={workflow} />
          {mayApprove && own && own.approval === null && workflow.frozenHash ? (
            <ApproveForm kommune={own.kommune} frozenHash={workflow.frozenHash} onDone={onDone} onStale={onChanged} />
          ) : null}
          {own?.approval ? <p className="wf-ok">{wf.approval.approvedOwn(own.kommune)}</p> : null}
          <ApprovalProgress workflow={workflow} ownCode={kommunekode} />
          <InternalDeadline workflow={workflow} editable={isCoordinator} onChanged={onChanged} />
          {isCoordinator ? <RemindKommuner waiting={total - given} /> : null}
          {isCoordinator ? <OnBehalfForm workflow={workflow} onDone={onDone} /> : null}
          <AgencySharing workflow={workflow} editable={isCoordinator} onChanged={onChanged} />
          {isCoordinator ? <ReopenReply given={given} onDone={onDone} /> : null}
        </>
      );
    case "godkendt":
      return (
        <>
          <FrozenFacts workflow={workflow} />
          {isCoordinator ? <SubmitReply onDone={onDone} /> : null}
          <ApprovalProgress workflow={workflow} ownCode={kommunekode} />
          <AgencySharing workflow={workflow} editable={isCoordinator} onChanged={onChanged} />
          {isCoordinator ? <ReopenReply given={given} onDone={onDone} /> : null}
        </>
      );
    case "indsendt":
      return (
        <>
          <SealView workflow={workflow} />
          <Supplements />
          <ApprovalProgress workflow={workflow} ownCode={kommunekode} />
        </>
      );
  }
}
