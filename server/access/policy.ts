/**
 * The ONE place that says who may do what. Routes and the collaboration connection both ask
 * here; nothing else compares role names.
 */
import type { DocumentRole, DocumentRow, MembershipRow, OrganisationRow, WorkflowState } from "../storage/types.js";

export type Action =
  | "read" // open the document, receive sync and awareness
  | "edit" // change content
  | "comment" // start and answer comment threads
  | "approve" // approve on behalf of the own municipality
  | "manage"; // invite, change roles, move the workflow, seal

const ALLOWED: Record<DocumentRole, ReadonlySet<Action>> = {
  koordinator: new Set<Action>(["read", "edit", "comment", "manage"]),
  redaktoer: new Set<Action>(["read", "edit", "comment", "approve"]),
  kommentator: new Set<Action>(["read", "comment"]),
  laeser: new Set<Action>(["read"]),
};

export function can(role: DocumentRole | null | undefined, action: Action): boolean {
  return role != null && ALLOWED[role].has(action);
}

/** Content is editable only in the draft state; from "til godkendelse" on, the text is frozen. */
export function isFrozen(state: WorkflowState): boolean {
  return state !== "udkast";
}

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
