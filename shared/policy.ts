/**
 * The one permission policy: what each document role may do, when the text is locked, and which
 * kinds of organisation may hold which role. The server enforces it (server/access/policy.ts adds
 * who has which role); the client asks the same functions to decide what to offer, and never
 * compares role names itself.
 */
import type { DocumentRole, OrganisationKind, WorkflowState } from "./vocabulary.js";

export type Action =
  | "read" // open the document, receive sync and awareness
  | "readInternal" // read what stays inside the region: the comment threads and who works on the reply
  | "edit" // change content
  | "comment" // start and answer comment threads
  | "approve" // approve on behalf of the own municipality
  | "manage"; // invite, change roles, move the workflow, seal

const ALLOWED: Record<DocumentRole, ReadonlySet<Action>> = {
  koordinator: new Set<Action>(["read", "readInternal", "edit", "comment", "manage"]),
  redaktoer: new Set<Action>(["read", "readInternal", "edit", "comment", "approve"]),
  kommentator: new Set<Action>(["read", "readInternal", "comment"]),
  laeser: new Set<Action>(["read", "readInternal"]),
  // The agency reads the reply, never the kommuner's internal comments (issue 18, item 6).
  styrelse: new Set<Action>(["read"]),
};

export function can(role: DocumentRole | null | undefined, action: Action): boolean {
  return role != null && ALLOWED[role].has(action);
}

/** Content is editable only in the draft state; from "til godkendelse" on, the text is frozen. */
export function isFrozen(state: WorkflowState): boolean {
  return state !== "udkast";
}

/**
 * Only a kommune edits and approves (redaktør); only the secretariat coordinates; the agency holds
 * only its own role; any other organisation of the region may comment or read.
 */
export function roleFitsKind(role: DocumentRole, kind: OrganisationKind): boolean {
  if (role === "styrelse" || kind === "styrelse") return role === "styrelse" && kind === "styrelse";
  if (role === "redaktoer") return kind === "kommune";
  if (role === "koordinator") return kind === "sekretariat";
  return true;
}

/**
 * Before submission the agency sees a reply's state, completeness and deadline (the national
 * overview), not its text; the text follows when the reply is submitted, or earlier when the
 * region's coordinator shares the draft.
 */
export function agencyReadsText(document: { state: WorkflowState; sharedWithAgency: boolean }): boolean {
  return document.state === "indsendt" || document.sharedWithAgency;
}
