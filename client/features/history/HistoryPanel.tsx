/**
 * The side panel "Historik": the reply's versions (newest first; the workflow saves one at every
 * step, the coordinator can save named ones), a read-only view of any version, a word-by-word
 * comparison of two, and restore (coordinator, only in udkast; the server first saves the
 * current text, so nothing is lost).
 *
 * A version is shown as the server renders it (a standalone HTML page) in a sandboxed iframe
 * with no permissions at all: no scripts, no navigation of this page.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { api, type VersionCompareResponse, type VersionDto, type VersionViewResponse } from "../../api.js";
import { formatDateTime } from "../../i18n/da.js";
import { wf } from "../../i18n/workflow.js";
import { Loading } from "../../pages/Loading.js";
import { ConfirmDialog, Dialog } from "../../ui/Dialog.js";
import { useServerEvent, useWorkspace } from "../workspace/WorkspaceContext.js";
import "./history.css";
import { can } from "../../../shared/policy.js";
import { errorMessage } from "../../ui/errors.js";
import { SaveVersion, Comparison } from "./SaveVersion.js";

type ListLoad = { status: "loading" } | { status: "error"; message: string } | { status: "ok"; versions: VersionDto[] };
type Viewer =
  | { kind: "view"; version: VersionDto; load: { status: "loading" } | { status: "error"; message: string } | { status: "ok"; view: VersionViewResponse } }
  | { kind: "compare"; title: string; load: { status: "loading" } | { status: "error"; message: string } | { status: "ok"; diff: VersionCompareResponse } };

export function HistoryPanel() {
  const { document, workflowState } = useWorkspace();
  const isCoordinator = can(document.role, "manage");
  const [list, setList] = useState<ListLoad>({ status: "loading" });
  const [selected, setSelected] = useState<string[]>([]);
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const [restoring, setRestoring] = useState<VersionDto | null>(null);
  const [restoreBusy, setRestoreBusy] = useState(false);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const [notice, setNotice] = useState("");
  const sequence = useRef(0);

  const refresh = useCallback(() => {
    const mine = ++sequence.current;
    api.listVersions(document.id).then(
      (response) => {
        if (mine !== sequence.current) return;
        setList({ status: "ok", versions: response.versions });
        const ids = new Set(response.versions.map((v) => v.id));
        setSelected((s) => s.filter((id) => ids.has(id)));
      },
      (error: unknown) => {
        if (mine !== sequence.current) return;
        setList((prev) => (prev.status === "ok" ? prev : { status: "error", message: errorMessage(error) }));
      },
    );
  }, [document.id]);

  // The workflow saves a version at every transition.
  useEffect(() => refresh(), [refresh, workflowState]);
  useServerEvent((event) => {
    if (event.type === "workflow") refresh();
  });

  const open = (version: VersionDto) => {
    setViewer({ kind: "view", version, load: { status: "loading" } });
    api.getVersion(document.id, version.id).then(
      (view) => setViewer((v) => (v?.kind === "view" && v.version.id === version.id ? { ...v, load: { status: "ok", view } } : v)),
      (error: unknown) =>
        setViewer((v) => (v?.kind === "view" && v.version.id === version.id ? { ...v, load: { status: "error", message: errorMessage(error) } } : v)),
    );
  };

  const compare = (versions: VersionDto[]) => {
    // Oldest → newest, whatever order they were picked in.
    const [from, to] = versions.filter((v) => selected.includes(v.id)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    if (!from || !to) return;
    const title = wf.history.compareTitle(from.name, to.name);
    setViewer({ kind: "compare", title, load: { status: "loading" } });
    api.compareVersions(document.id, from.id, to.id).then(
      (diff) => setViewer((v) => (v?.kind === "compare" && v.title === title ? { ...v, load: { status: "ok", diff } } : v)),
      (error: unknown) =>
        setViewer((v) => (v?.kind === "compare" && v.title === title ? { ...v, load: { status: "error", message: errorMessage(error) } } : v)),
    );
  };

  const restore = async () => {
    if (!restoring) return;
    setRestoreBusy(true);
    setRestoreError(null);
    try {
      await api.restoreVersion(document.id, restoring.id);
      setNotice(wf.history.restored(restoring.name));
      setRestoring(null);
      refresh();
    } catch (error) {
      setRestoreError(errorMessage(error));
    } finally {
      setRestoreBusy(false);
    }
  };

  const toggle = (id: string, checked: boolean) =>
    setSelected((s) => {
      if (!checked) return s.filter((x) => x !== id);
      // At most two: picking a third replaces the oldest pick.
      return [...s.filter((x) => x !== id), id].slice(-2);
    });

  const mayRestore = isCoordinator && workflowState === "udkast";

  return (
    <section className="panel history" aria-labelledby="history-heading">
      <h2 className="panel__heading" id="history-heading">
        {wf.history.title}
      </h2>
      <p className="wf-small">{wf.history.intro}</p>
      <div role="status" aria-live="polite" className="wf-notice-region">
        {notice ? <p className="wf-notice">{notice}</p> : null}
      </div>

      {isCoordinator ? (
        <SaveVersion
          onSaved={(name) => {
            setNotice(wf.history.saved(name));
            refresh();
          }}
        />
      ) : null}
      {isCoordinator && !mayRestore ? <p className="wf-small muted">{wf.history.restoreOnlyDraft}</p> : null}

      {list.status === "loading" ? <Loading /> : null}
      {list.status === "error" ? (
        <div className="ui-error" role="alert">
          <p>{list.message}</p>
          <button type="button" className="button button--secondary button--small" onClick={refresh}>
            {wf.common.retry}
          </button>
        </div>
      ) : null}
      {list.status === "ok" && list.versions.length === 0 ? <p className="panel-empty">{wf.history.empty}</p> : null}
      {list.status === "ok" && list.versions.length > 0 ? (
        <>
          <div className="history__compare">
            <p className="wf-small muted" id="history-compare-hint">
              {wf.history.selectHint}
            </p>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={selected.length !== 2}
              aria-describedby="history-compare-hint"
              onClick={() => compare(list.versions)}
            >
              {wf.history.compare}
            </button>
          </div>
          <ul className="history__list" aria-label={wf.history.listLabel}>
            {list.versions.map((v) => (
              <li key={v.id} className={`history__item${selected.includes(v.id) ? " is-selected" : ""}`} data-version={v.id}>
                <label className="history__pick">
                  <input
                    type="checkbox"
                    checked={selected.includes(v.id)}
                    onChange={(e) => toggle(v.id, e.target.checked)}
                    aria-label={wf.history.select(v.name)}
                  />
                  <span className="history__name">{v.name}</span>
                </label>
                <span className="history__meta">
                  <time dateTime={v.createdAt}>{formatDateTime(v.createdAt)}</time>
                  {", "}
                  {v.createdByName ? wf.history.by(v.createdByName) : wf.history.bySystem}
                </span>
                <span className="history__actions">
                  <button type="button" className="button--link" onClick={() => open(v)} aria-label={wf.history.viewName(v.name)}>
                    {wf.history.view}
                  </button>
                  {mayRestore ? (
                    <button
                      type="button"
                      className="button--link"
                      aria-label={wf.history.restoreName(v.name)}
                      onClick={() => {
                        setRestoreError(null);
                        setRestoring(v);
                      }}
                    >
                      {wf.history.restore}
                    </button>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <Dialog
        open={viewer !== null}
        wide
        title={viewer?.kind === "view" ? wf.history.viewTitle(viewer.version.name) : (viewer?.title ?? "")}
        onClose={() => setViewer(null)}
      >
        {viewer?.load.status === "loading" ? <Loading text={wf.history.loadingVersion} /> : null}
        {viewer?.load.status === "error" ? (
          <p className="ui-error" role="alert">
            {viewer.load.message}
          </p>
        ) : null}
        {viewer?.kind === "view" && viewer.load.status === "ok" ? (
          <>
            <p className="wf-small muted">
              {formatDateTime(viewer.load.view.createdAt)} · <code>{wf.common.hashShort(viewer.load.view.indholdsHash)}</code>
            </p>
            {/* sandbox="" : a unique origin with no scripts, forms, popups or navigation of this page */}
            <iframe className="history__frame" title={wf.history.viewFrame(viewer.version.name)} sandbox="" srcDoc={viewer.load.view.html} />
          </>
        ) : null}
        {viewer?.kind === "compare" && viewer.load.status === "ok" ? <Comparison diff={viewer.load.diff} /> : null}
      </Dialog>

      <ConfirmDialog
        open={restoring !== null}
        title={restoring ? wf.history.restoreDialogTitle(restoring.name) : ""}
        confirmLabel={wf.history.restoreConfirm}
        onConfirm={restore}
        onCancel={() => setRestoring(null)}
        busy={restoreBusy}
        error={restoreError}
      >
        <p>{wf.history.restoreDialogBody}</p>
      </ConfirmDialog>
    </section>
  );
}
