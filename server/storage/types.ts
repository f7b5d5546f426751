/**
 * The rows of storage, as the Store interface (store.ts) reads and writes them. `Store` is
 * re-exported here, so the rest of the server imports both from one place.
 */

import type { AttachmentKind } from "../../shared/validation/attachments.js";
import type { Decision } from "../../shared/validation/decision.js";
import type { DocumentRole, MailKind, MemberRole, OrganisationKind, ThreadStatus, VersionKind, WorkflowState } from "../../shared/vocabulary.js";

export type { DocumentRole, MailKind, MemberRole, OrganisationKind, ThreadStatus, VersionKind, WorkflowState };
export type { Store } from "./store.js";
export type { Transition, TransitionOutcome } from "./transition-queries.js";
export type { AuditInput } from "./audit-queries.js";

export interface OrganisationRow {
  id: string;
  kind: OrganisationKind;
  name: string;
  regionId: string | null; // null for Social- og Boligstyrelsen
  kommunekode: string | null; // only for kind = kommune
}

export interface UserRow {
  id: string;
  email: string; // lower-cased
  name: string;
  organisationId: string;
  passwordHash: string | null; // null until the user has set a password from an invitation
  createdAt: string; // ISO 8601
}

/** Read access to every region's replies for a person of Social- og Boligstyrelsen, given by an operator. */
export interface AgencyGrantRow {
  userId: string;
  grantedAt: string;
  grantedBy: string; // who ran the operator command (free text: the operator's name or login)
  revokedAt: string | null;
}

export interface SessionRow {
  id: string; // SHA-256 (hex) of the cookie token; the token itself is never stored
  userId: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  /** A session started by single sign-on: the provider and its id token (for RP-initiated logout). */
  sso?: { provider: string; idToken: string } | null;
}

export interface DocumentRow {
  id: string;
  regionId: string;
  title: string;
  templateId: string;
  templateVersion: number;
  state: WorkflowState;
  createdAt: string;
  updatedAt: string;
  /** The coordinator shares the draft with the agency before submission (issue 18, item 6). */
  sharedWithAgency: boolean;
  /** A "supplerende svar": the sealed reply it corrects and supplements (issue 18, item 5); null for a first reply. */
  supplementsDocumentId: string | null;
}

/** A bilag file of a reply (issue 18), without its bytes. */
export interface AttachmentSummary {
  id: string;
  documentId: string;
  filename: string;
  kind: AttachmentKind;
  size: number;
  sha256: string; // hex, of the bytes
  uploadedBy: string;
  uploadedAt: string;
}

export interface AttachmentRow extends AttachmentSummary {
  data: Uint8Array;
}

/** A new reply is never shared with the agency. */
export type NewDocument = Omit<DocumentRow, "sharedWithAgency" | "supplementsDocumentId"> & { supplementsDocumentId?: string | null };

export interface MembershipRow {
  documentId: string;
  userId: string;
  role: MemberRole;
}

export interface InvitationRow {
  id: string;
  tokenHash: string; // SHA-256 (hex) of the single-use token; the token is only in the link
  email: string;
  userId: string; // the invited user (created without a password when new)
  documentId: string;
  role: MemberRole;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  /** The inviter could see the link (no mail server): approvals from the account are flagged. */
  linkShown: boolean;
  revokedAt: string | null;
}

export interface ThreadRow {
  id: string; // chosen by the client: it is also the id in the comment mark in the text
  documentId: string;
  blockId: string | null; // the template block the anchor was in at creation (for counts per item)
  quote: string; // the anchored text at creation, kept when the text is deleted (orphaned thread)
  status: ThreadStatus;
  createdBy: string;
  createdAt: string;
  resolvedBy: string | null;
  resolvedAt: string | null;
}

export interface CommentMessageRow {
  id: string;
  threadId: string;
  authorId: string;
  body: string; // plain text; never rendered as HTML
  mentions: string[]; // organisation ids and user ids
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
}

export interface VersionRow {
  id: string;
  documentId: string;
  name: string;
  kind: VersionKind;
  createdBy: string | null;
  createdAt: string;
  /** Y.encodeStateAsUpdate of the document at that moment (for restore). */
  stateUpdate: Uint8Array;
  /** RFC 8785 JSON of the canonical content (what was read, approved, sealed). */
  contentJson: string;
  indholdsHash: string;
}
export type VersionSummary = Omit<VersionRow, "stateUpdate" | "contentJson">;

export interface WorkflowRow {
  documentId: string;
  frozenVersionId: string | null;
  acknowledgedWarnings: string[];
  internalDeadline: string | null; // YYYY-MM-DD, the coordinator's deadline for approvals
  updatedAt: string;
}

export interface ApprovalRow {
  id: string;
  documentId: string;
  kommunekode: string;
  userId: string;
  createdAt: string;
  grundlag: string;
  indholdsHash: string;
  discardedAt: string | null;
  /** Why the approval needs a second look, printed in the seal (issue 15 item 3); null when none. */
  flag: string | null;
  /** The political decision behind it (issue 18); null for approvals given with a grundlag in words only. */
  decision: Decision | null;
}

export interface SealRow {
  documentId: string;
  recordJson: string; // RFC 8785 JSON of the sealed record
  indholdsHash: string;
  forseglingsHash: string;
  sealedAt: string;
  pdf: Uint8Array;
  docx: Uint8Array;
}

/** A seal's statement (hashes of the record and of the stored PDF and DOCX), signed with the server's key. */
export interface SealSignatureRow {
  documentId: string;
  statementJson: string; // canonical JSON of the statement
  signature: string; // base64 Ed25519
  keyId: string;
}

export interface RejectedUpdateRow {
  id: string;
  documentId: string;
  userId: string;
  createdAt: string;
  reason: "frozen";
  data: Uint8Array;
}

/** What is stored of a collaborative document: the latest snapshot plus the updates after it. */
export interface StoredDocumentState {
  snapshot: Uint8Array | null;
  /** Updates appended after the snapshot, in commit order. */
  updates: Uint8Array[];
  /** Number of update rows after the snapshot (what compaction would merge). */
  pendingUpdates: number;
}

export interface AppendItem {
  documentId: string;
  update: Uint8Array;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorUserId: string | null;
  event: string; // e.g. "auth.login", "auth.login_failed", "role.changed"
  documentId: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** A mail in the outbox (server/mail/): stored first, then sent by the delivery loop. */
export interface MailRow {
  id: string;
  kind: MailKind;
  /** Set for mails a timer or a retried action could enqueue twice; a second one is ignored. */
  dedupeKey: string | null;
  toUserId: string | null;
  toEmail: string;
  documentId: string | null;
  subject: string;
  text: string;
  html: string;
  createdAt: string;
  sentAt: string | null;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
}

/** A person's identity at an OpenID provider, linked to their user (single sign-on). */
export interface IdentityRow {
  provider: string; // the provider's id in the configuration
  subject: string; // the provider's `sub`
  userId: string;
  createdAt: string;
}

/** A sign-in in progress at an OpenID provider (single-use, keyed by the state's hash). */
export interface OidcPendingRow {
  stateHash: string;
  provider: string;
  codeVerifier: string;
  nonce: string;
  returnTo: string;
  expiresAt: string;
}

/** A user's second factor: the active secret, one being set up, and the last time step used. */
export interface TotpState {
  secret: string | null;
  pendingSecret: string | null;
  lastStep: number | null;
}
