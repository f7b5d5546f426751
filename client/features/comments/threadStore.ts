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
import { useContext, useEffect, useRef, useSyncExternalStore } from "react";
import type { Editor } from "@tiptap/core";
import type { WebsocketProvider } from "y-websocket";
import type { ThreadDto } from "../../../shared/validation/comments.js";
import type { PeopleResponse } from "../../../shared/validation/people.js";
import { api } from "../../api.js";
import { peopleApi } from "../people/peopleApi.js";
import { cm } from "../../i18n/comments.js";
import { WorkspaceContext } from "../workspace/WorkspaceContext.js";
import {
  applyCommentMark,
  commentTarget,
  findThreadRange,
  removeCommentMark,
  setHighlightInfo,
  type CommentController,
  type HighlightStatus,
} from "./commentHighlights.js";
import { can } from "../../../shared/policy.js";
import { errorMessage } from "../../ui/errors.js";

export interface ThreadsState {
  status: "loading" | "error" | "ok";
  threads: ThreadDto[];
  /** May the signed-in person write comments now (role, and the reply is not submitted)? */
  canComment: boolean;
  /** The latest fetch failed: the message (what is shown may be stale). */
  error: string | null;
}

export interface Draft {
  threadId: string;
  quote: string;
  blockId: string | null;
}

export type FocusRequest = { target: "draft" } | { target: "thread"; threadId: string; moveFocus: boolean };

export interface CommentUi {
  /** The thread open (expanded) in the panel and outlined in the text. */
  active: string | null;
  /** A new thread being written; its mark is already in the text. */
  draft: Draft | null;
  /** The panel should scroll to (and maybe focus) this; cleared by the panel once done. */
  focus: FocusRequest | null;
  /** The latest news for screen readers; `seq` grows, so the same text is said again. */
  announcement: { text: string; seq: number } | null;
}

const INITIAL_STATE: ThreadsState = { status: "loading", threads: [], canComment: false, error: null };
const INITIAL_UI: CommentUi = { active: null, draft: null, focus: null, announcement: null };

/** A v4 UUID; crypto.randomUUID exists only in secure contexts, getRandomValues everywhere. */
export function newThreadId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** id of the Kommentarer tab (PanelTabs: `tab-<panel id>`, the panel id is "kommentarer" in EditorPage). */
const COMMENTS_TAB_ID = "tab-kommentarer";

/** Brings the Kommentarer tab to the front (without moving the focus). */
export function showCommentsTab(): void {
  const tab = document.getElementById(COMMENTS_TAB_ID);
  if (tab && tab.getAttribute("aria-selected") !== "true") tab.click();
}

