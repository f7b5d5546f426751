/**
 * Single sign-on routes (issue 17). `start` sends the browser to the provider with PKCE, state and
 * nonce; `callback` checks the answer, maps the verified claims to an organisation and a user, and
 * starts the same session as a password sign-in. Every refusal sends the browser back to the
 * sign-in page with a reason code the page shows in Danish, creates no session, and is audited.
 */
import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import type { Config } from "../../config.js";
import type { Store } from "../../storage/types.js";
import { createSession } from "../../auth/sessions.js";
import { recordAudit } from "../../audit/record.js";
import { mapClaims } from "../../auth/oidc/claims.js";
import { accountFor } from "../../auth/oidc/account.js";
import { OidcFailure, type OidcClients } from "../../auth/oidc/flow.js";
import { csrfCookieName } from "../../plugins/security.js";

const ProviderParams = z.object({ provider: z.string().regex(/^[a-z0-9-]{1,40}$/) });
const StartQuery = z.object({ next: z.string().max(500).optional() });

/** Only a path of this app, never another origin ("//evil" or "https://…"). */
const safeReturnTo = (next: string | undefined) => (next && /^\/(?!\/)[^\s\\]*$/.test(next) ? next : "/");

export async function oidcRoutes(app: FastifyInstance, deps: { config: Config; store: Store; clients: OidcClients; baseUrl: () => string }): Promise<void> {
  const { config, store, clients } = deps;
  const stateCookie = config.HTTPS ? "__Host-rs_oidc_state" : "rs_oidc_state";
  // Lax, not Strict: the provider's redirect back is a cross-site navigation, and the cookie must come with it.
  const stateCookieOptions = { path: "/", httpOnly: true, sameSite: "lax" as const, secure: config.HTTPS, maxAge: 600 };

  app.get("/api/auth/providers", async () => ({ providers: clients.providers.map((p) => ({ id: p.id, name: p.name })) }));

  const refuse = async (reply: FastifyReply, provider: string, reason: string, detail?: unknown) => {
    await recordAudit(store, { actorUserId: null, event: "auth.sso_refused", details: { provider, reason } });
    reply.log.info({ provider, reason, err: detail instanceof Error ? detail.message : undefined }, "single sign-on refused");
    reply.clearCookie(stateCookie, { path: "/" });
    return reply.redirect(`/login?fejl=${encodeURIComponent(reason)}`, 303);
  };

  app.get("/api/auth/oidc/:provider/start", { config: { rateLimit: { max: 30, timeWindow: "1 minute" } } }, async (request, reply) => {
    const { provider } = ProviderParams.parse(request.params);
    const { next } = StartQuery.parse(request.query);
    try {
      const { url, state } = await clients.start(provider, safeReturnTo(next));
      reply.setCookie(stateCookie, state, stateCookieOptions);
      return reply.redirect(url, 303);
    } catch (error) {
      return refuse(reply, provider, error instanceof OidcFailure ? error.reason : "provider_unreachable", error);
    }
  });

  app.get("/api/auth/oidc/:provider/callback", { config: { rateLimit: { max: 30, timeWindow: "1 minute" } } }, async (request, reply) => {
    const { provider } = ProviderParams.parse(request.params);
    const query = request.query as Record<string, unknown>;
    // The person cancelled, or the provider refused (error=access_denied …).
    if (typeof query.error === "string") return refuse(reply, provider, "provider_error", query.error);
    let finished;
    try {
      finished = await clients.finish(provider, new URL(request.url, deps.baseUrl()), request.cookies[stateCookie]);
    } catch (error) {
      return refuse(reply, provider, error instanceof OidcFailure ? error.reason : "token_rejected", error);
    }
    const person = mapClaims(clients.provider(provider)!, finished.claims);
    if ("refused" in person) return refuse(reply, provider, person.refused);
    const user = await accountFor(store, provider, person);
    if ("refused" in user) return refuse(reply, provider, user.refused);

    const { token } = await createSession(store, user.id, config.SESSION_TTL_HOURS, new Date(), { provider, idToken: finished.idToken });
    await recordAudit(store, { actorUserId: user.id, event: "auth.login", details: { ip: request.ip, provider } });
    reply.clearCookie(stateCookie, { path: "/" });
    reply.setCookie(app.sessionCookie, token, {
      path: "/",
      httpOnly: true,
      sameSite: "strict",
      secure: config.HTTPS,
      maxAge: Math.floor(config.SESSION_TTL_HOURS * 3600),
    });
    // A new CSRF secret for the new sign-in (as for passwords): /api/me hands out a fresh token.
    reply.clearCookie(csrfCookieName(config), { path: "/", httpOnly: true, sameSite: "strict", secure: config.HTTPS });
    return reply.redirect(finished.returnTo, 303);
  });
}
