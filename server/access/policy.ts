/**
 * Who has which role on a document. What a role may do is the shared policy (shared/policy.ts),
 * re-exported here for the server: routes and the collaboration connection ask `can`, and
 * nothing else compares role names.
 */
import type { DocumentRole, DocumentRow, MembershipRow, OrganisationRow } from "../storage/types.js";

export { can, isFrozen, type Action } from "../../shared/policy.js";

/**
 * The role a user has on a document, or null for no access. A membership gives its role, but
 * only inside the user's own region; a person of Social- og Boligstyrelsen reads every region's
 * reply while an operator's grant is active (`agencyAccess`), and nothing without it.
 */
export function effectiveRole(
  who: { organisation: OrganisationRow; agencyAccess: boolean },
  document: DocumentRow,
  membership: MembershipRow | undefined,
): DocumentRole | null {
  const { organisation } = who;
  if (organisation.kind === "styrelse") return who.agencyAccess ? "laeser" : null;
  if (organisation.regionId !== document.regionId) return null;
  return membership?.role ?? null;
}

export const ROLE_LABELS: Record<DocumentRole, string> = {
  koordinator: "Koordinator",
  redaktoer: "Kommunal redaktør",
  kommentator: "Kommentator",
  laeser: "Læser",
};
