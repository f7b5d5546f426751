/**
 * The ONE HTTP client of the browser: same-origin JSON with the session cookie, the CSRF token
 * on every mutating request (except sign-in and accepting an invitation, which have no session
 * yet), and typed errors.
 * Errors carry the server's Danish message (`{ error: { code, message } }`) or a Danish
 * fallback, so pages can show `error.message` as is.
 */
import type { Decision } from "../shared/validation/decision.js";
import type { ApiErrorBody, DocumentListResponse, DocumentResponse, MeResponse } from "../shared/validation/api.js";
import type { FinalResponse, WorkflowResponse } from "../shared/validation/workflow.js";
import type { ThreadListResponse } from "../shared/validation/comments.js";
import { da } from "./i18n/da.js";

export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached at all. */
    readonly status: number,
    /** The server's machine-readable code (e.g. "invalid_credentials"), or "network" / "http_<status>". */
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }

  get isUnauthenticated(): boolean {
    return this.status === 401;
  }
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Mutating requests that have no session yet (the server exempts them from CSRF and checks Origin). */
const NO_CSRF = [/^\/api\/auth\/login$/, /^\/api\/invitations\/[^/]+\/accept$/, /^\/api\/auth\/password-reset(\/[^/]+)?$/];

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** The token from MeResponse; sent as `x-csrf-token` on every mutating request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request (other than sign-in and "who am I") finds the session gone (401). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

function fallbackMessage(status: number): string {
  if (status === 401) return da.errors.unauthenticated;
  if (status === 403) return da.errors.forbidden;
  if (status === 404) return da.errors.notFound;
  if (status >= 500) return da.errors.server;
  return da.errors.generic;
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== "object" || value === null) return false;
  const error = (value as { error?: unknown }).error;
  return typeof error === "object" && error !== null && typeof (error as { message?: unknown }).message === "string";
}

interface RequestOptions {
  body?: unknown;
  /** A file sent as raw bytes (a bilag), its name URL-encoded in X-Filename, instead of a JSON body. */
  file?: File;
  /** Do not report a 401 to the global handler (sign-in, the initial "who am I"). */
  quiet401?: boolean;
  signal?: AbortSignal;
}

export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.file) Object.assign(headers, { "content-type": "application/octet-stream", "x-filename": encodeURIComponent(options.file.name) });
  if (method !== "GET" && !NO_CSRF.some((r) => r.test(path)) && csrfToken) headers["x-csrf-token"] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: options.file ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "network", da.errors.network);
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let json: unknown = undefined;
  if (text.length > 0) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (!response.ok) {
    const error = isErrorBody(json)
      ? new ApiError(response.status, json.error.code, json.error.message, json.error.details)
      : new ApiError(response.status, `http_${response.status}`, fallbackMessage(response.status));
    if (response.status === 401 && !options.quiet401) onUnauthenticated?.();
    throw error;
  }
  if (json === undefined) throw new ApiError(response.status, "bad_response", da.errors.generic);
  return json as T;
}

export type {
  ComparisonColumnDto,
  ComparisonResponse,
  OverviewResponse,
  OverviewRowDto,
  RejectedChangeDto,
  VersionCompareResponse,
  VersionDto,
  VersionViewResponse,
} from "../shared/validation/responses.js";
import type { OverviewResponse, RejectedChangeDto, VersionCompareResponse, VersionDto, VersionViewResponse } from "../shared/validation/responses.js";
import { ComparisonResponseSchema, type ComparisonResponse } from "../shared/validation/responses.js";

export const documentPath = (id: string) => `/api/documents/${encodeURIComponent(id)}`;
const threadPath = (id: string, threadId: string) => `${documentPath(id)}/threads/${encodeURIComponent(threadId)}`;

