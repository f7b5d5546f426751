/**
 * What every panel of the reply page may use: the reply, the signed-in person, the live Yjs
 * session and editor, the workflow state, "jump to" and the server's events. Panels read it with
 * useWorkspace() and subscribe to events with useServerEvent(); they never reach into the page.
 */
import { createContext, useContext, useEffect, useRef } from "react";
import type { Editor } from "@tiptap/core";
import type * as Y from "yjs";
import type { WebsocketProvider } from "y-websocket";
import type { DocumentResponse, MeResponse } from "../../../shared/validation/api.js";
import type { ServerEvent } from "../collab/events.js";
import type { JumpTarget } from "../editor/focus.js";
export type PanelId = "fuldstaendighed" | "kommentarer" | "godkendelse" | "bilag" | "personer" | "historik";

export type ReplyDocument = DocumentResponse["document"];
export type WorkflowState = ReplyDocument["state"];

export interface Workspace {
  document: ReplyDocument;
  me: MeResponse;
  ydoc: Y.Doc | null;
  provider: WebsocketProvider | null;
  editor: Editor | null;
  workflowState: WorkflowState;
  onJump: (target: JumpTarget) => void;
  /** Brings a side panel to the front (its id in EditorPage's PanelTabs), without moving the focus. */
  showPanel: (panelId: PanelId) => void;
  subscribe: (listener: (event: ServerEvent) => void) => () => void;
}

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error("useWorkspace outside the reply page");
  return workspace;
}

/** Calls `handler` for every server event of this reply (the latest handler, without resubscribing). */
export function useServerEvent(handler: (event: ServerEvent) => void): void {
  const { subscribe } = useWorkspace();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => subscribe((event) => latest.current(event)), [subscribe]);
}
