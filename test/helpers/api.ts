/** JSON calls to the HTTP API as a signed-in browser would make them (cookie, Origin, CSRF header). */
import type { Endpoint, Session } from "./clients.js";

export interface ApiResult {
  status: number;
  // eslint-style any: tests read whatever the route returns
  body: any;
}

export async function callApi(
  server: Endpoint,
  session: Session | null,
  method: string,
  path: string,
  body?: unknown,
  options: { csrf?: string | null } = {},
): Promise<ApiResult> {
  const headers: Record<string, string> = { origin: server.origin };
  if (session) headers.cookie = session.cookie;
  const csrf = options.csrf === undefined ? session?.csrfToken : options.csrf;
  if (csrf) headers["x-csrf-token"] = csrf;
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${server.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const type = response.headers.get("content-type") ?? "";
  if (type.includes("json")) return { status: response.status, body: await response.json() };
  if (type.startsWith("text/")) return { status: response.status, body: await response.text() };
  return { status: response.status, body: await response.arrayBuffer() };
}

/** One sign-in attempt with a wrong password, as a browser would send it. */
export function failedSignIn(server: Endpoint, email: string): Promise<Response> {
  return fetch(`${server.baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.origin },
    body: JSON.stringify({ email, password: "forkert-adgangskode" }),
  });
}
