/**
 * The one vocabulary of the product: the kinds of organisation, the document roles, the workflow
 * states, thread statuses and version kinds. Server storage, routes, Redis messages and the client
 * all take their types and validators from here, so a new value is added in one place.
 */
import { z } from "zod";

export const OrganisationKind = z.enum(["kommune", "sekretariat", "familieambulatorium", "styrelse"]);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

/** The roles a membership or an invitation gives, inside a region. */
export const MemberRole = z.enum(["koordinator", "redaktoer", "kommentator", "laeser"]);
export type MemberRole = z.infer<typeof MemberRole>;

/**
 * Every role a person can have on a reply: a member's, or "styrelse", the agency's, which no
 * membership gives (an operator's grant does; server/access/agency-grants.ts).
 */
export const DocumentRole = z.enum([...MemberRole.options, "styrelse"]);
export type DocumentRole = z.infer<typeof DocumentRole>;

export const WorkflowState = z.enum(["udkast", "til_godkendelse", "godkendt", "indsendt"]);
export type WorkflowState = z.infer<typeof WorkflowState>;

export const ThreadStatus = z.enum(["open", "resolved"]);
export type ThreadStatus = z.infer<typeof ThreadStatus>;

export const VersionKind = z.enum(["auto", "manual"]);
export type VersionKind = z.infer<typeof VersionKind>;

/**
 * The kinds of mail (issue 17). Each person can turn off each kind except invitations and
 * password resets.
 */
export const MailKind = z.enum(["invitation", "password_reset", "approval_requested", "reminder", "mention", "deadline", "approved_by_all", "submitted"]);
export type MailKind = z.infer<typeof MailKind>;
/** Invitations and password resets always go out: they are the only ways into an account. */
export const OPTIONAL_MAIL_KINDS = MailKind.options.filter((k) => k !== "invitation" && k !== "password_reset");
