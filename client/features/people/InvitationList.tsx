/**
 * "Åbne invitationer": each open invitation with its expiry. The koordinator can send a new link
 * (tokens are stored hashed, so an old link cannot be shown again; the new one voids it) and
 * revoke one (after a confirmation). Without a mail server the new link is shown here to copy.
 */
import { useState } from "react";
import type { PeopleResponse } from "../../../shared/validation/people.js";
import { da, formatDateTime } from "../../i18n/da.js";
import { people } from "../../i18n/people.js";
import { ConfirmDialog } from "../../ui/Dialog.js";
import { InvitationLink } from "./InvitationLink.js";
import { peopleApi } from "./peopleApi.js";
import { errorMessage } from "../../ui/errors.js";

type Invitation = PeopleResponse["invitations"][number];

export function InvitationList(props: {
  documentId: string;
  invitations: Invitation[];
  manage: boolean;
  onChanged: (notice: { kind: "ok" | "error"; text: string }) => void;
}) {
  const { documentId, invitations, manage, onChanged } = props;
  const [busy, setBusy] = useState<string | null>(null);
  const [shownLink, setShownLink] = useState<{ email: string; link: string; expiresAt: string | null } | null>(null);
  const [revoking, setRevoking] = useState<{ invitation: Invitation; busy: boolean; error: string | null } | null>(null);

  const renew = async (invitation: Invitation) => {
    setBusy(invitation.id);
    try {
      const renewed = await peopleApi.renewInvitation(documentId, invitation.id);
      setShownLink(renewed.link ? { email: invitation.email, link: renewed.link, expiresAt: renewed.expiresAt } : null);
      onChanged({ kind: "ok", text: renewed.link ? people.panel.renewedHere(invitation.email) : people.panel.renewed(invitation.email) });
    } catch (error) {
      onChanged({ kind: "error", text: people.panel.actionFailed(errorMessage(error)) });
    } finally {
      setBusy(null);
    }
  };

  const revoke = async () => {
    if (!revoking) return;
    setRevoking({ ...revoking, busy: true, error: null });
    try {
      await peopleApi.revokeInvitation(documentId, revoking.invitation.id);
      if (shownLink?.email === revoking.invitation.email) setShownLink(null);
      setRevoking(null);
      onChanged({ kind: "ok", text: people.panel.revoked(revoking.invitation.email) });
    } catch (error) {
      setRevoking({ ...revoking, busy: false, error: errorMessage(error) });
    }
  };

  return (
    <>
      <h3 className="panel__subheading" id="people-invitations-heading">
        {people.panel.invitationsTitle}
      </h3>
      {invitations.length === 0 ? (
        <p className="panel-empty">{people.panel.noInvitations}</p>
      ) : (
        <ul className="people-list" aria-labelledby="people-invitations-heading">
          {invitations.map((invitation) => (
            <li key={invitation.id} className="people-person">
              <div className="people-person__who">
                <span className="people-person__name">{invitation.email}</span>
                <span className="people-person__meta">
                  {da.roles[invitation.role]} · <span className="people-badge">{people.panel.pending}</span>
                </span>
                <span className="people-person__meta">{people.panel.invitationExpires(formatDateTime(invitation.expiresAt))}</span>
                <span className="people-person__meta">{people.panel.invitedAt(formatDateTime(invitation.createdAt))}</span>
              </div>
              {manage ? (
                <div className="people-actions">
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={people.panel.renewName(invitation.email)}
                    disabled={busy === invitation.id}
                    onClick={() => void renew(invitation)}
                  >
                    {busy === invitation.id ? people.panel.renewing : people.panel.renew}
                  </button>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={people.panel.revokeName(invitation.email)}
                    onClick={() => setRevoking({ invitation, busy: false, error: null })}
                  >
                    {people.panel.revoke}
                  </button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {shownLink ? (
        <div className="people-result">
          <InvitationLink link={shownLink.link} expiresAt={shownLink.expiresAt} />
        </div>
      ) : null}
      <ConfirmDialog
        tone="danger"
        open={revoking !== null}
        title={revoking ? people.panel.revokeTitle(revoking.invitation.email) : ""}
        confirmLabel={people.panel.revokeConfirm}
        busyLabel={people.panel.revoking}
        busy={revoking?.busy ?? false}
        error={revoking?.error ?? null}
        onConfirm={() => void revoke()}
        onCancel={() => setRevoking(null)}
      >
        <p>{people.panel.revokeBody}</p>
      </ConfirmDialog>
    </>
  );
}
