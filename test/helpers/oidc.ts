/**
 * A real OpenID provider in the test process (oidc-provider on 127.0.0.1, its development
 * login and consent pages), and a sign-in driven over HTTP the way a browser does it: our start
 * route, the provider's pages, our callback. Accounts are the claims each `sub` gets.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateKeyPairSync } from "node:crypto";
import Provider from "oidc-provider";
import type { Endpoint, Session } from "./clients.js";

export interface TestProvider {
  issuer: string;
  accounts: Map<string, Record<string, unknown>>;
  provider: Provider;
  issueExpiredIdTokens(on: boolean): void;
  /** Publishes a JWK Set whose key has the real key's id but is another key (a forged signer's view). */
  serveForeignJwks(on: boolean): Promise<void>;
  close(): Promise<void>;
}

export interface ProviderOptions {
  clientId?: string;
  clientSecret?: string;
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  extraClients?: { client_id: string; client_secret: string; redirect_uris: string[] }[];
}

export async function startOidcProvider(options: ProviderOptions): Promise<TestProvider> {
  const http: Server = createServer();
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", () => resolve()));
  const issuer = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const accounts = new Map<string, Record<string, unknown>>();
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId ?? "regionssvar",
        client_secret: options.clientSecret ?? "hemmelighed-til-test",
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris ?? [],
      },
      ...(options.extraClients ?? []),
    ],
    findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub, ...accounts.get(sub) }) }),
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], cvr: ["cvr"] },
    scopes: ["openid", "email", "profile", "cvr"],
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ["test-cookie-key"] },
  });
  provider.on("server_error", () => {});
  const issue = provider.IdToken.prototype.issue;
  // A provider whose clock is an hour behind: every id token it issues has already expired.
  const state = { expiredIdTokens: false };
  provider.IdToken.prototype.issue = function (this: InstanceType<Provider["IdToken"]>, opts: Parameters<typeof issue>[0]) {
    const expired = state.expiredIdTokens && opts.use === "idtoken";
    return issue.call(this, expired ? { ...opts, expiresAt: Math.floor(Date.now() / 1000) - 3600 } : opts);
  };
  const callback = provider.callback();
  let foreignJwks: string | null = null;
  http.on("request", (req, res) => {
    if (foreignJwks && req.method === "GET" && req.url === "/jwks") {
      res.writeHead(200, { "content-type": "application/jwk-set+json" });
      return res.end(foreignJwks);
    }
    callback(req, res);
  });
  const serveForeignJwks = async (on: boolean) => {
    if (!on) return void (foreignJwks = null);
    const real = (await (await fetch(`${issuer}/jwks`)).json()) as { keys: Record<string, unknown>[] };
    const keys = real.keys.map((key) => ({
      ...generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ format: "jwk" }),
      kid: key.kid,
      use: key.use,
      alg: key.alg,
    }));
    foreignJwks = JSON.stringify({ keys });
  };
  return {
    issuer,
    accounts,
    provider,
    issueExpiredIdTokens: (on: boolean) => void (state.expiredIdTokens = on),
    serveForeignJwks,
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
}

/** Writes an OIDC_PROVIDERS_FILE into `dir` and returns its path. */
export function writeProvidersFile(dir: string, providers: Record<string, unknown>[]): string {
  const file = join(dir, "oidc-providers.json");
  writeFileSync(file, JSON.stringify({ providers }));
  return file;
}

/** A minimal cookie jar for one host. */
export class Jar {
  private readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...value] = pair!.split("=");
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.join("="));
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }
}

export interface SsoResult {
  /** Where our callback sent the browser: the page after sign-in, or /login?fejl=<reason>. */
  location: string;
  /** Our session cookie ("rs_session=…"), when a session was created. */
  sessionCookie: string | null;
  /** The callback URL the provider sent the browser to (to replay it). */
  callbackUrl: string;
  ours: Jar;
}

async function get(url: string, jar: Jar, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, { ...init, redirect: "manual", headers: { ...(init.headers as Record<string, string>), cookie: jar.header() } });
  jar.take(response);
  return response;
}

/** Follows the provider's redirects and development pages, as `sub`, until it sends the browser back to us. */
export async function throughProvider(authorizationUrl: string, sub: string, ourOrigin: string): Promise<string> {
  const jar = new Jar();
  let url = authorizationUrl;
  for (let step = 0; step < 12; step++) {
    if (url.startsWith(ourOrigin)) return url;
    const response = await get(url, jar);
    if (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get("location")!, url).href;
      continue;
    }
    const html = await response.text();
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!prompt || !action) throw new Error(`unexpected provider page (${response.status}): ${html.slice(0, 300)}`);
    const body = new URLSearchParams(prompt === "login" ? { prompt, login: sub, password: "x" } : { prompt });
    const posted = await get(new URL(action, url).href, jar, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } });
    url = new URL(posted.headers.get("location")!, url).href;
  }
  throw new Error("too many steps at the provider");
}

/** Signs in through `providerId` as `sub`, over HTTP, and returns where we ended up. */
export async function ssoSignIn(
  server: Endpoint,
  providerId: string,
  sub: string,
  options: { alterCallback?: (url: string) => string } = {},
): Promise<SsoResult> {
  const ours = new Jar();
  const start = await get(`${server.baseUrl}/api/auth/oidc/${providerId}/start?next=/`, ours);
  const authorizationUrl = start.headers.get("location")!;
  if (authorizationUrl.startsWith("/login")) return { location: authorizationUrl, sessionCookie: null, callbackUrl: "", ours };
  const callbackUrl = (options.alterCallback ?? ((u) => u))(await throughProvider(authorizationUrl, sub, server.baseUrl));
  return finishAt(server, callbackUrl, ours);
}

/** A signed-in API session from a session cookie: /api/me hands out the CSRF cookie and token. */
export async function sessionFrom(server: Endpoint, sessionCookie: string): Promise<Session> {
  const response = await fetch(`${server.baseUrl}/api/me`, { headers: { cookie: sessionCookie } });
  const body = (await response.json()) as { csrfToken: string; user: { id: string } };
  const csrf = response.headers.getSetCookie().map((c) => c.split(";")[0]!);
  return { cookie: [sessionCookie, ...csrf].join("; "), csrfToken: body.csrfToken, userId: body.user.id };
}

/** Opens a callback URL with our cookies, as the browser would. */
export async function finishAt(server: Endpoint, callbackUrl: string, ours: Jar): Promise<SsoResult> {
  const callback = await get(callbackUrl, ours);
  // Only a session this callback created counts (the jar may hold one from an earlier sign-in).
  const created = callback.headers.getSetCookie().find((c) => c.startsWith("rs_session=") && !/max-age=0/i.test(c));
  return { location: callback.headers.get("location") ?? "", sessionCookie: created ? created.split(";")[0]! : null, callbackUrl, ours };
}
