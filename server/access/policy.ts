/**
 * Who has which role on a document. What a role may do is the shared policy (shared/policy.ts),
 * re-exported here for the server: routes and the collaboration connection ask `can`, and
 * nothing else compares role names.
 */
import type { DocumentRole, DocumentRow, MembershipRow, OrganisationRow } from "../storage/types.js";
import { agencyReadsText } from "../../shared/policy.js";

export { can, isFrozen, type Action } from "../../shared/policy.js";

/**
 * The role a user has on a document, or null for no access. A membership gives its role, but
 * only inside the user's own region. A person of Social- og Boligstyrelsen has the agency's role
 * while an operator's grant is active (`agencyAccess`), on a reply whose text the agency may read
 * (shared/policy.ts, agencyReadsText), and nothing otherwise.
 */
export function effectiveRole(
  who: { organisation: OrganisationRow; agencyAccess: boolean },
  document: DocumentRow,
  membership: MembershipRow | undefined,
): DocumentRole | null {
  const { organisation } = who;
  if (organisation.kind === "styrelse") return who.agencyAccess && agencyReadsText(document) ? "styrelse" : null;
  if (organisation.regionId !== document.regionId) return null;
  return membership?.role ?? null;
}