const excerpt = (text: string, max = 120) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export class ThreadStore {
  private state: ThreadsState = INITIAL_STATE;
  private ui: CommentUi = INITIAL_UI;
  private readonly listeners = new Set<() => void>();
  private scheduled = false;
  private inFlight = false;
  private again = false;
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

  setMe(userId: string): void {
    this.meId = userId;
  }

  // --- loading ------------------------------------------------------------------------------

  /** Refetches soon (coalesced with other calls in the same tick and with a fetch in flight). */
  refresh(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      void this.fetch();
    });
  }

  private async fetch(): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = true;
    try {
      const response = await api.listThreads(this.documentId);
      const previous = this.state;
      for (const t of response.threads) this.created.delete(t.id);
      // The editor's document is newer than the server's answer about which texts still exist.
      const anchored = this.anchored;
      const threads = anchored ? response.threads.map((t) => ({ ...t, orphaned: !anchored.has(t.id) })) : response.threads;
      this.state = { status: "ok", threads, canComment: response.canComment, error: null };
      const news = previous.status === "ok" ? this.newsSince(previous.threads, response.threads) : null;
      if (news) this.ui = { ...this.ui, announcement: { text: news, seq: (this.ui.announcement?.seq ?? 0) + 1 } };
      // The open thread vanished (should not happen; threads are never deleted): close it.
      if (this.ui.active && !response.threads.some((t) => t.id === this.ui.active) && !this.created.has(this.ui.active)) this.ui = { ...this.ui, active: null };
      this.emit();
    } catch (error) {
      const message = errorMessage(error);
      this.setState(this.state.status === "ok" ? { ...this.state, error: message } : { ...INITIAL_STATE, status: "error", error: message });
    } finally {
      this.inFlight = false;
      if (this.again) {
        this.again = false;
        void this.fetch();
      }
    }
  }

  /** What others did since the last list, in words (new comments, resolved or reopened threads). */
  private newsSince(before: ThreadDto[], after: ThreadDto[]): string | null {
    const old = new Map(before.map((t) => [t.id, t]));
    const fresh: { author: ThreadDto["messages"][number]["author"]; body: string }[] = [];
    const statusNews: string[] = [];
    for (const thread of after) {
      const was = old.get(thread.id);
      const known = new Set(was?.messages.map((m) => m.id) ?? []);
      for (const m of thread.messages) if (!known.has(m.id) && !m.deleted && m.author.id !== this.meId) fresh.push({ author: m.author, body: m.body });
      if (was && was.status !== thread.status && !this.ownStatusChanges.has(thread.id)) {
        const quote = excerpt(thread.quote, 40);
        if (thread.status === "resolved" && thread.resolvedBy?.id !== this.meId) statusNews.push(cm.announce.resolved(thread.resolvedBy?.name ?? "", quote));
        if (thread.status === "open") statusNews.push(cm.announce.reopened(quote));
      }
      if (was && was.status !== thread.status) this.ownStatusChanges.delete(thread.id);
    }
    const parts: string[] = [];
    if (fresh.length === 1) parts.push(cm.announce.newComment(fresh[0]!.author.name, fresh[0]!.author.organisation, excerpt(fresh[0]!.body)));
    else if (fresh.length > 1) parts.push(cm.announce.newComments(fresh.length));
    parts.push(...statusNews);
    return parts.length > 0 ? parts.join(". ") : null;
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
    showCommentsTab();
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
    showCommentsTab();
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

const stores = new Map<string, ThreadStore>();

function storeFor(documentId: string): ThreadStore {
  let store = stores.get(documentId);
  if (!store) {
    store = new ThreadStore(documentId);
    stores.set(documentId, store);
  }
  return store;
}

/**
 * The store of the reply on this page (null outside the reply page). Every user keeps it fresh:
 * refetch on mount, on `threads` events, after a reconnect and when the workflow state changes.
 */
export function useThreadStore(): ThreadStore | null {
  const workspace = useContext(WorkspaceContext);
  const store = workspace ? storeFor(workspace.document.id) : null;
  const subscribe = workspace?.subscribe;
  const provider: WebsocketProvider | null = workspace?.provider ?? null;
  const workflowState = workspace?.workflowState;
  const meId = workspace?.me.user.id;
  // A kommentator cannot edit, but may anchor a comment (the server lets the mark through) while the text is a draft.
  const role = workspace?.document.role;
  store?.setAnchorOnly(can(role, "comment") && !can(role, "edit") && workflowState === "udkast");

  useEffect(() => {
    if (!store || !subscribe) return;
    if (meId) store.setMe(meId);
    store.refresh();
    return subscribe((event) => {
      if (event.type === "threads") store.refresh();
    });
  }, [store, subscribe, meId]);

  useEffect(() => {
    if (!store || !provider) return;
    const onSync = (synced: boolean) => {
      if (synced) store.refresh(); // events sent while offline are lost: catch up
    };
    provider.on("sync", onSync);
    return () => provider.off("sync", onSync);
  }, [store, provider]);

  // A change of workflow state may change what one may do (e.g. submitted: read-only).
  const seenState = useRef(workflowState);
  useEffect(() => {
    if (!store || seenState.current === workflowState) return;
    seenState.current = workflowState;
    store.refresh();
  }, [store, workflowState]);

  return store;
}

const noopSubscribe = () => () => {};
const staticState = () => INITIAL_STATE;
const staticUi = () => INITIAL_UI;

export function useThreadsState(store: ThreadStore | null): ThreadsState {
  return useSyncExternalStore(store?.subscribe ?? noopSubscribe, store?.getState ?? staticState);
}

export function useCommentUi(store: ThreadStore | null): CommentUi {
  return useSyncExternalStore(store?.subscribe ?? noopSubscribe, store?.getUi ?? staticUi);
}

/** The threads of this reply and whether one may comment; for panels outside comments/. */
export function useThreads(): ThreadsState {
  return useThreadsState(useThreadStore());
}

/** Binds the editor to the store (highlights, clicks, the shortcut); used by the panel, which is always mounted. */
export function useEditorBinding(store: ThreadStore | null): void {
  const workspace = useContext(WorkspaceContext);
  const editor = workspace?.editor ?? null;
  useEffect(() => (store && editor ? store.bindEditor(editor) : undefined), [store, editor]);
}
