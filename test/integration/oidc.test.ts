/**
 * Single sign-on (issue 17) against a real OpenID provider in the test process: a first sign-in
 * creates the person in their organisation with no access, a coordinator grants a role, and each
 * bad answer is refused with a reason the sign-in page shows in Danish, and no session: an
 * unverified e-mail, an unknown organisation, a replayed state, a code issued to another client
 * (audience), an answer from another issuer (mix-up), an expired id token. SSO-only organisations
 * cannot use passwords. Logout ends the provider's session too.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, tempDataDir, type TestServer } from "../helpers/server.js";
import { login } from "../helpers/clients.js";
import { callApi } from "../helpers/api.js";
import { Jar, finishAt, sessionFrom, ssoSignIn, startOidcProvider, throughProvider, writeProvidersFile, type TestProvider } from "../helpers/oidc.js";
import { freePort } from "../helpers/ports.js";

const PROVIDER = "kommune-login";
const FORGED_KEYS = "forkerte-noegler";
const DOC = "svar-nordjylland";
let server: TestServer;
let idp: TestProvider;
let other: TestProvider;
let temp: { dir: string; remove: () => void };

beforeAll(async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const redirectUris = [`${base}/api/auth/oidc/${PROVIDER}/callback`];
  idp = await startOidcProvider({
    redirectUris,
    postLogoutRedirectUris: [`${base}/login`],
    extraClients: [{ client_id: "andet-system", client_secret: "andet", redirect_uris: redirectUris }],
  });
  other = await startOidcProvider({ redirectUris: [...redirectUris, `${base}/api/auth/oidc/${FORGED_KEYS}/callback`] });
  temp = tempDataDir();
  const file = writeProvidersFile(temp.dir, [
    {
      id: PROVIDER,
      name: "Kommunelogin",
      issuer: idp.issuer,
      clientId: "regionssvar",
      clientSecret: "hemmelighed-til-test",
      scopes: ["openid", "email", "profile", "cvr"],
      emailDomains: { "aalborg.dk": "kommune-851", "morsoe.dk": "kommune-773" },
      organisationClaim: { claim: "cvr", values: { "29189420": "kommune-787" } },
      ssoOnly: true,
      allowInsecureHttp: true,
    },
    // A provider whose published keys did not sign its id tokens (see the signature test).
    {
      id: FORGED_KEYS,
      name: "Forkerte nøgler",
      issuer: other.issuer,
      clientId: "regionssvar",
      clientSecret: "hemmelighed-til-test",
      emailDomains: { "morsoe.dk": "kommune-773" },
      allowInsecureHttp: true,
    },
  ]);
  server = await startServer({ port, config: { OIDC_PROVIDERS_FILE: file } });
});
afterAll(async () => {
  await server?.close();
  await idp?.close();
  await other?.close();
  temp?.remove();
});

async function me(cookie: string | null) {
  return callApi(server, cookie ? { cookie, csrfToken: "", userId: "" } : null, "GET", "/api/me");
}
async function sessionCount(): Promise<number> {
  const db = (server.store as unknown as { kysely: import("kysely").Kysely<import("../../server/storage/schema.js").Tables> }).kysely;
  const r = await db
    .selectFrom("sessions")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function expectRefused(run: () => Promise<{ location: string; sessionCookie: string | null }>, reason: string): Promise<void> {
  const before = await sessionCount();
  const result = await run();
  expect(result.location).toBe(`/login?fejl=${reason}`);
  expect(result.sessionCookie).toBeNull();
  expect(await sessionCount()).toBe(before);
}

describe("single sign-on with a real OpenID provider", () => {
  it("lists the providers for the sign-in page", async () => {
    expect((await callApi(server, null, "GET", "/api/auth/providers")).body).toEqual({
      providers: [
        { id: PROVIDER, name: "Kommunelogin" },
        { id: FORGED_KEYS, name: "Forkerte nøgler" },
      ],
    });
  });

  it("creates a first-time person in their organisation with no access, until a coordinator grants a role", async () => {
    idp.accounts.set("anne", { email: "Anne.Sso@aalborg.dk", email_verified: true, name: "Anne Sso" });
    const first = await ssoSignIn(server, PROVIDER, "anne");
    expect(first.location).toBe("/");
    const who = await me(first.sessionCookie);
    expect(who.body.user).toMatchObject({ email: "anne.sso@aalborg.dk", name: "Anne Sso", organisation: { id: "kommune-851" } });
    const session = await sessionFrom(server, first.sessionCookie!);
    expect((await callApi(server, session, "GET", "/api/documents")).body.documents).toEqual([]);
    expect((await callApi(server, session, "GET", `/api/documents/${DOC}`)).status).toBeGreaterThanOrEqual(403);

    const coordinator = await login(server, "koordinator.nordjylland@regionssvar.dk");
    const granted = await callApi(server, coordinator, "POST", `/api/documents/${DOC}/invitations`, {
      email: "anne.sso@aalborg.dk",
      name: "Anne Sso",
      organisationId: "kommune-851",
      role: "redaktoer",
    });
    expect(granted.body).toMatchObject({ link: null, mailed: false });
    expect((await callApi(server, session, "GET", "/api/documents")).body.documents.map((d: { id: string }) => d.id)).toEqual([DOC]);
    const people = await callApi(server, coordinator, "GET", `/api/documents/${DOC}/people`);
    expect(people.body.members.find((m: { email: string }) => m.email === "anne.sso@aalborg.dk")).toMatchObject({ role: "redaktoer", active: true });

    // A second sign-in is the same person.
    const again = await ssoSignIn(server, PROVIDER, "anne");
    expect((await me(again.sessionCookie)).body.user.id).toBe(who.body.user.id);
  });

  it("maps an organisation id claim (CVR) to its organisation", async () => {
    idp.accounts.set("cvr-person", { email: "person@hjoerring.example", email_verified: true, name: "Cvr Person", cvr: "29189420" });
    const result = await ssoSignIn(server, PROVIDER, "cvr-person");
    expect((await me(result.sessionCookie)).body.user.organisation.id).toBe("kommune-787");
  });

  it("refuses an unverified e-mail and an unknown organisation", async () => {
    idp.accounts.set("unverified", { email: "bo@aalborg.dk", email_verified: false });
    await expectRefused(() => ssoSignIn(server, PROVIDER, "unverified"), "email_not_verified");
    idp.accounts.set("stranger", { email: "someone@gmail.com", email_verified: true });
    await expectRefused(() => ssoSignIn(server, PROVIDER, "stranger"), "unknown_organisation");
  });

  it("refuses a replayed state, even with the state cookie put back", async () => {
    idp.accounts.set("replay", { email: "replay@morsoe.dk", email_verified: true });
    const good = await ssoSignIn(server, PROVIDER, "replay");
    expect(good.location).toBe("/");
    await expectRefused(() => finishAt(server, good.callbackUrl, good.ours), "state_mismatch");
    const jar = new Jar();
    jar.set("rs_oidc_state", new URL(good.callbackUrl).searchParams.get("state")!);
    await expectRefused(() => finishAt(server, good.callbackUrl, jar), "state_mismatch");
  });

  it("refuses a code issued to another client (wrong audience) and an answer from another issuer", async () => {
    idp.accounts.set("mixup", { email: "mixup@morsoe.dk", email_verified: true });
    other.accounts.set("mixup", { email: "mixup@morsoe.dk", email_verified: true });
    const viaAuthorizationUrl = async (alter: (url: URL) => URL) => {
      const ours = new Jar();
      const start = await fetch(`${server.baseUrl}/api/auth/oidc/${PROVIDER}/start`, { redirect: "manual" });
      ours.take(start);
      const callback = await throughProvider(alter(new URL(start.headers.get("location")!)).href, "mixup", server.baseUrl);
      return finishAt(server, callback, ours);
    };
    await expectRefused(
      () =>
        viaAuthorizationUrl((url) => {
          url.searchParams.set("client_id", "andet-system");
          return url;
        }),
      "token_rejected",
    );
    await expectRefused(() => viaAuthorizationUrl((url) => new URL(`${url.pathname}${url.search}`, other.issuer)), "token_rejected");
  });

  it("refuses an expired id token", async () => {
    idp.accounts.set("late", { email: "late@morsoe.dk", email_verified: true });
    idp.issueExpiredIdTokens(true);
    try {
      await expectRefused(() => ssoSignIn(server, PROVIDER, "late"), "token_rejected");
    } finally {
      idp.issueExpiredIdTokens(false);
    }
  });

  it("checks the id token's signature against the provider's keys, also from the token endpoint", async () => {
    other.accounts.set("forged", { email: "forged@morsoe.dk", email_verified: true });
    await other.serveForeignJwks(true);
    try {
      await expectRefused(() => ssoSignIn(server, FORGED_KEYS, "forged"), "token_rejected");
    } finally {
      await other.serveForeignJwks(false);
    }
  });

  it("refuses passwords for an SSO-only organisation, and logs out at the provider too", async () => {
    const refused = await callApi(server, null, "POST", "/api/auth/login", {
      email: "redaktoer.aalborg@regionssvar.dk".replace("regionssvar.dk", "aalborg.dk"),
      password: "hvad som helst",
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain("Log ind med Kommunelogin");

    idp.accounts.set("leaving", { email: "leaving@aalborg.dk", email_verified: true });
    const signedIn = await ssoSignIn(server, PROVIDER, "leaving");
    const logout = await callApi(server, await sessionFrom(server, signedIn.sessionCookie!), "POST", "/api/auth/logout");
    expect(logout.status).toBe(200);
    const end = new URL(logout.body.endSessionUrl);
    expect(end.origin).toBe(idp.issuer);
    expect(end.searchParams.get("post_logout_redirect_uri")).toBe(`${server.baseUrl}/login`);
    expect(end.searchParams.get("id_token_hint")).toBeTruthy();
    expect((await me(signedIn.sessionCookie)).status).toBe(401);
  });

  it("writes each refusal and each sign-in to the audit log", async () => {
    const events = (await server.store.listAudit()).filter(
      (e) => e.event === "auth.sso_refused" || (e.event === "auth.login" && e.details.provider === PROVIDER),
    );
    expect(events.some((e) => e.event === "auth.sso_refused" && e.details.reason === "email_not_verified")).toBe(true);
    expect(events.some((e) => e.event === "auth.login")).toBe(true);
  });
});
