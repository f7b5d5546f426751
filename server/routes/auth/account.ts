/**
 * One's own account (issue 15, item 9): change the password (other sessions end), reset a
 * forgotten one by mail (the answer never says whether the address has an account; the link
 * works once, for an hour, and ends every session), and a second factor (TOTP) to set up and
 * turn off. Accounts of SSO-only organisations have no password to change or reset.
 */
import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import {
  ChangePasswordBody,
  PasswordResetBody,
  PasswordResetRequestBody,
  PasswordResetTokenParams,
  TotpCodeBody,
  TotpDisableBody,
  type TotpSetupResponse,
  type TotpStatusResponse,
} from "../../../shared/validation/account.js";
import type { Config } from "../../config.js";
import type { Store } from "../../storage/types.js";
import type { CollabService } from "../../collab/service.js";
import { allowedOrigins, isAllowedOrigin } from "../../access/origin.js";
import { AppError, forbidden } from "../../errors.js";
import { principalOf } from "../../plugins/auth.js";
import { hashPassword, verifyPassword } from "../../auth/passwords.js";
import { checkPassword } from "../../auth/password-policy.js";
import { hashToken } from "../../auth/sessions.js";
import { checkTotp, newTotpSecret, totpUri } from "../../auth/totp.js";
import { recordAudit } from "../../audit/record.js";
import { inBackground, type MailContext } from "../../mail/events.js";
import { recipientOf } from "../../mail/notify.js";

const RESET_TTL_MS = 3600_000;
const wrongPassword = () => new AppError(400, "wrong_password", "Den nuværende adgangskode er forkert.");

export async function accountRoutes(
  app: FastifyInstance,
  deps: { config: Config; store: Store; collab: CollabService; mail: MailContext; ssoOnly: ReadonlyMap<string, unknown> },
): Promise<void> {
  const { config, store, collab, mail } = deps;
  const origins = allowedOrigins(config.ALLOWED_ORIGINS);

  app.post("/api/auth/password", { preHandler: app.requireUser, config: { rateLimit: { max: 10, timeWindow: "1 minute" } } }, async (request, reply) => {
    const principal = principalOf(request);
    const body = ChangePasswordBody.parse(request.body);
    if (!principal.user.passwordHash || !(await verifyPassword(principal.user.passwordHash, body.currentPassword))) throw wrongPassword();
    const refusal = await checkPassword(body.newPassword, principal.user.email);
    if (refusal) throw new AppError(400, "weak_password", refusal);
    await store.setUserPassword(principal.user.id, await hashPassword(body.newPassword));
    // Every other session ends (someone who knew the old password is signed out); this one stays.
    const ended = await store.revokeUserSessions(principal.user.id, new Date().toISOString(), principal.sessionId);
    collab.closeSessions(ended);
    await recordAudit(store, { actorUserId: principal.user.id, event: "auth.password_changed", details: { sessionsEnded: ended.length } });
    return reply.code(204).send();
  });

  app.post("/api/auth/password-reset", { config: { rateLimit: { max: 5, timeWindow: "1 minute" } } }, async (request, reply) => {
    if (request.headers.origin !== undefined && !isAllowedOrigin(request, origins, config.HTTPS)) throw forbidden("Ukendt afsender.");
    const { email } = PasswordResetRequestBody.parse(request.body);
    const user = await store.getUserByEmail(email);
    // Only accounts with a password, outside SSO-only organisations; the answer is the same either way.
    if (user?.passwordHash && !deps.ssoOnly.has(user.organisationId)) {
      const token = randomBytes(32).toString("base64url");
      const now = new Date();
      const expiresAt = new Date(now.getTime() + RESET_TTL_MS).toISOString();
      await store.insertPasswordReset({ tokenHash: hashToken(token), userId: user.id, createdAt: now.toISOString(), expiresAt });
      await recordAudit(store, { actorUserId: user.id, event: "auth.password_reset_requested", details: { ip: request.ip } });
      inBackground(
        request.log,
        mail.notifier.send({
          facts: { kind: "password_reset", link: `${mail.baseUrl()}/nulstil/${token}`, expiresAt },
          to: [recipientOf(user)],
          documentId: null,
        }),
      );
    }
    return reply.code(204).send();
  });

  app.post("/api/auth/password-reset/:token", { config: { rateLimit: { max: 10, timeWindow: "1 minute" } } }, async (request, reply) => {
    if (request.headers.origin !== undefined && !isAllowedOrigin(request, origins, config.HTTPS)) throw forbidden("Ukendt afsender.");
    const { token } = PasswordResetTokenParams.parse(request.params);
    const { password } = PasswordResetBody.parse(request.body);
    const gone = () => new AppError(410, "reset_gone", "Linket er udløbet eller allerede brugt. Bed om et nyt.");
    // The policy is checked before the token is spent, so a refused password does not burn the link.
    const pending = await store.getPasswordResetUser(hashToken(token), new Date().toISOString());
    if (!pending) throw gone();
    const refusal = await checkPassword(password, pending.email);
    if (refusal) throw new AppError(400, "weak_password", refusal);
    const userId = await store.usePasswordReset(hashToken(token), new Date().toISOString());
    if (!userId) throw gone();
    await store.setUserPassword(userId, await hashPassword(password));
    collab.closeSessions(await store.revokeUserSessions(userId, new Date().toISOString()));
    await recordAudit(store, { actorUserId: userId, event: "auth.password_reset", details: { ip: request.ip } });
    return reply.code(204).send();
  });

  app.get("/api/auth/totp", { preHandler: app.requireUser }, async (request): Promise<TotpStatusResponse> => ({
    enabled: (await store.getTotp(principalOf(request).user.id)).secret !== null,
  }));

  app.post("/api/auth/totp/setup", { preHandler: app.requireUser }, async (request): Promise<TotpSetupResponse> => {
    const { user } = principalOf(request);
    if ((await store.getTotp(user.id)).secret) throw new AppError(409, "totp_enabled", "Totrinsbekræftelse er allerede slået til.");
    const secret = await newTotpSecret();
    await store.setTotpPending(user.id, secret);
    return { secret, uri: await totpUri(secret, user.email) };
  });

  app.post("/api/auth/totp/enable", { preHandler: app.requireUser, config: { rateLimit: { max: 10, timeWindow: "1 minute" } } }, async (request, reply) => {
    const { user } = principalOf(request);
    const { code } = TotpCodeBody.parse(request.body);
    const { pendingSecret } = await store.getTotp(user.id);
    const step = pendingSecret ? await checkTotp(pendingSecret, code) : null;
    if (!pendingSecret || step === null || !(await store.enableTotp(user.id, pendingSecret, step)))
      throw new AppError(400, "wrong_code", "Koden passer ikke. Tjek uret på telefonen, og prøv med den næste kode.");
    await recordAudit(store, { actorUserId: user.id, event: "auth.totp_enabled", details: {} });
    return reply.code(204).send();
  });

  app.post("/api/auth/totp/disable", { preHandler: app.requireUser, config: { rateLimit: { max: 10, timeWindow: "1 minute" } } }, async (request, reply) => {
    const { user } = principalOf(request);
    const { password } = TotpDisableBody.parse(request.body);
    if (!user.passwordHash || !(await verifyPassword(user.passwordHash, password))) throw wrongPassword();
    await store.disableTotp(user.id);
    await recordAudit(store, { actorUserId: user.id, event: "auth.totp_disabled", details: {} });
    return reply.code(204).send();
  });
}
