/**
 * "Sammenligning af de indsendte svar" (/overblik/sammenligning): Social- og Boligstyrelsen's
 * view of the submitted replies side by side, one column per region and one row per compared
 * point, item by item (the rows and their Danish text are shared/comparison.ts, the same as the
 * XLSX download). A region not submitted yet is a column without content. Only the agency may
 * read it (the server answers 403 to anyone else).
 */
import { Link } from "react-router";
import { COMPARISON_ITEMS, nationalNeedText, submissionText } from "../../shared/comparison.js";
import { api, type ComparisonColumnDto, type ComparisonResponse } from "../api.js";
import { da } from "../i18n/da.js";
import { comparisonTexts as t } from "../i18n/comparison.js";
import { wf } from "../i18n/workflow.js";
import { ErrorPanel } from "./ErrorPage.js";
import { usePageTitle } from "./Layout.js";
import { Loading } from "./Loading.js";
import { useResource } from "../ui/useResource.js";
import "./overview.css";
import "./comparison.css";

export function ComparisonPage() {
  usePageTitle(t.title);
  const { resource: load, reload } = useResource((signal) => api.getComparison(signal), [], { fallbackMessage: t.loadError, keepWhileReloading: true });

  return (
    <main id="indhold" tabIndex={-1} className="page page--wide comparison">
      <p className="comparison__back">
        <Link to="/overblik">{t.back}</Link>
      </p>
      <h1>{t.title}</h1>
      <p className="lead">{t.intro}</p>
      {load.status === "loading" ? <Loading /> : null}
      {load.status === "error" && load.error.status === 403 ? <ErrorPanel title={da.errors.forbidden} message={t.forbidden} /> : null}
      {load.status === "error" && load.error.status !== 403 ? (
        <ErrorPanel title={t.loadError} message={load.error.message} actionLabel={wf.common.retry} onAction={reload} />
      ) : null}
      {load.status === "ok" ? <Comparison comparison={load.data} onRefresh={reload} /> : null}
    </main>
  );
}

function Comparison({ comparison, onRefresh }: { comparison: ComparisonResponse; onRefresh: () => void }) {
  const { columns, submittedCount, nationalCapacity, nationalNeed } = comparison;
  if (submittedCount === 0) {
    return (
      <div className="empty-state" data-testid="comparison-empty">
        <h2>{t.emptyTitle}</h2>
        <p>{t.empty}</p>
      </div>
    );
  }
  return (
    <>
      <div className="overview__toolbar">
        <p className="wf-small muted">{t.submittedCount(submittedCount, columns.length)}</p>
        <div className="overview__actions">
          <a className="button button--secondary button--small" href={api.comparisonXlsxUrl} download>
            {t.download}
          </a>
          <button type="button" className="button button--secondary button--small" onClick={onRefresh}>
            {t.refresh}
          </button>
        </div>
      </div>
      {/* A wide table scrolls sideways: the focusable region lets keyboard users scroll it (axe: scrollable-region-focusable). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div className="overview__table-wrap" role="region" aria-labelledby="comparison-caption" tabIndex={0}>
        <table className="table comparison__table">
          <caption id="comparison-caption" className="visually-hidden">
            {t.caption}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t.corner}</th>
              {columns.map((column) => (
                <th scope="col" key={column.regionId} data-region={column.regionId}>
                  {column.regionName}
                </th>
              ))}
            </tr>
            <tr>
              <th scope="row">{t.status}</th>
              {columns.map((column) => (
                <td key={column.regionId} className={column.values ? "comparison__submitted" : "comparison__missing"}>
                  {submissionText(column.sealedAt)}
                </td>
              ))}
            </tr>
          </thead>
          {COMPARISON_ITEMS.map((item) => (
            <tbody key={item.item}>
              <tr className="comparison__item">
                <th scope="rowgroup" colSpan={columns.length + 1}>
                  {item.heading}
                </th>
              </tr>
              {item.rows.map((row) => (
                <tr key={row.id} data-row={row.id}>
                  <th scope="row">{row.label}</th>
                  {columns.map((column) => (
                    <Cell key={column.regionId} column={column} text={row.text} />
                  ))}
                </tr>
              ))}
            </tbody>
          ))}
          <tfoot>
            <tr>
              <th scope="row">{t.nationalTitle}</th>
              <td colSpan={columns.length} data-testid="comparison-national">
                {nationalNeedText(nationalCapacity, nationalNeed)} {t.sharedOnce}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}

function Cell({ column, text }: { column: ComparisonColumnDto; text: (values: NonNullable<ComparisonColumnDto["values"]>) => string }) {
  if (column.values === null) {
    return (
      <td className="comparison__missing">
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">{t.notSubmitted}</span>
      </td>
    );
  }
  return <td className="comparison__cell">{text(column.values)}</td>;
}
