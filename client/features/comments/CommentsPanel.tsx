/**
 * "Kommentarer": the reply's comment threads.
 *
 *   - the thread being written (after "Kommentér" on a selection): quote, text, mentions
 *   - filters Åbne / Løste / Til mig / Alle, each with its count
 *   - threads grouped by the template's items (count per item), each expandable (ThreadItem)
 *   - empty states that say what to do; the reason when one may only read
 *
 * Live: the store refetches on every `threads` event; what others add is said by a polite live
 * region (outside the tab panel, so it is heard while another tab is shown). The panel stays
 * mounted while hidden, so it also binds the editor (highlights, clicks, Ctrl/Cmd+Alt+M).
 */
import { useEffect, useRef, useState, type RefObject } from "react";
import { createPortal } from "react-dom";
import { cm } from "../../i18n/comments.js";
import { useWorkspace } from "../workspace/WorkspaceContext.js";
import { HIGHLIGHT_HELP_ID } from "./commentHighlights.js";
import { FILTERS, blockLabel, filterCounts, groupByItem, matchesFilter, type ThreadFilter } from "./grouping.js";
import { MessageForm } from "./MessageForm.js";
import { ThreadItem, threadToggleId } from "./ThreadItem.js";
import { useCommentUi, useEditorBinding, useThreadStore, useThreadsState } from "./threadHooks.js";
import type { ThreadStore } from "./threadStore.js";
import "./comments.css";
import { can } from "../../../shared/policy.js";
import type { DocumentRole } from "../../../shared/vocabulary.js";

/** Roles that start threads in the text (a kommentator sets only the comment mark, the server lets nothing else through). */
const EMPTY_TEXT: Record<ThreadFilter, string> = { open: cm.empty.open, resolved: cm.empty.resolved, mine: cm.empty.mine, all: cm.empty.none };

export function CommentsPanel() {
  const { me, document, workflowState } = useWorkspace();
  const store = useThreadStore();
  const state = useThreadsState(store);
  const ui = useCommentUi(store);
  useEditorBinding(store);
  const [filter, setFilter] = useState<ThreadFilter>("open");
  const draftText = useRef<HTMLTextAreaElement>(null);
  const meId = me.user.id;

  // Focus requests from the editor and the store (new draft, a thread opened from the text).
  useEffect(() => {
    const request = ui.focus;
    if (!request || !store) return;
    const frame = requestAnimationFrame(() => {
      if (request.target === "draft") {
        const element = draftText.current;
        if (!element) return;
        element.scrollIntoView({ block: "nearest" });
        element.focus({ preventScroll: true });
      } else {
        const element = globalThis.document.getElementById(threadToggleId(request.threadId));
        if (!element) return; // not listed yet: try again when the list changes
        element.closest(".thread")?.scrollIntoView({ block: "nearest" });
        if (request.moveFocus) element.focus({ preventScroll: true });
      }
      store.focusDone(request);
    });
    return () => cancelAnimationFrame(frame);
  }, [ui.focus, ui.draft, state.threads, store]);

  if (!store) return null;

  const counts = filterCounts(state.threads);
  const shown = state.threads.filter((t) => matchesFilter(t, filter) || t.id === ui.active);
  const groups = groupByItem(shown);
  // Starting a thread sets a mark in the text: only roles that may comment there, only in a draft.
  const editable = can(document.role, "comment") && workflowState === "udkast";
  const notice = readOnlyNotice(state.canComment, document.role, workflowState, editable);

  return (
    <section className="panel comments" aria-labelledby="comments-heading">
      <h2 className="panel__heading" id="comments-heading">
        {cm.title}
      </h2>
      <LiveAnnouncer text={ui.announcement?.text ?? ""} seq={ui.announcement?.seq ?? 0} />

      {state.status === "loading" ? <p className="muted">{cm.loading}</p> : null}
      {state.status === "error" ? (
        <div className="banner banner--error" role="alert">
          <p className="banner__text">
            {cm.loadError} {state.error}
          </p>
          <button type="button" className="button button--secondary button--small" onClick={() => store.refresh()}>
            {cm.retry}
          </button>
        </div>
      ) : null}

      {state.status === "ok" ? (
        <>
          {notice ? <p className="comments__notice">{notice}</p> : null}
          {state.error ? (
            <div className="banner banner--warning" role="status">
              <p className="banner__text">{cm.refreshError}</p>
              <button type="button" className="button button--secondary button--small" onClick={() => store.refresh()}>
                {cm.retry}
              </button>
            </div>
          ) : null}

          {ui.draft ? <DraftForm store={store} meId={meId} quote={ui.draft.quote} blockId={ui.draft.blockId} textareaRef={draftText} /> : null}

          <div className="comments__filters" role="group" aria-label={cm.filters.label}>
            {FILTERS.map((f) => (
              <button
                key={f}
                type="button"
                className="comments__filter"
                aria-pressed={filter === f}
                title={f === "mine" ? cm.filterHelp.mine : undefined}
                onClick={() => setFilter(f)}
              >
                {cm.filters[f]} <span className="comments__filter-count">({counts[f]})</span>
              </button>
            ))}
          </div>

          {groups.length === 0 ? (
            <div className="comments__empty">
              <p>{state.threads.length === 0 ? cm.empty.none : EMPTY_TEXT[filter]}</p>
              {state.canComment && editable && !ui.draft ? <p className="muted">{cm.empty.start}</p> : null}
            </div>
          ) : (
            groups.map((group) => (
              <section key={group.key} className="comments__group" aria-labelledby={`comments-group-${group.key}`}>
                <h3 className="comments__group-heading" id={`comments-group-${group.key}`}>
                  {group.label} <span className="count">({cm.groupCount(group.threads.length)})</span>
                </h3>
                <ul className="threads">
                  {group.threads.map((t) => (
                    <ThreadItem
                      key={t.id}
                      thread={t}
                      expanded={ui.active === t.id}
                      outsideFilter={!matchesFilter(t, filter)}
                      store={store}
                      meId={meId}
                      canComment={state.canComment}
                    />
                  ))}
                </ul>
              </section>
            ))
          )}
          {groups.length > 0 && state.canComment && editable && !ui.draft ? <p className="muted comments__hint">{cm.empty.start}</p> : null}
        </>
      ) : null}
    </section>
  );
}

