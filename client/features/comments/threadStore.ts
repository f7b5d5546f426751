/**
 * The comment threads of one reply, shared by everything that shows them: the Kommentarer panel,
 * the "Kommentér" button, the tab's unread badge, the completeness panel and the highlights in
 * the editor. One store per reply (kept for the page's lifetime); React reads it with
 * useSyncExternalStore.
 *
 * Data: GET …/threads, refetched on every `threads` server event, after a reconnect, when the
 * workflow state changes and after one's own changes. Fetches are coalesced (at most one in
 * flight, one more queued), so a burst of events is one or two requests.
 *
 * UI state that crosses components lives here too: the thread open in the panel (also outlined
 * in the text), the thread being written (its mark is set when writing starts, removed again on
 * cancel) and focus requests for the panel.
 */
import { watchAnchors } from "./anchorWatch.js";
import type { Editor } from "@tiptap/core";
import type { PeopleResponse } from "../../../shared/validation/people.js";
import { api } from "../../api.js";
import { peopleApi } from "../people/peopleApi.js";
import { setHighlightInfo, type CommentController, type HighlightStatus } from "./commentHighlights.js";
import { applyCommentMark, commentTarget, findThreadRange, removeCommentMark } from "./commentMarks.js";
import { errorMessage } from "../../ui/errors.js";
import { newThreadId } from "./threadIds.js";
import { threadNews } from "./threadNews.js";
import { coalesce } from "./coalesce.js";

export type { CommentUi, Draft, FocusRequest, ThreadsState } from "./threadState.js";
import type { CommentUi, FocusRequest, ThreadsState } from "./threadState.js";

export const INITIAL_STATE: ThreadsState = { status: "loading", threads: [], canComment: false, error: null };
export const INITIAL_UI: CommentUi = { active: null, draft: null, focus: null, announcement: null };

export class ThreadStore {
  private state: ThreadsState = INITIAL_STATE;
  private ui: CommentUi = INITIAL_UI;
  private readonly listeners = new Set<() => void>();
  private editor: Editor | null = null;
  /** Thread ids with text in the document, as the editor last showed it (null before the editor is bound). */
  private anchored: Set<string> | null = null;
  private highlightKey = "";
  private meId = "";
  /** May set comment marks without being able to edit (a kommentator on a draft). */
  anchorOnly = false;
  /** Threads created here that the list does not hold yet (kept highlighted meanwhile). */
  private readonly created = new Set<string>();
  /** Threads whose status one changed oneself (not announced back). */
  private readonly ownStatusChanges = new Set<string>();
  private readonly reading = new Set<string>();
  private people: Promise<PeopleResponse> | null = null;
  /** Brings the Kommentarer panel to the front (the page's, through the workspace). */
  private showPanel: () => void = () => {};

  readonly controller: CommentController = {
    startDraft: () => {
      if (this.editor) this.startDraft(this.editor);
    },
    open: (threadId, options) => this.open(threadId, { focus: options.focus }),
  };

  constructor(readonly documentId: string) {}

