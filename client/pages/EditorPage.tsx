/**
 * One reply: its metadata over HTTP, then the collaboration session. The editor is mounted only
 * once the provider has synced and the document holds the server-seeded template.
 *
 *   EditorPage                 loads GET /api/documents/:id (403/404 → error page)
 *   └─ ReplyWorkspace          useCollab → Y.Doc + provider + save tracker
 *      ├─ <main>  header (title, state, role, deadline), banners, ReplyEditor
 *      └─ <aside> SaveIndicator, PresenceList, CompletenessPanel (sticky)
 */
import { SupplementBanner } from "../features/approval/Supplements.js";
import { AttachmentsPanel } from "../features/attachments/AttachmentsPanel.js";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useParams } from "react-router";
import type { Editor } from "@tiptap/react";
import { CloseCode } from "../../shared/protocol/messages.js";
import { colorForOrganisation } from "../../shared/presence.js";
import type { AwarenessUser, DocumentResponse, DocumentSummaryDto, MeResponse } from "../../shared/validation/api.js";
import { api, ApiError } from "../api.js";
import { da, formatDate } from "../i18n/da.js";
import { computeSaveView, pendingChanges } from "../features/collab/saveState.js";
import { SaveIndicator, TerminalBanner } from "../features/collab/SaveIndicator.js";
import { useCollab } from "../features/collab/useCollab.js";
import type { ServerEvent } from "../features/collab/events.js";
import { CompletenessPanel } from "../features/completeness/CompletenessPanel.js";
import { PanelTabs } from "../features/workspace/PanelTabs.js";
import { WorkspaceContext, type PanelId, type Workspace } from "../features/workspace/WorkspaceContext.js";
import { CommentsPanel } from "../features/comments/CommentsPanel.js";
import { UnreadThreadsBadge } from "../features/comments/UnreadThreadsBadge.js";
import { ApprovalPanel } from "../features/approval/ApprovalPanel.js";
import { PeoplePanel } from "../features/people/PeoplePanel.js";
import { HistoryPanel } from "../features/history/HistoryPanel.js";
import { DeadlineFact } from "../features/approval/deadline.js";
import { RejectedChangesBanner } from "../features/approval/RejectedChanges.js";
import { RestoredNotice } from "../features/editor/RestoredNotice.js";
import { jumpToTarget, type JumpTarget } from "../features/editor/focus.js";
import { Outline } from "../features/editor/Outline.js";
import { ReplyEditor } from "../features/editor/ReplyEditor.js";
import { templateProblem } from "../features/editor/template.js";
import { PresenceList } from "../features/presence/PresenceList.js";
import { StateLabel } from "./DocumentListPage.js";
import { ErrorPanel } from "./ErrorPage.js";
import { usePageTitle } from "./Layout.js";
import { Loading } from "./Loading.js";
import { NotFoundContent } from "./NotFoundPage.js";
import { useMe, useSession } from "./Session.js";
import { can } from "../../shared/policy.js";

type ReplyDocument = DocumentResponse["document"];
type MetaState = { status: "loading" } | { status: "error"; error: ApiError } | { status: "ok"; document: ReplyDocument };

/** How long the "structure cannot change" notice stays. */
const NOTICE_MS = 5000;

export function EditorPage() {
  const { id = "" } = useParams();
  const me = useMe();
  const [meta, setMeta] = useState<MetaState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setMeta({ status: "loading" });
    api.getDocument(id, controller.signal).then(
      (response) => setMeta({ status: "ok", document: response.document }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setMeta({ status: "error", error: error instanceof ApiError ? error : new ApiError(0, "unknown", da.errors.generic) });
      },
    );
    return () => controller.abort();
  }, [id, attempt]);

  usePageTitle(meta.status === "ok" ? meta.document.title : da.app.loading);

  if (meta.status === "loading") {
    return (
      <main id="indhold" tabIndex={-1} className="page">
        <Loading />
      </main>
    );
  }
  if (meta.status === "error") {
    const { error } = meta;
    return (
      <main id="indhold" tabIndex={-1} className="page">
        {error.status === 404 || error.status === 400 ? (
          <NotFoundContent message={da.errors.notFound} />
        ) : error.status === 403 ? (
          <ErrorPanel title={da.errors.forbidden} message={error.message} />
        ) : (
          <ErrorPanel title={da.errorPage.title} message={error.message} actionLabel={da.list.retry} onAction={() => setAttempt((n) => n + 1)} />
        )}
      </main>
    );
  }
  return <ReplyWorkspace key={meta.document.id} document={meta.document} me={me} />;
}

