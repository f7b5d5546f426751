/**
 * The outbox (`/udbakke`) and each person's mail preferences (issue 17). A coordinator reads the
 * mails of the replies they coordinate; without a mail server that is where the mails are (the
 * demo), with one it shows only whether each was sent, never the bodies (an invitation's link is
 * for the invited person alone).
 */
import type { FastifyInstance } from "fastify";
import { MailPreferencesBody, type MailPreferencesResponse, type OutboxResponse } from "../../../shared/validation/mail.js";
import { OPTIONAL_MAIL_KINDS } from "../../../shared/vocabulary.js";
import type { Store } from "../../storage/types.js";
import type { Mail } from "../../mail/setup.js";
import { principalOf } from "../../plugins/auth.js";
import { forbidden } from "../../errors.js";
import { recordAudit } from "../../audit/record.js";
import { can } from "../../../shared/policy.js";

const OUTBOX_LIMIT = 200;

export async function mailRoutes(app: FastifyInstance, deps: { store: Store; mail: Mail }): Promise<void> {
  const { store, mail } = deps;
  app.addHook("preHandler", app.requireUser);

  app.get("/api/outbox", async (request): Promise<OutboxResponse> => {
    const principal = principalOf(request);
    const coordinated = (await store.listMembershipsOfUser(principal.user.id)).filter((m) => can(m.role, "manage")).map((m) => m.documentId);
    if (coordinated.length === 0) throw forbidden("Kun koordinatoren kan se udbakken.");
    const mails = await store.listMail(coordinated, OUTBOX_LIMIT);
    const showBodies = mail.mode === "outbox";
    return {
      mode: mail.mode,
      mails: mails.map((m) => ({
        id: m.id,
        kind: m.kind,
        to: m.toEmail,
        subject: m.subject,
        text: showBodies ? m.text : null,
        createdAt: m.createdAt,
        sentAt: m.sentAt,
        attempts: m.attempts,
        failing: m.sentAt === null && m.lastError !== null,
      })),
    };
  });

  app.get("/api/me/mail-preferences", async (request): Promise<MailPreferencesResponse> => {
    const off = new Set(await store.listMailOptOuts(principalOf(request).user.id));
    return { preferences: OPTIONAL_MAIL_KINDS.map((kind) => ({ kind, enabled: !off.has(kind) })) };
  });

  app.put("/api/me/mail-preferences", async (request): Promise<MailPreferencesResponse> => {
    const { preferences } = MailPreferencesBody.parse(request.body);
    const userId = principalOf(request).user.id;
    for (const { kind, enabled } of preferences) await store.setMailOptOut(userId, kind, !enabled);
    await recordAudit(store, { actorUserId: userId, event: "mail.preferences", details: { off: preferences.filter((p) => !p.enabled).map((p) => p.kind) } });
    const off = new Set(await store.listMailOptOuts(userId));
    return { preferences: OPTIONAL_MAIL_KINDS.map((kind) => ({ kind, enabled: !off.has(kind) })) };
  });
}
