/**
 * "Supplerende svar" (issue 18, item 5): a submitted reply is never changed; a correction is a new
 * reply linked to it, from its sealed text, with its own approvals and seal. The coordinator
 * creates it here; everyone sees the supplements made and is taken to them.
 */
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { can } from "../../../shared/policy.js";
import { documentPath, request } from "../../api.js";
import { errorMessage } from "../../ui/errors.js";
import { da } from "../../i18n/da.js";
import { supplementTexts as t } from "../../i18n/supplements.js";
import { useWorkspace } from "../workspace/WorkspaceContext.js";

export function Supplements() {
  const { document } = useWorkspace();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = document.supplementedBy.find((s) => s.state !== "indsendt");

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const { documentId } = await request<{ documentId: string }>("POST", `${documentPath(document.id)}/supplements`);
      navigate(`/svar/${encodeURIComponent(documentId)}`);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <section className="wf-section" aria-labelledby="wf-supplements-heading">
      <h3 className="panel__subheading" id="wf-supplements-heading">
        {t.title}
      </h3>
      <p className="wf-small">{t.intro}</p>
      {document.supplementedBy.length > 0 ? (
        <ul className="wf-downloads">
          {document.supplementedBy.map((s) => (
            <li key={s.id}>
              <Link to={`/svar/${encodeURIComponent(s.id)}`}>{s.title}</Link> <span className="wf-small muted">({da.states[s.state]})</span>
            </li>
          ))}
        </ul>
      ) : null}
      {can(document.role, "manage") && !open ? (
        <div className="ui-actions">
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => void create()}>
            {t.create}
          </button>
        </div>
      ) : null}
      {error ? (
        <p className="ui-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}

/** Above a supplerende svar's text: what it supplements. */
export function SupplementBanner() {
  const { document } = useWorkspace();
  if (!document.supplements) return null;
  return (
    <p className="banner banner--info">
      {t.banner} <Link to={`/svar/${encodeURIComponent(document.supplements.id)}`}>{document.supplements.title}</Link>.
    </p>
  );
}
