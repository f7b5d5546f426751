/**
 * The collaboration wire protocol, documented once.
 *
 * Transport: one websocket per (client, document) at `GET /collab/:documentId`.
 * Every frame is binary: `varUint messageType` followed by the message body (lib0 encoding).
 *
 * Standard y-websocket messages (a stock `WebsocketProvider` speaks exactly these):
 *   0 MESSAGE_SYNC            y-protocols/sync: step 1 (state vector), step 2 (diff), update
 *   1 MESSAGE_AWARENESS       y-protocols/awareness update
 *   2 MESSAGE_AUTH            y-protocols/auth (server → client "permission denied"; never accepted from clients)
 *   3 MESSAGE_QUERY_AWARENESS client asks for the full awareness state
 *
 * Regionssvar extensions, sent ONLY to clients that opt in with the query parameter `ack=1`
 * (stock clients never receive them, because y-websocket logs unknown message types):
 *   100 MESSAGE_SAVED  `varUint count`: the first `count` update-bearing messages this connection has
 *                      sent (sync step 2 and update, counted from 1 per connection) are committed durably.
 *                      Sent after the storage transaction that holds them has committed, never before.
 *   101 MESSAGE_EVENT  `varString json`: a server event for the document (see ServerEvent), e.g. the
 *                      workflow state changed or a comment thread was updated.
 *   102 MESSAGE_HEARTBEAT  no body: sent every HEARTBEAT_MS. Browsers cannot see websocket pings, so a
 *                      client that hears nothing for CLIENT_SILENCE_MS takes the connection for dead,
 *                      closes it and reconnects (and says "Offline" meanwhile), within seconds instead
 *                      of y-websocket's 30. The server in turn ends a socket that answers no ping.
 *
 * Query parameters of the upgrade URL:
 *   ack=1              opt in to MESSAGE_SAVED and MESSAGE_EVENT
 *   schema=<n>         the client's EDITOR_SCHEMA_VERSION; an older one is closed with SCHEMA_OUTDATED
 */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;
export const MESSAGE_SAVED = 100;
export const MESSAGE_EVENT = 101;
export const MESSAGE_HEARTBEAT = 102;

/** How often the server pings every socket and sends MESSAGE_HEARTBEAT, in ms. */
export const HEARTBEAT_MS = 2000;
/** Silence after which a client takes its connection for dead, in ms (two heartbeats and slack). */
export const CLIENT_SILENCE_MS = 5000;

/** Sub-types of MESSAGE_SYNC (mirrors y-protocols/sync). */
export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;

export const QUERY_ACK = "ack";
export const QUERY_SCHEMA = "schema";

/**
 * Close codes. 1xxx are the standard ones we use; 4xxx are ours, following y-websocket 3's
 * convention: 4400–4499 mirror HTTP 4xx (a deliberate refusal that reconnecting cannot fix, so
 * a stock provider stops reconnecting), 4500–4599 mirror 5xx (transient: try again later).
 * TERMINAL_CLOSE_CODES lists the ones after which the user has to act (sign in, reload, ask
 * for access).
 */
export const CloseCode = {
  /** Server is shutting down or restarting; reconnect. */
  SERVICE_RESTART: 1012,
  /** A frame was larger than the configured maximum (ws sends this itself). */
  MESSAGE_TOO_BIG: 1009,
  /** The frame could not be decoded (truncated varint, unknown message type, bad Yjs update). */
  MALFORMED_MESSAGE: 4400,
  /** The session ended (signed out, revoked, expired). */
  UNAUTHENTICATED: 4401,
  /** The user may not do what the message asks (e.g. a reader sent an update), or lost access. */
  FORBIDDEN: 4403,
  /** The document is frozen for approval or sealed; content updates are refused. */
  DOCUMENT_FROZEN: 4409,
  /** The document would exceed its maximum size. */
  DOCUMENT_TOO_LARGE: 4413,
  /** The user has too many collaboration sockets open (tabs); close some and reload. */
  TOO_MANY_CONNECTIONS: 4429,
  /** The update breaks the template structure or the editor schema (protected heading, unknown node). */
  INVALID_CONTENT: 4422,
  /** The client's editor schema is older than the server's: reload the page. */
  SCHEMA_OUTDATED: 4426,
  /** Too many messages in too short a time, or too slow to receive; reconnecting is fine. */
  RATE_LIMITED: 4529,
  /** The document could not be loaded from storage; try again later. */
  LOAD_FAILED: 4503,
  /** An unexpected error while handling this connection's message. */
  INTERNAL_ERROR: 4500,
} as const;
export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];

export const TERMINAL_CLOSE_CODES: ReadonlySet<number> = new Set([
  CloseCode.UNAUTHENTICATED,
  CloseCode.FORBIDDEN,
  CloseCode.DOCUMENT_FROZEN,
  CloseCode.DOCUMENT_TOO_LARGE,
  CloseCode.TOO_MANY_CONNECTIONS,
  CloseCode.INVALID_CONTENT,
  CloseCode.SCHEMA_OUTDATED,
]);
