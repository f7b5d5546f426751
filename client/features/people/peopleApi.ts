/** People, invitations and mail (server/routes/people, server/routes/mail), over the one HTTP client. */
import type { DocumentResponse, MeResponse } from "../../../shared/validation/api.js";
import type { InvitationCreatedResponse, InvitationInfoResponse, PeopleResponse } from "../../../shared/validation/people.js";
import type { MailPreferencesResponse, OutboxResponse } from "../../../shared/validation/mail.js";
import { documentPath, request, setCsrfToken } from "../../api.js";

type DocumentRole = DocumentResponse["document"]["role"];

export const peopleApi = {
  getPeople(id: string, signal?: AbortSignal): Promise<PeopleResponse> {
    return request<PeopleResponse>("GET", `${documentPath(id)}/people`, { signal });
  },

  /** Koordinator only. `link` is null when the person already had an account and was added at once. 400 "bad_role" / "bad_organisation", 409 "other_organisation". */
  invite(id: string, body: { email: string; name: string; organisationId: string; role: DocumentRole }): Promise<InvitationCreatedResponse> {
    return request<InvitationCreatedResponse>("POST", `${documentPath(id)}/invitations`, { body });
  },

  /** Koordinator only; applied at once to the member's open connections. 400 "own_role" / "bad_role". */
  changeMemberRole(id: string, userId: string, role: DocumentRole): Promise<void> {
    return request<void>("PATCH", `${documentPath(id)}/members/${encodeURIComponent(userId)}`, { body: { role } });
  },

  /** Koordinator only; the member's open connections are closed. */
  removeMember(id: string, userId: string): Promise<void> {
    return request<void>("DELETE", `${documentPath(id)}/members/${encodeURIComponent(userId)}`);
  },

  /** Public. 410 "invitation_gone" when expired or already used. */
  getInvitation(token: string, signal?: AbortSignal): Promise<InvitationInfoResponse> {
    return request<InvitationInfoResponse>("GET", `/api/invitations/${encodeURIComponent(token)}`, { signal, quiet401: true });
  },

  /**
   * Public: sets the password and starts a session (like login: the CSRF token is kept).
   * 400 "weak_password" with the Danish reason, 410 "invitation_gone".
   */
  async acceptInvitation(token: string, password: string): Promise<MeResponse> {
    const me = await request<MeResponse>("POST", `/api/invitations/${encodeURIComponent(token)}/accept`, { body: { password }, quiet401: true });
    setCsrfToken(me.csrfToken);
    return me;
  },

  /** Koordinator only: voids the open invitation and sends a new link (shown only without a mail server). */
  renewInvitation(id: string, invitationId: string): Promise<InvitationCreatedResponse> {
    return request<InvitationCreatedResponse>("POST", `${documentPath(id)}/invitations/${encodeURIComponent(invitationId)}/renew`);
  },

  /** Koordinator only. 404 "invitation_not_open" when it was used, revoked or expired meanwhile. */
  revokeInvitation(id: string, invitationId: string): Promise<void> {
    return request<void>("DELETE", `${documentPath(id)}/invitations/${encodeURIComponent(invitationId)}`);
  },

  /** Koordinator only: reminds the kommuner that have not approved. */
  remind(id: string, note: string | undefined): Promise<{ recipients: number }> {
    return request<{ recipients: number }>("POST", `${documentPath(id)}/workflow/remind`, { body: note ? { note } : {} });
  },

  getOutbox(signal?: AbortSignal): Promise<OutboxResponse> {
    return request<OutboxResponse>("GET", "/api/outbox", { signal });
  },

  getMailPreferences(signal?: AbortSignal): Promise<MailPreferencesResponse> {
    return request<MailPreferencesResponse>("GET", "/api/me/mail-preferences", { signal });
  },

  setMailPreferences(preferences: MailPreferencesResponse["preferences"]): Promise<MailPreferencesResponse> {
    return request<MailPreferencesResponse>("PUT", "/api/me/mail-preferences", { body: { preferences } });
  },
};
