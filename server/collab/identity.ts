/**
 * Who a connection is, as others see it in presence. The server stamps this from the session, so
 * a client cannot claim another name, organisation or role in its awareness state (room.ts
 * overwrites the `user` field of every state a connection sends with this).
 */
import { colorForOrganisation } from "../../shared/presence.js";
import type { AwarenessUser } from "../../shared/validation/api.js";
import type { Principal } from "../auth/principal.js";
import type { DocumentRole } from "../storage/types.js";

export function awarenessIdentity(principal: Principal, role: DocumentRole): AwarenessUser {
  return {
    userId: principal.user.id,
    name: principal.user.name,
    organisation: principal.organisation.name,
    kommunekode: principal.organisation.kommunekode,
    role,
    color: colorForOrganisation(principal.organisation.kommunekode ?? principal.organisation.id),
  };
}
