/**
 * indsendt: the seal (date and both fingerprints), checked again by the server on every view
 * (GET /final recomputes both hashes), and the downloads of the sealed PDF and DOCX.
 */
import { da } from "../../i18n/da.js";
import type { WorkflowResponse } from "../../../shared/validation/workflow.js";
import { api } from "../../api.js";
import { formatDateTime } from "../../i18n/da.js";
import { wf } from "../../i18n/workflow.js";
import { Loading } from "../../pages/Loading.js";
import { useWorkspace } from "../workspace/WorkspaceContext.js";
import { Hash } from "./Hash.js";
import { useResource } from "../../ui/useResource.js";

export function SealView({ workflow }: { workflow: WorkflowResponse }) {
  const { document } = useWorkspace();
  const forseglingsHash = workflow.seal?.forseglingsHash;
  const { resource: load, reload } = useResource((signal) => api.getFinal(document.id, signal), [document.id, forseglingsHash], {
    fallbackMessage: da.errors.generic,
  });

  const seal =
    workflow.seal ??
    (load.status === "ok" ? { indholdsHash: load.data.indholdsHash, forseglingsHash: load.data.forseglingsHash, sealedAt: load.data.sealedAt } : null);
  const verified = load.status === "ok" && load.data.verification.indholdsHash && load.data.verification.forseglingsHash && load.data.verification.bilag;

  return (
    <section className="wf-section wf-seal" aria-labelledby="wf-seal-heading">
      <h3 className="panel__subheading" id="wf-seal-heading">
        {wf.approval.sealTitle}
      </h3>
      {seal ? (
        <dl className="wf-facts">
          <dt>{wf.approval.sealedAt}</dt>
          <dd>
            <time dateTime={seal.sealedAt}>{formatDateTime(seal.sealedAt)}</time>
          </dd>
          <dt>{wf.approval.indholdsHash}</dt>
          <dd>
            <Hash value={seal.indholdsHash} />
          </dd>
          <dt>{wf.approval.forseglingsHash}</dt>
          <dd>
            <Hash value={seal.forseglingsHash} />
          </dd>
        </dl>
      ) : null}
      {load.status === "loading" ? <Loading text={wf.approval.sealChecking} /> : null}
      {load.status === "ok" && verified ? <p className="wf-ok wf-verified">{wf.approval.sealVerified}</p> : null}
      {load.status === "ok" && !verified ? (
        <p className="ui-error" role="alert">
          {wf.approval.sealBroken}
        </p>
      ) : null}
      {load.status === "error" ? (
        <div className="ui-error" role="alert">
          <p>{load.error.message}</p>
          <button type="button" className="button button--secondary button--small" onClick={reload}>
            {wf.common.retry}
          </button>
        </div>
      ) : null}

      <h3 className="panel__subheading">{wf.approval.downloads}</h3>
      <ul className="wf-downloads">
        <li>
          <a href={api.finalDownloadUrl(document.id, "pdf")} download>
            {wf.approval.downloadPdf}
          </a>
        </li>
        <li>
          <a href={api.finalDownloadUrl(document.id, "docx")} download>
            {wf.approval.downloadDocx}
          </a>
        </li>
        <li>
          <a href={api.finalDownloadUrl(document.id, "zip")} download>
            {wf.approval.downloadZip}
          </a>
        </li>
      </ul>
    </section>
  );
}
