/**
 * "Nationalt overblik" (/overblik): Social- og Boligstyrelsen's view of the five regions'
 * replies: state, progress per item, errors, approvals, the capacity offered (and the national
 * sum against the need of 80–100 women a year), the deadline, and the sealed documents with
 * their downloads. Only the agency may read it (the server answers 403 to anyone else).
 */
import { Link } from "react-router";
import type { ProgressKey } from "../../shared/template/types.js";
import { api, type OverviewResponse, type OverviewRowDto } from "../api.js";
import { da, formatDate, formatDateTime, formatNumber } from "../i18n/da.js";
import { wf } from "../i18n/workflow.js";
import { comparisonTexts } from "../i18n/comparison.js";
import { DeadlineBadge } from "../features/approval/deadline.js";
import { StateLabel } from "./DocumentListPage.js";
import { ErrorPanel } from "./ErrorPage.js";
import { usePageTitle } from "./Layout.js";
import { Loading } from "./Loading.js";
import "../features/approval/workflow.css";
import "./overview.css";
import { useResource } from "../ui/useResource.js";

const PROGRESS_KEYS: readonly ProgressKey[] = ["hoved", "1", "2", "3", "4"];

export function OverviewPage() {
  usePageTitle(wf.overview.title);
  // Refreshing keeps the table in view until the new figures arrive.
  const { resource: load, reload } = useResource((signal) => api.getOverview(signal), [], { fallbackMessage: wf.overview.loadError, keepWhileReloading: true });

  return (
    <main id="indhold" tabIndex={-1} className="page page--wide overview">
      <h1>{wf.overview.title}</h1>
      <p className="lead">{wf.overview.intro}</p>
      {load.status === "loading" ? <Loading /> : null}
      {load.status === "error" && load.error.status === 403 ? <ErrorPanel title={da.errors.forbidden} message={wf.overview.forbidden} /> : null}
      {load.status === "error" && load.error.status !== 403 ? (
        <ErrorPanel title={wf.overview.loadError} message={load.error.message} actionLabel={wf.common.retry} onAction={reload} />
      ) : null}
      {load.status === "ok" ? <Overview overview={load.data} onRefresh={reload} /> : null}
    </main>
  );
}