function readOnlyNotice(canComment: boolean, role: DocumentRole, workflowState: string, editable: boolean): string | null {
  if (workflowState === "indsendt") return cm.readOnly.locked;
  if (!canComment) return cm.readOnly.reader;
  if (can(role, "comment") && !can(role, "edit") && workflowState === "udkast") return cm.readOnly.commenter;
  if (!editable && workflowState !== "udkast") return cm.readOnly.frozen;
  return null;
}

function DraftForm(props: { store: ThreadStore; meId: string; quote: string; blockId: string | null; textareaRef: RefObject<HTMLTextAreaElement | null> }) {
  const { store, meId, quote, blockId, textareaRef } = props;
  const place = blockLabel(blockId);
  return (
    <section className="comments__draft" aria-labelledby="comments-draft-heading">
      <h3 className="comments__draft-heading" id="comments-draft-heading">
        {cm.draft.title}
      </h3>
      <p className="thread__quote-label">
        {cm.draft.quote}
        {place ? ` (${place})` : null}:
      </p>
      <blockquote className="thread__fullquote">{quote}</blockquote>
      <MessageForm
        store={store}
        meId={meId}
        label={cm.draft.body}
        submitLabel={cm.draft.submit}
        submittingLabel={cm.draft.submitting}
        textareaRef={textareaRef}
        onSubmit={(body, mentions) => store.submitDraft(body, mentions)}
        onCancel={() => store.cancelDraft()}
        cancelLabel={cm.draft.cancel}
      />
    </section>
  );
}

/**
 * A polite live region at the end of <body>: outside the tab panels, so news is heard whichever
 * tab is shown. Also holds the description of focusable highlights (aria-describedby).
 */
function LiveAnnouncer({ text, seq }: { text: string; seq: number }) {
  return createPortal(
    <div className="comments-live">
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {text ? <span key={seq}>{text}</span> : null}
      </div>
      <span id={HIGHLIGHT_HELP_ID} hidden>
        {cm.anchorHelp}
      </span>
    </div>,
    globalThis.document.body,
  );
}
