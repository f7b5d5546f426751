/**
 * People of a reply: list (everyone with access), invite / change role / remove (koordinator),
 * and the public invitation endpoints that let an invited person set a password.
 */
import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import { AcceptInvitationBody, ChangeRoleBody, InvitationParams, InvitationTokenParams, InviteBody, MemberParams } from "../../../shared/validation/people.js";
import type { InvitationCreatedResponse, InvitationInfoResponse, PeopleResponse } from "../../../shared/validation/people.js";
import type { Config } from "../../config.js";
import type { DocumentRow, Store, UserRow } from "../../storage/types.js";
import type { CollabService } from "../../collab/service.js";
import { allowedOrigins, isAllowedOrigin } from "../../access/origin.js";
import { AppError, forbidden } from "../../errors.js";
import { principalOf } from "../../plugins/auth.js";
import { createSession } from "../../auth/sessions.js";
import { presentMe } from "../../presenters/index.js";
import { documentFor } from "../documents/index.js";
import { inviteMember, type InvitationIssued } from "../../people/inviteMember.js";
import { renewInvitation, revokeInvitation } from "../../people/manageInvitation.js";
import { invitationLink, mailInvitation } from "../../mail/events.js";
import type { Mail } from "../../mail/setup.js";
import type { OidcClients } from "../../auth/oidc/flow.js";
import { ssoOnlyOrganisations } from "../../auth/oidc/providers.js";
import { acceptInvitation, openInvitation } from "../../people/acceptInvitation.js";
import { changeMemberRole } from "../../people/changeMemberRole.js";