function Overview({ overview, onRefresh }: { overview: OverviewResponse; onRefresh: () => void }) {
  const { rows, deadline, today, nationalCapacity, draftCapacity, nationalNeed } = overview;
  const submitted = rows.filter((r) => r.sealed !== null).length;
  const capacityStatus =
    nationalCapacity < nationalNeed.min
      ? wf.overview.capacityBelow(nationalNeed.min - nationalCapacity)
      : nationalCapacity <= nationalNeed.max
        ? wf.overview.capacityWithin
        : wf.overview.capacityAbove;
  const capacityKind = nationalCapacity < nationalNeed.min ? "below" : nationalCapacity <= nationalNeed.max ? "within" : "above";

  return (
    <>
      <div className="overview__summary">
        <section className="overview__card" aria-labelledby="overview-deadline">
          <h2 id="overview-deadline" className="overview__card-title">
            {wf.overview.deadlineTitle}
          </h2>
          <p className="overview__big">
            <time dateTime={deadline}>{formatDate(deadline)}</time>
          </p>
          <p>{submitted === rows.length && rows.length > 0 ? wf.deadline.submitted : <DeadlineBadge deadline={deadline} today={today} />}</p>
          <p className="wf-small muted">{wf.overview.submittedCount(submitted, rows.length)}</p>
        </section>
        <section className="overview__card" aria-labelledby="overview-capacity">
          <h2 id="overview-capacity" className="overview__card-title">
            {wf.overview.capacityTitle}
          </h2>
          <p className="overview__big" data-testid="national-capacity">
            {formatNumber(nationalCapacity)}
            <span className="overview__unit">
              {" "}
              / {formatNumber(nationalNeed.min)}–{formatNumber(nationalNeed.max)}
            </span>
          </p>
          <meter
            className="overview__meter"
            min={0}
            max={Math.max(nationalNeed.max, nationalCapacity) * 1.2}
            low={nationalNeed.min}
            high={nationalNeed.max}
            optimum={(nationalNeed.min + nationalNeed.max) / 2}
            value={nationalCapacity}
            aria-label={wf.overview.capacityMeter}
            aria-valuetext={wf.overview.capacitySum(nationalCapacity, nationalNeed.min, nationalNeed.max)}
          />
          <p className="wf-small">{wf.overview.capacitySum(nationalCapacity, nationalNeed.min, nationalNeed.max)}</p>
          <p className={`overview__capacity-status overview__capacity-status--${capacityKind}`}>{capacityStatus}</p>
          <p className="wf-small muted">{wf.overview.capacitySubmittedOnly}</p>
          {draftCapacity > 0 ? (
            <p className="wf-small" data-testid="draft-capacity">
              {wf.overview.capacityDrafts(draftCapacity)}
            </p>
          ) : null}
        </section>
      </div>

      <div className="overview__toolbar">
        <p className="wf-small muted">{wf.overview.today(formatDate(today))}</p>
        <div className="overview__actions">
          <Link className="button button--secondary button--small" to="/overblik/sammenligning">
            {comparisonTexts.link}
          </Link>
          <button type="button" className="button button--secondary button--small" onClick={onRefresh}>
            {wf.overview.refresh}
          </button>
        </div>
      </div>

      {rows.length === 0 ? (
        <div className="empty-state">
          <h2>{wf.overview.emptyTitle}</h2>
          <p>{wf.overview.empty}</p>
        </div>
      ) : (
        <div className="overview__table-wrap">
          <table className="table overview__table">
            <caption className="visually-hidden">{wf.overview.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{wf.overview.colRegion}</th>
                <th scope="col">{wf.overview.colState}</th>
                <th scope="col">{wf.overview.colProgress}</th>
                <th scope="col">{wf.overview.colErrors}</th>
                <th scope="col">{wf.overview.colApprovals}</th>
                <th scope="col">{wf.overview.colCapacity}</th>
                <th scope="col">{wf.overview.colSealed}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <OverviewRow key={row.documentId} row={row} />
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{wf.overview.total}</th>
                <td colSpan={3} />
                <td>
                  {wf.overview.approvals(
                    sum(rows, (r) => r.approvals.given),
                    sum(rows, (r) => r.approvals.total),
                  )}
                </td>
                <td>{wf.overview.capacity(nationalCapacity)}</td>
                <td>{wf.overview.submittedCount(submitted, rows.length)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </>
  );
}

const sum = (rows: OverviewRowDto[], of: (r: OverviewRowDto) => number) => rows.reduce((n, r) => n + of(r), 0);

function OverviewRow({ row }: { row: OverviewRowDto }) {
  return (
    <tr data-region={row.regionId}>
      <th scope="row">
        {row.supplement ? <span className="overview__note">{row.title}</span> : null}
        {row.superseded ? <span className="overview__note">{wf.overview.superseded}</span> : null}
        {row.readable ? (
          <Link to={`/svar/${encodeURIComponent(row.documentId)}`} aria-label={wf.overview.openReply(row.regionName)}>
            {row.regionName}
          </Link>
        ) : (
          <>
            {row.regionName}
            <span className="overview__note">{wf.overview.textAfterSubmission}</span>
          </>
        )}
      </th>
      <td>
        <StateLabel state={row.state} />
      </td>
      <td>
        <ul className="overview__progress">
          {PROGRESS_KEYS.map((key) => {
            const { ok, total } = row.progress[key];
            const complete = ok >= total;
            return (
              <li key={key} className={complete ? "is-complete" : undefined}>
                <span className="overview__progress-mark" aria-hidden="true">
                  {complete ? "✓" : "…"}
                </span>
                {wf.overview.progressItem(wf.overview.items[key], ok, total)}
              </li>
            );
          })}
        </ul>
      </td>
      <td className={row.errors > 0 ? "overview__errors" : undefined}>{wf.overview.errors(row.errors)}</td>
      <td>{wf.overview.approvals(row.approvals.given, row.approvals.total)}</td>
      <td>
        {row.capacity !== null ? (
          wf.overview.capacity(row.capacity)
        ) : (
          <span className="muted">{row.readable ? wf.overview.capacityMissing : wf.overview.capacityHidden}</span>
        )}
      </td>
      <td>
        {row.sealed ? (
          <div className="overview__sealed">
            <time dateTime={row.sealed.sealedAt}>{formatDateTime(row.sealed.sealedAt)}</time>
            {row.sealed.late ? <span className="overview__late">{wf.overview.late}</span> : null}
            <span className="wf-small">
              {wf.overview.sealedHash}: <code title={row.sealed.forseglingsHash}>{wf.common.hashShort(row.sealed.forseglingsHash)}</code>
            </span>
            <span className="overview__downloads">
              <a href={api.finalDownloadUrl(row.documentId, "pdf")} download aria-label={wf.overview.downloadPdf(row.regionName)}>
                PDF
              </a>
              <a href={api.finalDownloadUrl(row.documentId, "docx")} download aria-label={wf.overview.downloadDocx(row.regionName)}>
                DOCX
              </a>
            </span>
          </div>
        ) : (
          <span className="muted">{wf.overview.notSealed}</span>
        )}
      </td>
    </tr>
  );
}
