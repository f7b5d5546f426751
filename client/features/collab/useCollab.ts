/**
 * One collaboration session per open document: a Y.Doc, a y-websocket provider speaking the
 * Regionssvar extensions (?ack=1, MESSAGE_SAVED, MESSAGE_EVENT) and the save-state tracker.
 * The editor must not be mounted before `snapshot.everSynced` (only the server seeds content).
 */
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { QUERY_ACK, QUERY_SCHEMA } from "../../../shared/protocol/messages.js";
import { EDITOR_SCHEMA_VERSION } from "../../../shared/schema/version.js";
import { api, ApiError } from "../../api.js";
import { CollabTracker } from "./tracker.js";
import type { ServerEvent } from "./events.js";
import { INITIAL_SNAPSHOT, type CollabSnapshot } from "./saveState.js";

export interface CollabSession {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  tracker: CollabTracker;
}

/** ws(s)://<host> of the page. */
export function collabOrigin(location: Location = window.location): string {
  return `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}`;
}

/** Minimum time between two HTTP probes of the session after refused websocket upgrades. */
const SESSION_PROBE_INTERVAL_MS = 10_000;

export function createCollabSession(documentId: string, hooks: { onEvent: (e: ServerEvent) => void; onSessionGone: () => void }): CollabSession {
  const ydoc = new Y.Doc();
  let lastProbe = 0;
  // A refused upgrade (e.g. 401 after the session expired) reaches the browser as a bare 1006
  // close; ask the HTTP API whether the session still exists before retrying forever.
  const onConnectFailed = () => {
    const now = Date.now();
    if (now - lastProbe < SESSION_PROBE_INTERVAL_MS) return;
    lastProbe = now;
    api.me().catch((error: unknown) => {
      if (error instanceof ApiError && error.isUnauthenticated) {
        tracker.sessionEnded(); // assigned below, before any connection can fail
        hooks.onSessionGone();
      }
    });
  };
  const tracker: CollabTracker = new CollabTracker(ydoc, { onEvent: hooks.onEvent, onConnectFailed });
  const provider = new WebsocketProvider(`${collabOrigin()}/collab`, documentId, ydoc, {
    connect: false,
    params: { [QUERY_ACK]: "1", [QUERY_SCHEMA]: String(EDITOR_SCHEMA_VERSION) },
    WebSocketPolyfill: tracker.webSocketClass,
    // Every change of this tab goes through this tab's socket, so "gemt" is about exactly the
    // changes the user made here (no cross-tab relaying over BroadcastChannel).
    disableBc: true,
  });
  tracker.attach(provider);
  provider.connect();
  return { ydoc, provider, tracker };
}

export function destroyCollabSession(session: CollabSession): void {
  session.tracker.destroy();
  session.provider.destroy();
  session.ydoc.destroy();
}

const noopSubscribe = () => () => {};
const initialSnapshot = () => INITIAL_SNAPSHOT;

export function useCollab(
  documentId: string,
  hooks: { onEvent?: (e: ServerEvent) => void; onSessionGone?: () => void } = {},
): { session: CollabSession | null; snapshot: CollabSnapshot } {
  const [session, setSession] = useState<CollabSession | null>(null);
  const hooksRef = useRef(hooks);
  hooksRef.current = hooks;

  useEffect(() => {
    const created = createCollabSession(documentId, {
      onEvent: (e) => hooksRef.current.onEvent?.(e),
      onSessionGone: () => hooksRef.current.onSessionGone?.(),
    });
    setSession(created);
    return () => {
      setSession(null);
      destroyCollabSession(created);
    };
  }, [documentId]);

  const snapshot = useSyncExternalStore(session ? session.tracker.subscribe : noopSubscribe, session ? session.tracker.getSnapshot : initialSnapshot);
  return { session, snapshot };
}
