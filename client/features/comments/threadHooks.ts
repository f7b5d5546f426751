/**
 * React's side of the comment threads (threadStore.ts): one store per reply, kept fresh by every
 * component that uses it, and read with useSyncExternalStore.
 */
import { useContext, useEffect, useRef, useSyncExternalStore } from "react";
import type { WebsocketProvider } from "y-websocket";
import { can } from "../../../shared/policy.js";
import { WorkspaceContext } from "../workspace/WorkspaceContext.js";
import { INITIAL_STATE, INITIAL_UI, ThreadStore, type CommentUi, type ThreadsState } from "./threadStore.js";

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
 * The store of the reply on this page (null outside the reply page, and for a role that may not
 * read the threads). Every user keeps it fresh:
 * refetch on mount, on `threads` events, after a reconnect and when the workflow state changes.
 */
export function useThreadStore(): ThreadStore | null {
  const workspace = useContext(WorkspaceContext);
  // The agency never reads the kommuner's threads (shared/policy.ts); it gets no store at all.
  const store = workspace && can(workspace.document.role, "readInternal") ? storeFor(workspace.document.id) : null;
  const subscribe = workspace?.subscribe;
  const provider: WebsocketProvider | null = workspace?.provider ?? null;
  const workflowState = workspace?.workflowState;
  const meId = workspace?.me.user.id;
  // A kommentator cannot edit, but may anchor a comment (the server lets the mark through) while the text is a draft.
  const role = workspace?.document.role;
  const showPanel = workspace?.showPanel;
  if (showPanel) store?.setShowPanel(() => showPanel("kommentarer"));
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
