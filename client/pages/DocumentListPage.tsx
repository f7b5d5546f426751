/** "Mine svar": the replies the user may open, with state, completeness, deadline, role and last change. */
import { useEffect, useState } from "react";
import { Link } from "react-router";
import type { DocumentListItemDto, DocumentSummaryDto } from "../../shared/validation/api.js";
import { DeadlineBadge } from "../features/approval/deadline.js";
import { api, ApiError } from "../api.js";
import { da, formatDate, formatDateTime } from "../i18n/da.js";
import { ErrorPanel } from "./ErrorPage.js";
import { usePageTitle } from "./Layout.js";
import { Loading } from "./Loading.js";
import { useSession } from "./Session.js";
import { wf } from "../i18n/workflow.js";

type ListState = { status: "loading" } | { status: "error"; message: string } | { status: "ok"; documents: DocumentListItemDto[] };

export function StateLabel({ state }: { state: DocumentSummaryDto["state"] }) {
  return <span className={`state-label state-label--${state}`}>{da.states[state]}</span>;
}

export function DocumentListPage() {
  usePageTitle(da.list.title);
  const { state: session } = useSession();
  // The agency reads a reply once it is submitted or shared; until then the overview shows where each stands.
  const agency = session.status === "authenticated" && session.me.user.organisation.kind === "styrelse";
  const [state, setState] = useState<ListState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: "loading" });
    api.listDocuments(controller.signal).then(
      (response) => setState({ status: "ok", documents: response.documents }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: "error", message: error instanceof ApiError ? error.message : da.list.loadError });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  return (
    <main id="indhold" tabIndex={-1} className="page">
      <h1>{da.list.title}</h1>
      <p className="lead">{da.list.intro}</p>
      {state.status === "loading" ? <Loading /> : null}
      {state.status === "error" ? (
        <ErrorPanel title={da.list.loadError} message={state.message} actionLabel={da.list.retry} onAction={() => setAttempt((n) => n + 1)} />
      ) : null}
      {state.status === "ok" && state.documents.length === 0 ? (
        <div className="empty-state">
          <h2>{da.list.emptyTitle}</h2>
          {agency ? (
            <p>
              {da.list.emptyAgency} <Link to="/overblik">{wf.overview.nav}</Link>
            </p>
          ) : (
            <p>{da.list.empty}</p>
          )}
        </div>
      ) : null}
      {state.status === "ok" && state.documents.length > 0 ? (
        <table className="table document-table">
          <caption className="visually-hidden">{da.list.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{da.list.colTitle}</th>
              <th scope="col">{da.list.colRegion}</th>
              <th scope="col">{da.list.colState}</th>
              <th scope="col">{da.list.colCompleteness}</th>
              <th scope="col">{da.list.colDeadline}</th>
              <th scope="col">{da.list.colRole}</th>
              <th scope="col">{da.list.colUpdated}</th>
            </tr>
          </thead>
          <tbody>
            {state.documents.map((d) => (
              <tr key={d.id}>
                <th scope="row">
                  <Link to={`/svar/${encodeURIComponent(d.id)}`}>{d.title}</Link>
                </th>
                <td>{d.regionName}</td>
                <td>
                  <StateLabel state={d.state} />
                </td>
                <td>
                  <progress className="document-table__progress" max={Math.max(d.completeness.total, 1)} value={d.completeness.met} aria-hidden="true" />
                  <span className="document-table__progress-text">{da.list.completeness(d.completeness.met, d.completeness.total)}</span>
                  <span className="document-table__findings">{da.list.findings(d.completeness.errors, d.completeness.warnings)}</span>
                </td>
                <td>
                  <span className="document-table__deadline">{formatDate(d.deadline)}</span>
                  {d.state === "indsendt" ? null : <DeadlineBadge deadline={d.deadline} />}
                </td>
                <td>{da.roles[d.role]}</td>
                <td>
                  <time dateTime={d.updatedAt}>{formatDateTime(d.updatedAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </main>
  );
}
