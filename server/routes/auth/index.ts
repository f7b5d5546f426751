/** Sign-in, sign-out and "who am I". Sign-in errors are generic: no hint whether the e-mail exists. */
import type { FastifyInstance } from "fastify";
import { LoginBody } from "../../../shared/validation/api.js";
import type { Config } from "../../config.js";
import type { Store } from "../../storage/types.js";
import type { CollabService } from "../../collab/service.js";
import { verifyPassword } from "../../auth/passwords.js";
import { createSession } from "../../auth/sessions.js";
import { allowedOrigins, isAllowedOrigin } from "../../access/origin.js";
import { AppError, forbidden } from "../../errors.js";
import { principalOf } from "../../plugins/auth.js";
import { presentMe } from "../../presenters/index.js";
import { recordAudit } from "../../audit/record.js";
import { LoginLimiter } from "../../auth/login-limit.js";
import { csrfCookieName } from "../../plugins/security.js";
import type { OidcClients } from "../../auth/oidc/flow.js";
import { ssoOnlyOrganisations } from "../../auth/oidc/providers.js";
import { verifyUserTotp } from "../../auth/totp.js";

const ssoOnlyRefusal = (name: string) => new AppError(403, "sso_only", `Din organisation logger ind med ${name}. Brug knappen "Log ind med ${name}".`);

export async function authRoutes(
  app: FastifyInstance,
  deps: { config: Config; store: Store; collab: CollabService; oidc: OidcClients; baseUrl: () => string },
): Promise<void> {
  const { config, store } = deps;
  const ssoOnly = ssoOnlyOrganisations(deps.oidc.providers);
  const origins = allowedOrigins(config.ALLOWED_ORIGINS);
  const cookieOptions = { path: "/", httpOnly: true, sameSite: "strict" as const, secure: config.HTTPS };
  const csrfCookie = csrfCookieName(config);

  const limiter = new LoginLimiter();
  app.post("/api/auth/login", async (request, reply) => {
    // Login is the one mutating route without a CSRF token (there is no session yet); a
    // cross-site form post is stopped by the Origin check instead.
    if (request.headers.origin !== undefined && !isAllowedOrigin(request, origins, config.HTTPS)) throw forbidden("Ukendt afsender.");
    const refused = limiter.admit(String((request.body as { email?: unknown } | undefined)?.email ?? ""), request.ip);
    if (refused) {
      reply.header("retry-after", Math.ceil(refused.retryAfterMs / 1000));
      throw new AppError(429, "too_many_attempts", "For mange forsøg på at logge ind. Vent lidt, og prøv igen.");
    }
    const body = LoginBody.parse(request.body);
    // Decided by the address's domain, before any account is looked up: says nothing about whether one exists.
    const ssoByDomain = [...ssoOnly.values()].find((p) => Object.keys(p.emailDomains).includes(body.email.split("@")[1] ?? ""));
    if (ssoByDomain) throw ssoOnlyRefusal(ssoByDomain.name);
    const user = await store.getUserByEmail(body.email);
    const ok = await verifyPassword(user?.passwordHash ?? null, body.password);
    if (!user || !ok) {
      await recordAudit(store, { actorUserId: user?.id ?? null, event: "auth.login_failed", details: { email: body.email, ip: request.ip } });
      const locked = limiter.failed(body.email, request.ip);
      if (locked)
        await recordAudit(store, { actorUserId: user?.id ?? null, event: "auth.login_locked", details: { scope: locked, email: body.email, ip: request.ip } });
      throw new AppError(401, "invalid_credentials", "Forkert e-mail eller adgangskode.");
    }
    const ssoByOrganisation = ssoOnly.get(user.organisationId);
    if (ssoByOrganisation) throw ssoOnlyRefusal(ssoByOrganisation.name);
    // The second factor, when the account has one: asked for only after the password was right.
    if ((await store.getTotp(user.id)).secret) {
      if (!body.code) throw new AppError(401, "totp_required", "Skriv den sekscifrede kode fra din godkendelsesapp.");
      if (!(await verifyUserTotp(store, user.id, body.code))) {
        await recordAudit(store, { actorUserId: user.id, event: "auth.login_failed", details: { email: body.email, ip: request.ip, factor: "totp" } });
        limiter.failed(body.email, request.ip);
        throw new AppError(401, "wrong_code", "Koden er forkert eller allerede brugt. Vent på den næste kode, og prøv igen.");
      }
    }
    limiter.succeeded(body.email);
    const { token } = await createSession(store, user.id, config.SESSION_TTL_HOURS);
    await recordAudit(store, { actorUserId: user.id, event: "auth.login", details: { ip: request.ip } });
    const organisation = await store.getOrganisation(user.organisationId);
    if (!organisation) throw new AppError(500, "internal", "Brugeren mangler en organisation.");
    reply.setCookie(app.sessionCookie, token, { ...cookieOptions, maxAge: Math.floor(config.SESSION_TTL_HOURS * 3600) });
    // A new CSRF secret for the new sign-in: a token issued before it (to whoever used this browser) stops working.
    delete request.cookies[csrfCookie];
    return presentMe({ user, organisation }, reply.generateCsrf());
  });

  app.post("/api/auth/logout", { preHandler: app.requireUser }, async (request, reply) => {
    const principal = principalOf(request);
    const session = await store.getSession(principal.sessionId);
    await store.revokeSession(principal.sessionId, new Date().toISOString());
    deps.collab.closeSessions([principal.sessionId]);
    await recordAudit(store, { actorUserId: principal.user.id, event: "auth.logout", details: {} });
    reply.clearCookie(app.sessionCookie, cookieOptions);
    reply.clearCookie(csrfCookie, cookieOptions);
    // RP-initiated logout: a single sign-on session also ends at the provider, when it offers that.
    const endSessionUrl = session?.sso ? await deps.oidc.endSessionUrl(session.sso.provider, session.sso.idToken, `${deps.baseUrl()}/login`) : null;
    return endSessionUrl ? { endSessionUrl } : reply.code(204).send();
  });

  /** "Log ud på alle enheder": revokes every session of the user and closes all their sockets. */
  app.post("/api/auth/logout-all", { preHandler: app.requireUser }, async (request, reply) => {
    const principal = principalOf(request);
    const revoked = await store.revokeUserSessions(principal.user.id, new Date().toISOString());
    deps.collab.closeSessions(revoked);
    await recordAudit(store, { actorUserId: principal.user.id, event: "auth.sessions_revoked", details: { sessions: revoked.length } });
    reply.clearCookie(app.sessionCookie, cookieOptions);
    reply.clearCookie(csrfCookie, cookieOptions);
    return reply.code(204).send();
  });

  app.get("/api/me", { preHandler: app.requireUser }, async (request, reply) => presentMe(principalOf(request), reply.generateCsrf()));
}