export async function peopleRoutes(
  app: FastifyInstance,
  deps: { config: Config; store: Store; collab: CollabService; mail: Mail; oidc: OidcClients },
): Promise<void> {
  const { config, store, collab, mail } = deps;
  const ssoOnly = ssoOnlyOrganisations(deps.oidc.providers);
  // With a mail server the link goes only to the invited person; without one (the demo) the
  // coordinator is shown it, and the invitation records that (issue 15, item 3).
  const linkShown = mail.mode === "outbox";
  const origins = allowedOrigins(config.ALLOWED_ORIGINS);

  app.get("/api/documents/:id/people", { preHandler: app.requireUser }, async (request): Promise<PeopleResponse> => {
    const { document } = await documentFor(store, request, "readInternal");
    const members = await Promise.all(
      (await store.listMemberships(document.id)).map(async (m) => {
        const user = await store.getUser(m.userId);
        const organisation = user && (await store.getOrganisation(user.organisationId));
        if (!user || !organisation) return null;
        // Active: the person can sign in, with a password or through single sign-on.
        const active = user.passwordHash !== null || (await store.listIdentitiesOfUser(user.id)).length > 0;
        return {
          userId: user.id,
          name: user.name,
          email: user.email,
          organisation: { id: organisation.id, name: organisation.name, kind: organisation.kind },
          role: m.role,
          active,
        };
      }),
    );
    const invitations = await store.listOpenInvitations(document.id, new Date().toISOString());
    const organisations = await store.listOrganisations(document.regionId);
    return {
      members: members
        .filter((m) => m !== null)
        .sort((a, b) => a.organisation.name.localeCompare(b.organisation.name, "da") || a.name.localeCompare(b.name, "da")),
      invitations: invitations.map((i) => ({ id: i.id, email: i.email, role: i.role, createdAt: i.createdAt, expiresAt: i.expiresAt })),
      linksByMail: !linkShown,
      organisations: organisations.map((o) => ({ id: o.id, name: o.name, kind: o.kind })),
    };
  });

  app.post(
    "/api/documents/:id/invitations",
    { preHandler: app.requireUser, config: { rateLimit: { max: 30, timeWindow: "1 minute" } } },
    async (request, reply): Promise<InvitationCreatedResponse> => {
      const { document } = await documentFor(store, request, "manage");
      const body = InviteBody.parse(request.body);
      const inviter = principalOf(request);
      const issued = await inviteMember(store, {
        inviter,
        document,
        ...body,
        linkShown,
        emailDomains: config.ORGANISATION_EMAIL_DOMAINS,
        ssoOnly: ssoOnly.has(body.organisationId),
      });
      collab.broadcastEvent(document.id, { type: "people" });
      reply.code(201);
      return issued ? await sendInvitation(request.log, document, inviter.user, issued) : { link: null, expiresAt: null, mailed: false };
    },
  );

  /** Mails the link (never logged: it is a credential); the inviter sees it only without a mail server. */
  async function sendInvitation(log: FastifyBaseLogger, document: DocumentRow, inviter: UserRow, issued: InvitationIssued): Promise<InvitationCreatedResponse> {
    await mailInvitation(mail, document, inviter, issued.invitation, issued.token);
    log.info({ invitationId: issued.invitation.id, documentId: document.id }, "invitation sent");
    return { link: linkShown ? invitationLink(mail, issued.token) : null, expiresAt: issued.invitation.expiresAt, mailed: true };
  }

  /** A new link for an open invitation ("Send igen"): the old link stops working. */
  app.post(
    "/api/documents/:id/invitations/:invitationId/renew",
    { preHandler: app.requireUser, config: { rateLimit: { max: 30, timeWindow: "1 minute" } } },
    async (request) => {
      const { document } = await documentFor(store, request, "manage");
      const { invitationId } = InvitationParams.parse(request.params);
      const inviter = principalOf(request);
      const issued = await renewInvitation(store, { actor: inviter, document, invitationId, linkShown });
      collab.broadcastEvent(document.id, { type: "people" });
      return sendInvitation(request.log, document, inviter.user, issued);
    },
  );

  app.delete("/api/documents/:id/invitations/:invitationId", { preHandler: app.requireUser }, async (request, reply) => {
    const { document } = await documentFor(store, request, "manage");
    const { invitationId } = InvitationParams.parse(request.params);
    await revokeInvitation(store, { actor: principalOf(request), document, invitationId });
    collab.broadcastEvent(document.id, { type: "people" });
    return reply.code(204).send();
  });

  app.patch("/api/documents/:id/members/:userId", { preHandler: app.requireUser }, async (request, reply) => {
    const { document } = await documentFor(store, request, "manage");
    const { userId } = MemberParams.parse(request.params);
    const { role } = ChangeRoleBody.parse(request.body);
    await changeMemberRole(store, collab, { actor: principalOf(request), document, userId, role });
    return reply.code(204).send();
  });

  app.delete("/api/documents/:id/members/:userId", { preHandler: app.requireUser }, async (request, reply) => {
    const { document } = await documentFor(store, request, "manage");
    const { userId } = MemberParams.parse(request.params);
    await changeMemberRole(store, collab, { actor: principalOf(request), document, userId, role: null });
    return reply.code(204).send();
  });

  app.get("/api/invitations/:token", { config: { rateLimit: { max: 30, timeWindow: "1 minute" } } }, async (request): Promise<InvitationInfoResponse> => {
    const { token } = InvitationTokenParams.parse(request.params);
    const invitation = await openInvitation(store, token);
    const [user, document] = await Promise.all([store.getUser(invitation.userId), store.getDocument(invitation.documentId)]);
    const organisation = user && (await store.getOrganisation(user.organisationId));
    if (!user || !document || !organisation) throw new AppError(410, "invitation_gone", "Invitationen kan ikke længere bruges.");
    return {
      email: user.email,
      name: user.name,
      documentId: document.id,
      documentTitle: document.title,
      role: invitation.role,
      organisation: organisation.name,
    };
  });

  app.post("/api/invitations/:token/accept", { config: { rateLimit: { max: 10, timeWindow: "1 minute" } } }, async (request, reply) => {
    if (request.headers.origin !== undefined && !isAllowedOrigin(request, origins, config.HTTPS)) throw forbidden("Ukendt afsender.");
    const { token } = InvitationTokenParams.parse(request.params);
    const { password } = AcceptInvitationBody.parse(request.body);
    const { userId, documentId } = await acceptInvitation(store, { token, password });
    collab.broadcastEvent(documentId, { type: "people" });
    const user = (await store.getUser(userId))!;
    const organisation = (await store.getOrganisation(user.organisationId))!;
    const session = await createSession(store, user.id, config.SESSION_TTL_HOURS);
    reply.setCookie(app.sessionCookie, session.token, {
      path: "/",
      httpOnly: true,
      sameSite: "strict",
      secure: config.HTTPS,
      maxAge: Math.floor(config.SESSION_TTL_HOURS * 3600),
    });
    return presentMe({ user, organisation }, reply.generateCsrf());
  });
}