export const api = {
  /** 401 "totp_required" when the account has a second factor and no `code` was given. */
  async login(email: string, password: string, code?: string): Promise<MeResponse> {
    const me = await request<MeResponse>("POST", "/api/auth/login", { body: code ? { email, password, code } : { email, password }, quiet401: true });
    setCsrfToken(me.csrfToken);
    return me;
  },

  /** Ends the session; for a single sign-on session, where to end the provider's session too (or null). */
  async logout(): Promise<string | null> {
    try {
      const answer = await request<{ endSessionUrl?: string } | undefined>("POST", "/api/auth/logout", { quiet401: true });
      return answer?.endSessionUrl ?? null;
    } finally {
      setCsrfToken(null);
    }
  },

  /** The single sign-on providers, for the sign-in page's buttons. */
  providers(signal?: AbortSignal): Promise<{ providers: { id: string; name: string }[] }> {
    return request("GET", "/api/auth/providers", { quiet401: true, signal });
  },

  async me(signal?: AbortSignal): Promise<MeResponse> {
    const me = await request<MeResponse>("GET", "/api/me", { quiet401: true, signal });
    setCsrfToken(me.csrfToken);
    return me;
  },

  listDocuments(signal?: AbortSignal): Promise<DocumentListResponse> {
    return request<DocumentListResponse>("GET", "/api/documents", { signal });
  },

  getDocument(id: string, signal?: AbortSignal): Promise<DocumentResponse> {
    return request<DocumentResponse>("GET", `/api/documents/${encodeURIComponent(id)}`, { signal });
  },

  // --- workflow (server/routes/workflow) ---------------------------------------------------

  getWorkflow(id: string, signal?: AbortSignal): Promise<WorkflowResponse> {
    return request<WorkflowResponse>("GET", `${documentPath(id)}/workflow`, { signal });
  },

  /** 409 "incomplete" (details: CompletenessReport) or "warnings_unacknowledged" (details: { warnings }). */
  requestApproval(id: string, acknowledgedWarnings: string[]): Promise<{ indholdsHash: string }> {
    return request<{ indholdsHash: string }>("POST", `${documentPath(id)}/workflow/request-approval`, { body: { acknowledgedWarnings } });
  },

  reopen(id: string, reason: string): Promise<void> {
    return request<void>("POST", `${documentPath(id)}/workflow/reopen`, { body: { reason } });
  },

  /** 409 "hash_mismatch" when the frozen text is not the one read, "already_approved". */
  approve(id: string, beslutning: Decision, indholdsHash: string): Promise<{ allApproved: boolean }> {
    return request<{ allApproved: boolean }>("POST", `${documentPath(id)}/approvals`, { body: { beslutning, indholdsHash } });
  },
  approveOnBehalf(
    id: string,
    body: { kommunekode: string; beslutning: Decision; dokumentation: string; indholdsHash: string },
  ): Promise<{ allApproved: boolean }> {
    return request<{ allApproved: boolean }>("POST", `${documentPath(id)}/approvals/on-behalf`, { body });
  },
  submit(id: string): Promise<{ indholdsHash: string; forseglingsHash: string }> {
    return request<{ indholdsHash: string; forseglingsHash: string }>("POST", `${documentPath(id)}/workflow/submit`);
  },

  setAgencySharing(id: string, shared: boolean): Promise<void> {
    return request<void>("PUT", `${documentPath(id)}/agency-sharing`, { body: { shared } });
  },
  setInternalDeadline(id: string, internalDeadline: string | null): Promise<void> {
    return request<void>("PUT", `${documentPath(id)}/workflow/internal-deadline`, { body: { internalDeadline } });
  },

  getFinal(id: string, signal?: AbortSignal): Promise<FinalResponse> {
    return request<FinalResponse>("GET", `${documentPath(id)}/final`, { signal });
  },

  /** Where the sealed PDF/DOCX is downloaded (a plain link: the session cookie goes with it). */
  finalDownloadUrl(id: string, format: "pdf" | "docx" | "zip"): string {
    return `${documentPath(id)}/final.${format}`;
  },

  getRejectedChanges(id: string, signal?: AbortSignal): Promise<{ changes: RejectedChangeDto[]; limitReached: boolean }> {
    return request<{ changes: RejectedChangeDto[]; limitReached: boolean }>("GET", `${documentPath(id)}/rejected-changes`, { signal });
  },

  // --- versions (server/routes/versions) ----------------------------------------------------

  listVersions(id: string, signal?: AbortSignal): Promise<{ versions: VersionDto[] }> {
    return request<{ versions: VersionDto[] }>("GET", `${documentPath(id)}/versions`, { signal });
  },

  createVersion(id: string, name: string): Promise<{ id: string; indholdsHash: string }> {
    return request<{ id: string; indholdsHash: string }>("POST", `${documentPath(id)}/versions`, { body: { name } });
  },

  getVersion(id: string, versionId: string, signal?: AbortSignal): Promise<VersionViewResponse> {
    return request<VersionViewResponse>("GET", `${documentPath(id)}/versions/${encodeURIComponent(versionId)}`, { signal });
  },

  compareVersions(id: string, fromId: string, toId: string, signal?: AbortSignal): Promise<VersionCompareResponse> {
    return request<VersionCompareResponse>("GET", `${documentPath(id)}/versions/${encodeURIComponent(fromId)}/compare/${encodeURIComponent(toId)}`, { signal });
  },

  restoreVersion(id: string, versionId: string): Promise<void> {
    return request<void>("POST", `${documentPath(id)}/versions/${encodeURIComponent(versionId)}/restore`);
  },

  // --- national overview (server/routes/overview) -------------------------------------------

  getOverview(signal?: AbortSignal): Promise<OverviewResponse> {
    return request<OverviewResponse>("GET", "/api/overview", { signal });
  },

  /** The submitted replies side by side (the agency only); parsed, not cast. */
  async getComparison(signal?: AbortSignal): Promise<ComparisonResponse> {
    return ComparisonResponseSchema.parse(await request<unknown>("GET", "/api/overview/comparison", { signal }));
  },

  comparisonXlsxUrl: "/api/overview/comparison.xlsx",

  // --- comment threads (server/routes/comments) ---------------------------------------------
  // Every change is broadcast to the reply's open connections as a `threads` event; clients refetch.

  /** `canComment` is false for readers and once the reply is submitted (indsendt). */
  listThreads(id: string, signal?: AbortSignal): Promise<ThreadListResponse> {
    return request<ThreadListResponse>("GET", `${documentPath(id)}/threads`, { signal });
  },

  /**
   * The thread id is chosen by the client and already set as the `comment` mark on the quoted
   * text. 409 "exists" (id taken), 409 "locked" (submitted), 400 "bad_mention".
   */
  createThread(id: string, body: { threadId: string; quote: string; blockId: string | null; body: string; mentions: string[] }): Promise<{ id: string }> {
    return request<{ id: string }>("POST", `${documentPath(id)}/threads`, { body });
  },

  replyToThread(id: string, threadId: string, body: { body: string; mentions: string[] }): Promise<{ id: string }> {
    return request<{ id: string }>("POST", `${threadPath(id, threadId)}/messages`, { body });
  },

  /** Own messages only (403 otherwise). */
  editMessage(id: string, threadId: string, messageId: string, body: { body: string; mentions: string[] }): Promise<void> {
    return request<void>("PATCH", `${threadPath(id, threadId)}/messages/${encodeURIComponent(messageId)}`, { body });
  },

  /** Own messages only; the message stays in the thread as "deleted". */
  deleteMessage(id: string, threadId: string, messageId: string): Promise<void> {
    return request<void>("DELETE", `${threadPath(id, threadId)}/messages/${encodeURIComponent(messageId)}`);
  },

  resolveThread(id: string, threadId: string): Promise<void> {
    return request<void>("POST", `${threadPath(id, threadId)}/resolve`);
  },

  reopenThread(id: string, threadId: string): Promise<void> {
    return request<void>("POST", `${threadPath(id, threadId)}/reopen`);
  },

  /** Marks the thread read for the caller (no event; readers may call it too). */
  markThreadRead(id: string, threadId: string): Promise<void> {
    return request<void>("POST", `${threadPath(id, threadId)}/read`);
  },
};
