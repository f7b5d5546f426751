/**
 * The ONE HTTP client of the browser: same-origin JSON with the session cookie, the CSRF token
 * on every mutating request (except sign-in, which has no session yet), and typed errors.
 * Errors carry the server's Danish message (`{ error: { code, message } }`) or a Danish
 * fallback, so pages can show `error.message` as is.
 */
import type { ApiErrorBody, DocumentListResponse, DocumentResponse, MeResponse } from "../shared/validation/api.js";
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
  /** Do not report a 401 to the global handler (sign-in, the initial "who am I"). */
  quiet401?: boolean;
  signal?: AbortSignal;
}

async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && path !== "/api/auth/login" && csrfToken) headers["x-csrf-token"] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
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

export const api = {
  async login(email: string, password: string): Promise<MeResponse> {
    const me = await request<MeResponse>("POST", "/api/auth/login", { body: { email, password }, quiet401: true });
    setCsrfToken(me.csrfToken);
    return me;
  },

  async logout(): Promise<void> {
    try {
      await request<void>("POST", "/api/auth/logout", { quiet401: true });
    } finally {
      setCsrfToken(null);
    }
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
};