  // --- subscription (useSyncExternalStore) ------------------------------------------------

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };
  getState = (): ThreadsState => this.state;
  getUi = (): CommentUi => this.ui;

  private emit(): void {
    this.pushHighlights();
    for (const listener of this.listeners) listener();
  }

  private setState(next: ThreadsState): void {
    this.state = next;
    this.emit();
  }

  private setUi(patch: Partial<CommentUi>): void {
    this.ui = { ...this.ui, ...patch };
    this.emit();
  }

  setShowPanel(show: () => void): void {
    this.showPanel = show;
  }

  setMe(userId: string): void {
    this.meId = userId;
  }

  // --- loading ------------------------------------------------------------------------------

  /** Refetches soon (coalesced with other calls in the same tick and with a fetch in flight). */
  readonly refresh: () => void = coalesce(() => this.fetch());

  private async fetch(): Promise<void> {
    try {
      const response = await api.listThreads(this.documentId);
      const previous = this.state;
      for (const t of response.threads) this.created.delete(t.id);
      // The editor's document is newer than the server's answer about which texts still exist.
      const anchored = this.anchored;
      const threads = anchored ? response.threads.map((t) => ({ ...t, orphaned: !anchored.has(t.id) })) : response.threads;
      this.state = { status: "ok", threads, canComment: response.canComment, error: null };
      const news = previous.status === "ok" ? threadNews(previous.threads, response.threads, this.meId, this.ownStatusChanges) : null;
      if (news) this.ui = { ...this.ui, announcement: { text: news, seq: (this.ui.announcement?.seq ?? 0) + 1 } };
      // The open thread vanished (should not happen; threads are never deleted): close it.
      if (this.ui.active && !response.threads.some((t) => t.id === this.ui.active) && !this.created.has(this.ui.active)) this.ui = { ...this.ui, active: null };
      this.emit();
    } catch (error) {
      const message = errorMessage(error);
      this.setState(this.state.status === "ok" ? { ...this.state, error: message } : { ...INITIAL_STATE, status: "error", error: message });
    }
  }

  /** The organisations of the region and the reply's members, for mentions (fetched once). */
  loadPeople(): Promise<PeopleResponse> {
    if (!this.people) {
      this.people = peopleApi.getPeople(this.documentId);
      this.people.catch(() => {
        this.people = null;
      });
    }
    return this.people;
  }

  // --- the editor ---------------------------------------------------------------------------

  bindEditor(editor: Editor): () => void {
    this.editor = editor;
    editor.storage.commentHighlights.controller = this.controller;
    this.highlightKey = "";
    this.pushHighlights();
    const stopWatching = watchAnchors(editor, (anchored) => this.applyAnchors(anchored));
    return () => {
      stopWatching();
      if (this.editor !== editor) return;
      if (!editor.isDestroyed) editor.storage.commentHighlights.controller = null;
      this.editor = null;
    };
  }

  /** A thread whose text is gone is orphaned now, on every page, and comes back with its text (undo). */
  private applyAnchors(anchored: Set<string>): void {
    this.anchored = anchored;
    if (this.state.status !== "ok") return;
    const threads = this.state.threads.map((t) => (t.orphaned === !anchored.has(t.id) ? t : { ...t, orphaned: !anchored.has(t.id) }));
    if (threads.some((t, i) => t !== this.state.threads[i])) this.setState({ ...this.state, threads });
  }

  /** Tells the editor's highlights what changed (only when something they show changed). */
  private pushHighlights(): void {
    const editor = this.editor;
    if (!editor || editor.isDestroyed) return;
    const statuses = new Map<string, HighlightStatus>();
    for (const t of this.state.threads) statuses.set(t.id, t.status);
    for (const id of this.created) statuses.set(id, "open");
    if (this.ui.draft) statuses.set(this.ui.draft.threadId, "draft");
    const key = `${[...statuses].map(([id, s]) => `${id}:${s}`).join(",")}|${this.ui.active ?? ""}`;
    if (key === this.highlightKey) return;
    this.highlightKey = key;
    setHighlightInfo(editor, { statuses, active: this.ui.active });
  }

  setAnchorOnly(value: boolean): void {
    this.anchorOnly = value;
  }

  // --- UI actions ---------------------------------------------------------------------------

  /** Starts a thread on the editor's selection: sets the mark at once, then the panel asks for the text. */
  startDraft(editor: Editor): boolean {
    if (!this.state.canComment || !(editor.isEditable || this.anchorOnly)) return false;
    const target = commentTarget(editor.state);
    if (!target) return false;
    const previous = this.ui.draft;
    if (previous) removeCommentMark(editor, previous.threadId, this.anchorOnly);
    const threadId = newThreadId();
    if (!applyCommentMark(editor, threadId, this.anchorOnly)) return false;
    this.setUi({ draft: { threadId, quote: target.quote, blockId: target.blockId }, active: null, focus: { target: "draft" } });
    this.showPanel();
    return true;
  }

  /** Drops the thread being written and its mark; the caret goes back to the text. */
  cancelDraft(): void {
    const draft = this.ui.draft;
    if (!draft) return;
    const editor = this.editor;
    if (editor) removeCommentMark(editor, draft.threadId, this.anchorOnly);
    this.setUi({ draft: null, focus: null });
    if (editor && !editor.isDestroyed) editor.commands.focus();
  }

  async submitDraft(body: string, mentions: string[]): Promise<void> {
    const draft = this.ui.draft;
    if (!draft) return;
    await api.createThread(this.documentId, { threadId: draft.threadId, quote: draft.quote, blockId: draft.blockId, body, mentions });
    this.created.add(draft.threadId);
    this.setUi({ draft: null, active: draft.threadId, focus: { target: "thread", threadId: draft.threadId, moveFocus: true } });
    this.refresh();
  }

  /** Opens a thread in the panel (and brings the panel to the front). */
  open(threadId: string, options: { focus: boolean }): void {
    if (!this.state.threads.some((t) => t.id === threadId) && !this.created.has(threadId)) return;
    this.setUi({ active: threadId, focus: { target: "thread", threadId, moveFocus: options.focus } });
    this.showPanel();
  }

  /** Expands or collapses a thread in the panel. */
  setActive(threadId: string | null): void {
    if (this.ui.active !== threadId) this.setUi({ active: threadId });
  }

  focusDone(request: FocusRequest): void {
    if (this.ui.focus === request) this.setUi({ focus: null });
  }

  /** Scrolls the text to the thread and selects it (or focuses its highlight when read-only). */
  jumpTo(threadId: string): boolean {
    const editor = this.editor;
    if (!editor || editor.isDestroyed) return false;
    const range = findThreadRange(editor.state.doc, threadId);
    if (!range) return false;
    this.setUi({ active: threadId });
    if (editor.isEditable) {
      editor.chain().setTextSelection(range).scrollIntoView().focus().run();
      return true;
    }
    const element = document.querySelector<HTMLElement>(`#reply-editor [data-comment-threads~="${CSS.escape(threadId)}"]`);
    if (!element) return false;
    element.scrollIntoView({ block: "center" });
    element.focus({ preventScroll: true });
    return true;
  }

  // --- server actions (each throws an ApiError for the form to show) -------------------------

  async reply(threadId: string, body: string, mentions: string[]): Promise<void> {
    await api.replyToThread(this.documentId, threadId, { body, mentions });
    this.refresh();
  }

  async editMessage(threadId: string, messageId: string, body: string, mentions: string[]): Promise<void> {
    await api.editMessage(this.documentId, threadId, messageId, { body, mentions });
    this.refresh();
  }

  async deleteMessage(threadId: string, messageId: string): Promise<void> {
    await api.deleteMessage(this.documentId, threadId, messageId);
    this.refresh();
  }

  async setResolved(threadId: string, resolved: boolean): Promise<void> {
    this.ownStatusChanges.add(threadId);
    try {
      if (resolved) await api.resolveThread(this.documentId, threadId);
      else await api.reopenThread(this.documentId, threadId);
    } catch (error) {
      this.ownStatusChanges.delete(threadId);
      throw error;
    }
    // One's own status change counts as activity on the server: it is read already.
    await api.markThreadRead(this.documentId, threadId).catch(() => undefined);
    this.refresh();
  }

  /** Marks a thread read (shown at once; the server is told in the background). */
  markRead(threadId: string): void {
    if (this.reading.has(threadId)) return;
    const thread = this.state.threads.find((t) => t.id === threadId);
    if (!thread?.unread) return;
    this.reading.add(threadId);
    this.setState({ ...this.state, threads: this.state.threads.map((t) => (t.id === threadId ? { ...t, unread: false } : t)) });
    api.markThreadRead(this.documentId, threadId).then(
      () => this.reading.delete(threadId),
      () => {
        this.reading.delete(threadId);
        this.refresh();
      },
    );
  }
}
