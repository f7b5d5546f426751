/**
 * The one permission policy: what each document role may do, when the text is locked, and which
 * kinds of organisation may hold which role. The server enforces it (server/access/policy.ts adds
 * who has which role); the client asks the same functions to decide what to offer, and never
 * compares role names itself.
 */
import type { DocumentRole, OrganisationKind, WorkflowState } from "./vocabulary.js";

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

/** Only a kommune edits and approves (redaktør); only the secretariat coordinates; any organisation may comment or read. */
export function roleFitsKind(role: DocumentRole, kind: OrganisationKind): boolean {
  if (role === "redaktoer") return kind === "kommune";
  if (role === "koordinator") return kind === "sekretariat";
  return true;
}