function awarenessUserOf(me: MeResponse, role: DocumentSummaryDto["role"]): AwarenessUser {
  const { user } = me;
  return {
    userId: user.id,
    name: user.name,
    organisation: user.organisation.name,
    kommunekode: user.organisation.kommunekode,
    role,
    // Same key as the server's stamp, so one's own caret has the organisation's colour.
    color: colorForOrganisation(user.organisation.kommunekode ?? user.organisation.id),
  };
}

function ReplyWorkspace({ document: initialDocument, me }: { document: ReplyDocument; me: MeResponse }) {
  const { sessionEnded } = useSession();
  // The metadata (the user's role above all) is refetched when the document's people change.
  const [document, setDocument] = useState(initialDocument);
  const [workflow, setWorkflow] = useState(document.state);
  const listeners = useRef(new Set<(event: ServerEvent) => void>());
  const onEvent = useCallback(
    (event: ServerEvent) => {
      if (event.type === "workflow") setWorkflow(event.state);
      if (event.type === "people")
        api.getDocument(initialDocument.id).then(
          (r) => setDocument(r.document),
          () => undefined,
        );
      for (const listener of listeners.current) listener(event);
    },
    [initialDocument.id],
  );
  const subscribe = useCallback((listener: (event: ServerEvent) => void) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);
  const { session, snapshot } = useCollab(document.id, { onEvent });
  const [editor, setEditor] = useState<Editor | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const user = useMemo(() => awarenessUserOf(me, document.role), [me, document.role]);
  const view = computeSaveView(snapshot);
  const pending = pendingChanges(snapshot.counters);
  const terminal = snapshot.terminalCode;
  const roleMayEdit = can(document.role, "edit");
  // The comment threads and the people of the reply stay inside the region (not for the agency).
  const internal = can(document.role, "readInternal");
  const frozen = workflow !== "udkast" || terminal === CloseCode.DOCUMENT_FROZEN;
  const editable = roleMayEdit && !frozen && terminal === null;

  // Checked once, when the first sync has arrived; the result never mounts a half-seeded doc.
  const ready = session !== null && snapshot.everSynced;
  const problem = useMemo(() => (ready && session ? templateProblem(session.ydoc) : null), [ready, session]);

  // Announce oneself at once (the caret extension repeats it when the editor mounts); the server
  // stamps its own copy of this identity on what it relays, so this only shapes the local view.
  useEffect(() => {
    session?.provider.awareness.setLocalStateField("user", user);
  }, [session, user]);

  // Signed out elsewhere: with nothing unsaved, go straight to sign-in.
  useEffect(() => {
    if (terminal === CloseCode.UNAUTHENTICATED && pending === 0) sessionEnded();
  }, [terminal, pending, sessionEnded]);

  // Warn before leaving with unsaved changes.
  useEffect(() => {
    if (pending === 0) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = da.editor.unsavedLeave;
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [pending]);

  useEffect(() => () => clearTimeout(noticeTimer.current), []);
  const onBlocked = useCallback(() => {
    setNotice(da.editor.structureBlocked);
    clearTimeout(noticeTimer.current);
    noticeTimer.current = setTimeout(() => setNotice(null), NOTICE_MS);
  }, []);

  const onJump = useCallback((target: JumpTarget) => void jumpToTarget(target, editor), [editor]);
  const [activePanel, setActivePanel] = useState<PanelId>("fuldstaendighed");
  const workspace = useMemo<Workspace>(
    () => ({
      document,
      me,
      ydoc: session?.ydoc ?? null,
      provider: session?.provider ?? null,
      editor,
      workflowState: workflow,
      onJump,
      showPanel: setActivePanel,
      subscribe,
    }),
    [document, me, session, editor, workflow, onJump, subscribe],
  );

  return (
    <WorkspaceContext.Provider value={workspace}>
      <div className="workspace">
        <main id="indhold" tabIndex={-1} className="workspace__main">
          <header className="doc-header">
            <div className="doc-header__titles">
              <p className="doc-header__region">{document.regionName}</p>
              <h1 className="doc-header__title">{document.title}</h1>
            </div>
            <dl className="doc-header__facts">
              <div>
                <dt>{da.editor.stateLabel}</dt>
                <dd>
                  <StateLabel state={workflow} />
                </dd>
              </div>
              <div>
                <dt>{da.list.colRole}</dt>
                <dd>{da.roles[document.role]}</dd>
              </div>
              <div>
                <dt>{da.list.colDeadline}</dt>
                <dd>
                  <time dateTime={document.deadline}>{formatDate(document.deadline)}</time>
                </dd>
              </div>
              <DeadlineFact deadline={document.deadline} state={workflow} />
            </dl>
            {/* Shown only when the panels sit below the reply (narrow screens, see styles.css). */}
            <a className="workspace__jump" href="#paneler">
              {da.editor.toPanels}
            </a>
          </header>

          {view.kind === "error" ? <TerminalBanner code={view.code} pending={view.pending} onSignIn={sessionEnded} /> : null}
          {!roleMayEdit ? <p className="banner banner--info">{da.editor.readOnlyRole}</p> : null}
          {/* Once: the refusal's own banner above already says the reply is locked. */}
          {roleMayEdit && workflow !== "udkast" && terminal !== CloseCode.DOCUMENT_FROZEN ? (
            <p className="banner banner--info">{da.editor.readOnlyFrozen}</p>
          ) : null}
          {terminal !== CloseCode.DOCUMENT_FROZEN ? <RejectedChangesBanner /> : null}
          <RestoredNotice />
          <SupplementBanner />
          {/* Heard by screen readers; seen beside the caret (the structure guard draws it there). */}
          <div className="notice-region visually-hidden" role="status" aria-live="polite">
            {notice ? <p>{notice}</p> : null}
          </div>

          {!ready && terminal === null ? <Loading text={da.editor.loadingReply} /> : null}
          {ready && problem ? (
            <ErrorPanel title={da.errorPage.title} message={problem} actionLabel={da.errorPage.reload} onAction={() => window.location.reload()} />
          ) : null}
          {ready && !problem && session ? <Outline /> : null}
          {ready && !problem && session ? (
            <ReplyEditor
              ydoc={session.ydoc}
              provider={session.provider}
              user={user}
              regionId={document.regionId}
              editable={editable}
              onBlocked={onBlocked}
              onEditor={setEditor}
            />
          ) : null}
        </main>
        <aside id="paneler" tabIndex={-1} className="workspace__aside" aria-label={da.editor.asideLabel}>
          {/* In the sticky side column (pinned to the screen's corner on narrow screens), so the save state stays in view. */}
          <SaveIndicator snapshot={snapshot} />
          <a className="workspace__jump" href="#indhold">
            {da.editor.backToReply}
          </a>
          {session ? <PresenceList awareness={session.provider.awareness} selfUserId={me.user.id} /> : null}
          <PanelTabs
            label={da.editor.panelsLabel}
            active={activePanel}
            onSelect={(id) => setActivePanel(id as PanelId)}
            panels={[
              {
                id: "fuldstaendighed",
                label: da.editor.panelCompleteness,
                content:
                  ready && !problem && session ? (
                    <CompletenessPanel
                      ydoc={session.ydoc}
                      regionId={document.regionId}
                      checkDate={workflow !== "udkast" ? document.checkDate : null}
                      onJump={onJump}
                    />
                  ) : null,
              },
              ...(internal ? [{ id: "kommentarer", label: da.editor.panelComments, badge: <UnreadThreadsBadge />, content: <CommentsPanel /> }] : []),
              { id: "godkendelse", label: da.editor.panelApproval, content: <ApprovalPanel /> },
              { id: "bilag", label: da.editor.panelAttachments, content: <AttachmentsPanel /> },
              ...(internal ? [{ id: "personer", label: da.editor.panelPeople, content: <PeoplePanel /> }] : []),
              { id: "historik", label: da.editor.panelHistory, content: <HistoryPanel /> },
            ]}
          />
        </aside>
      </div>
    </WorkspaceContext.Provider>
  );
}
