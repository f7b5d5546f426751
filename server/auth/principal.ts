import type { OrganisationRow, UserRow } from "../storage/types.js";

/** A signed-in user as the server sees them for one request or connection. */
export interface Principal {
  user: UserRow;
  organisation: OrganisationRow;
  /** Id (hash) of the session the request came with; revoking it ends sockets too. */
  sessionId: string;
  /** An active agency grant (Social- og Boligstyrelsen only): read access to every region's reply. */
  agencyAccess: boolean;
}
