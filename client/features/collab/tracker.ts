/**
 * Wires one WebsocketProvider and its Y.Doc to the save-state counters (./saveState.ts) and
 * publishes an immutable CollabSnapshot for React (useSyncExternalStore). Create it BEFORE the
 * provider (the provider needs `webSocketClass`), attach it, then connect:
 *
 *   const tracker = new CollabTracker(ydoc);
 *   const provider = new WebsocketProvider(url, id, ydoc, { WebSocketPolyfill: tracker.webSocketClass, connect: false, … });
 *   tracker.attach(provider); provider.connect();
 */
import * as decoding from "lib0/decoding";
import type * as Y from "yjs";
import type { WebsocketProvider } from "y-websocket";
import { CLIENT_SILENCE_MS, CloseCode, MESSAGE_EVENT, MESSAGE_HEARTBEAT, MESSAGE_SAVED, TERMINAL_CLOSE_CODES } from "../../../shared/protocol/messages.js";
import { CountingWebSocket, type CountedFrame } from "./CountingWebSocket.js";
import { parseServerEvent, type ServerEvent } from "./events.js";
import { INITIAL_SNAPSHOT, frameSent, localChange, savedAck, socketClosed, socketOpened, type CollabSnapshot } from "./saveState.js";

export interface TrackerHooks {
  onEvent?: (event: ServerEvent) => void;
  /** A socket closed before it ever opened (refused upgrade, network down). */
  onConnectFailed?: () => void;
}

export class CollabTracker {
  readonly webSocketClass: typeof CountingWebSocket;
  private snapshot: CollabSnapshot = INITIAL_SNAPSHOT;
  private readonly listeners = new Set<() => void>();
  private provider: WebsocketProvider | null = null;
  private socket: WebSocket | null = null;
  private socketOpenedOnce = false;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly doc: Y.Doc,
    private readonly hooks: TrackerHooks = {},
  ) {
    this.webSocketClass = CountingWebSocket.withFrameListener((socket, frame) => this.onFrame(socket, frame));
  }

  getSnapshot = (): CollabSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private update(patch: Partial<CollabSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of [...this.listeners]) listener();
  }

  attach(provider: WebsocketProvider): void {
    this.provider = provider;

    const onStatus = ({ status }: { status: "connected" | "disconnected" | "connecting" }) => {
      if (status === "connecting" && provider.ws !== this.socket) {
        this.socket = provider.ws;
        this.socketOpenedOnce = false;
        this.update({ status, synced: false, counters: socketOpened(this.snapshot.counters) });
        return;
      }
      if (status === "connected") this.socketOpenedOnce = true;
      this.update({ status, synced: status === "connected" ? this.snapshot.synced : false });
    };
    const onSync = (synced: boolean) => {
      this.update({ synced, everSynced: this.snapshot.everSynced || synced });
    };
    const onClose = (event: CloseEvent | null) => {
      const neverOpened = !this.socketOpenedOnce;
      this.socket = null;
      this.update({ status: "disconnected", synced: false, counters: socketClosed(this.snapshot.counters) });
      if (event && TERMINAL_CLOSE_CODES.has(event.code)) {
        this.setTerminal(event.code);
      } else if (event && neverOpened) {
        this.hooks.onConnectFailed?.();
      }
    };
    let typingMarkedAt = 0;
    const onDocUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin === provider) return; // applied from the server
      // Tell the others one is typing (at most once a second): the coordinator's freeze waits for a pause.
      if (Date.now() - typingMarkedAt > 1000) {
        typingMarkedAt = Date.now();
        provider.awareness.setLocalStateField("typingAt", typingMarkedAt);
      }
      // Mirrors y-websocket's broadcastMessage: it sent the update (synchronously, in its own
      // update handler registered before this one) only on a connected, open socket.
      const sentNow = provider.wsconnected && provider.ws !== null && provider.ws.readyState === WebSocket.OPEN;
      this.update({ counters: localChange(this.snapshot.counters, sentNow) });
    };

    provider.on("status", onStatus);
    provider.on("sync", onSync);
    provider.on("connection-close", onClose);
    this.doc.on("update", onDocUpdate);
    this.cleanups.push(
      () => provider.off("status", onStatus),
      () => provider.off("sync", onSync),
      () => provider.off("connection-close", onClose),
      () => this.doc.off("update", onDocUpdate),
    );

    provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder, p) => {
      const count = decoding.readVarUint(decoder);
      if (p.ws !== this.socket) return;
      this.update({ counters: savedAck(this.snapshot.counters, count) });
    };
    provider.messageHandlers[MESSAGE_HEARTBEAT] = () => {
      // Its arrival is the point (y-websocket notes when it last heard anything); nothing to read.
    };
    // A dead network closes nothing by itself: the server speaks at least every HEARTBEAT_MS, so
    // silence for CLIENT_SILENCE_MS means the connection is gone. Closing it makes the provider
    // reconnect and the page say "Offline" now, not after y-websocket's own 30 seconds.
    const watchdog = setInterval(() => {
      const silentMs = Date.now() - provider.wsLastMessageReceived;
      if (provider.wsconnected && provider.ws && silentMs > CLIENT_SILENCE_MS) provider.ws.close(4000, "no heartbeat");
    }, 1000);
    this.cleanups.push(() => clearInterval(watchdog));
    provider.messageHandlers[MESSAGE_EVENT] = (_encoder, decoder) => {
      const event = parseServerEvent(decoding.readVarString(decoder));
      if (!event) return;
      if (event.type === "save-health") this.update({ saveHealthy: event.healthy });
      this.hooks.onEvent?.(event);
    };
  }

  private onFrame(socket: CountingWebSocket, frame: CountedFrame): void {
    if (socket !== this.socket) return;
    this.update({ counters: frameSent(this.snapshot.counters, frame) });
  }

  /**
   * Stops the provider for good: the user has to act (reload, sign in, ask for access). Deferred,
   * because y-websocket emits the close event while it is still tearing the socket down.
   */
  setTerminal(code: number): void {
    if (this.snapshot.terminalCode !== null) return;
    this.update({ terminalCode: code, synced: false });
    const provider = this.provider;
    setTimeout(() => provider?.disconnect(), 0);
  }

  /** The session turned out to be gone (probed over HTTP after a refused upgrade). */
  sessionEnded(): void {
    this.setTerminal(CloseCode.UNAUTHENTICATED);
  }

  destroy(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.listeners.clear();
    this.provider = null;
  }
}
