/**
 * The storage interface: one contract, two implementations (SQLite default, PostgreSQL for
 * several instances), both built on Kysely (server/storage/kysely-store.ts). Every method is
 * async and every write is durable when its promise resolves (SQLite: WAL + synchronous=FULL;
 * PostgreSQL: synchronous_commit on). test/contract/storage.test.ts runs the same suite on both.
 */

import type { DocumentRole, MailKind, OrganisationKind, ThreadStatus, VersionKind, WorkflowState } from "../../shared/vocabulary.js";

export type { DocumentRole, MailKind, OrganisationKind, ThreadStatus, VersionKind, WorkflowState };

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
}

export interface MembershipRow {
  documentId: string;
  userId: string;
  role: DocumentRole;
}

export interface InvitationRow {
  id: string;
  tokenHash: string; // SHA-256 (hex) of the single-use token; the token is only in the link
  email: string;
  userId: string; // the invited user (created without a password when new)
  documentId: string;
  role: DocumentRole;
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
  contentHash: string;
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
  contentHash: string;
  discardedAt: string | null;
  /** Why the approval needs a second look, printed in the seal (issue 15 item 3); null when none. */
  flag: string | null;
}

export interface SealRow {
  documentId: string;
  recordJson: string; // RFC 8785 JSON of the sealed record
  contentHash: string;
  sealHash: string;
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

export interface Store {
  readonly dialect: "sqlite" | "postgres";

  /** Creates tables if missing (idempotent), checks durability settings. */
  migrate(): Promise<void>;
  close(): Promise<void>;

  // --- organisations and users -------------------------------------------------------------
  upsertOrganisation(org: OrganisationRow): Promise<void>;
  getOrganisation(id: string): Promise<OrganisationRow | undefined>;
  listOrganisations(regionId?: string): Promise<OrganisationRow[]>;
  insertUser(user: UserRow): Promise<void>;
  getUserByEmail(email: string): Promise<UserRow | undefined>;
  getUser(id: string): Promise<UserRow | undefined>;
  countUsers(): Promise<number>;
  setUserPassword(userId: string, passwordHash: string): Promise<void>;

  // --- sessions ----------------------------------------------------------------------------
  insertSession(session: SessionRow): Promise<void>;
  getSession(id: string): Promise<SessionRow | undefined>;
  revokeSession(id: string, at: string): Promise<void>;
  /** Revokes the user's open sessions (all, or all but one); returns the revoked ids. */
  revokeUserSessions(userId: string, at: string, exceptSessionId?: string): Promise<string[]>;

  // --- agency access (operator command scripts/agency.ts) ------------------------------------
  getAgencyGrant(userId: string): Promise<AgencyGrantRow | undefined>;
  putAgencyGrant(grant: Omit<AgencyGrantRow, "revokedAt">): Promise<void>;
  /** Returns true if an active grant was revoked. */
  revokeAgencyGrant(userId: string, at: string): Promise<boolean>;

  // --- seal signatures (server/signing/) ------------------------------------------------------
  putSealSignature(row: SealSignatureRow): Promise<void>;
  getSealSignature(documentId: string): Promise<SealSignatureRow | undefined>;

  // --- mail (server/mail/; queries in mail-queries.ts) --------------------------------------
  /** Stores mails to send; one whose dedupeKey is already stored is skipped. */
  enqueueMail(mails: MailRow[]): Promise<void>;
  /**
   * Claims up to `limit` unsent mails that are due, by moving their next attempt to `leaseUntil`
   * (so another instance's loop does not send them too), and returns them.
   */
  claimDueMail(now: string, leaseUntil: string, limit: number): Promise<MailRow[]>;
  /** Marks a mail sent; `redacted` replaces its stored bodies (an invitation's link is a credential). */
  markMailSent(id: string, at: string, redacted?: { text: string; html: string }): Promise<void>;
  markMailFailed(id: string, attempts: number, nextAttemptAt: string, error: string): Promise<void>;
  /** Newest first: the outbox of these documents (`/udbakke`). */
  listMail(documentIds: string[], limit: number): Promise<MailRow[]>;
  listMailOptOuts(userId: string): Promise<MailKind[]>;
  setMailOptOut(userId: string, kind: MailKind, optedOut: boolean): Promise<void>;

  // --- single sign-on (server/auth/oidc/; queries in identity-queries.ts) ---------------------
  getIdentity(provider: string, subject: string): Promise<IdentityRow | undefined>;
  listIdentitiesOfUser(userId: string): Promise<IdentityRow[]>;
  insertIdentity(row: IdentityRow): Promise<void>;
  putOidcPending(row: OidcPendingRow): Promise<void>;
  /** The sign-in in progress, removed as it is read (a replayed state finds nothing). */
  takeOidcPending(stateHash: string): Promise<OidcPendingRow | undefined>;

  // --- second factor and password resets (server/auth/; queries in account-queries.ts) --------
  getTotp(userId: string): Promise<TotpState>;
  setTotpPending(userId: string, secret: string | null): Promise<void>;
  enableTotp(userId: string, secret: string, step: number): Promise<boolean>;
  disableTotp(userId: string): Promise<void>;
  /** Records a used time step; false when it or a later one was used (a code works once). */
  useTotpStep(userId: string, step: number): Promise<boolean>;
  insertPasswordReset(row: { tokenHash: string; userId: string; createdAt: string; expiresAt: string }): Promise<void>;
  /** The user of an open, unexpired reset token, without using it. */
  getPasswordResetUser(tokenHash: string, now: string): Promise<{ userId: string; email: string } | undefined>;
  /** The user of an open reset token, which is used up (with the user's other open tokens); undefined if none. */
  usePasswordReset(tokenHash: string, at: string): Promise<string | undefined>;

  // --- documents and memberships -----------------------------------------------------------
  insertDocument(doc: DocumentRow): Promise<void>;
  getDocument(id: string): Promise<DocumentRow | undefined>;
  listDocuments(): Promise<DocumentRow[]>;
  setDocumentState(id: string, state: WorkflowState, at: string): Promise<void>;
  upsertMembership(m: MembershipRow): Promise<void>;
  removeMembership(documentId: string, userId: string): Promise<void>;
  getMembership(documentId: string, userId: string): Promise<MembershipRow | undefined>;
  listMemberships(documentId: string): Promise<MembershipRow[]>;
  listMembershipsOfUser(userId: string): Promise<MembershipRow[]>;

  // --- invitations -------------------------------------------------------------------------
  insertInvitation(invitation: InvitationRow): Promise<void>;
  getInvitationByTokenHash(tokenHash: string): Promise<InvitationRow | undefined>;
  listOpenInvitations(documentId: string, now: string): Promise<InvitationRow[]>;
  getInvitation(id: string): Promise<InvitationRow | undefined>;
  /** The invitation through which the account got its password, if it had one. */
  getAcceptedInvitationOf(userId: string): Promise<InvitationRow | undefined>;
  /** Revokes an open invitation; false when it was no longer open. */
  revokeInvitation(id: string, at: string): Promise<boolean>;
  /** Marks the invitation used iff it is still unused; true if this call used it (single use). */
  useInvitation(id: string, at: string): Promise<boolean>;
  /** Marks every open invitation of a person as used (one link per person works, once); returns how many. */
  voidOpenInvitations(userId: string, at: string): Promise<number>;

  // --- comment threads -----------------------------------------------------------------------
  insertThread(thread: ThreadRow, first: CommentMessageRow): Promise<void>;
  getThread(id: string): Promise<ThreadRow | undefined>;
  listThreads(documentId: string): Promise<ThreadRow[]>;
  setThreadStatus(id: string, status: ThreadStatus, by: string | null, at: string | null): Promise<void>;
  insertMessage(message: CommentMessageRow): Promise<void>;
  getMessage(id: string): Promise<CommentMessageRow | undefined>;
  listMessages(documentId: string): Promise<CommentMessageRow[]>;
  editMessage(id: string, body: string, mentions: string[], at: string): Promise<void>;
  deleteMessage(id: string, at: string): Promise<void>;
  markThreadRead(threadId: string, userId: string, at: string): Promise<void>;
  listThreadReads(documentId: string, userId: string): Promise<Map<string, string>>;

  // --- collaborative content ---------------------------------------------------------------
  /** The snapshot and every update after it. */
  loadDocumentState(documentId: string): Promise<StoredDocumentState>;
  /**
   * Appends updates of possibly several documents in ONE transaction (a group commit).
   * Resolves when the transaction is durably committed; rejects and stores nothing otherwise.
   */
  appendUpdates(items: AppendItem[]): Promise<void>;
  /**
   * Stores `update` as the document's first content iff the document has no content yet,
   * atomically (concurrent callers, several server instances). Returns true if this call seeded.
   */
  seedIfEmpty(documentId: string, update: Uint8Array): Promise<boolean>;
  /**
   * Merges the snapshot and every update row it reads into a new snapshot and deletes exactly
   * the rows it merged, in one transaction. Rows committed meanwhile (e.g. by another instance)
   * are not touched, so no update is ever lost. Returns how many rows were merged.
   */
  compact(documentId: string): Promise<number>;

  // --- workflow, versions, approvals, seals ---------------------------------------------------
  /** Compare-and-set of the workflow state; true if the state was one of `from` and is now `to`. */
  transitionState(documentId: string, from: WorkflowState[], to: WorkflowState, at: string): Promise<boolean>;
  getWorkflow(documentId: string): Promise<WorkflowRow>;
  saveWorkflow(row: WorkflowRow): Promise<void>;
  insertVersion(version: VersionRow): Promise<void>;
  getVersion(id: string): Promise<VersionRow | undefined>;
  listVersions(documentId: string): Promise<VersionSummary[]>;
  /** Throws a unique-violation error if the kommune already has a valid approval. */
  insertApproval(approval: ApprovalRow): Promise<void>;
  listApprovals(documentId: string): Promise<ApprovalRow[]>; // valid (not discarded) ones
  discardApprovals(documentId: string, at: string): Promise<number>;
  /** Seals have no update path here, and the database refuses UPDATE and DELETE on them. */
  insertSeal(seal: SealRow): Promise<void>;
  getSeal(documentId: string): Promise<SealRow | undefined>;
  insertRejectedUpdate(row: RejectedUpdateRow): Promise<void>;
  listRejectedUpdates(documentId: string, userId: string): Promise<RejectedUpdateRow[]>;
  /** Refused updates kept for a document, or for one person of it (userId), and their bytes. */
  rejectedUsage(documentId: string, userId: string | null): Promise<{ count: number; bytes: number }>;

  // --- audit log (append-only, hash-chained) -----------------------------------------------
  appendAudit(entry: Omit<AuditEntry, "seq" | "prevHash" | "hash">): Promise<AuditEntry>;
  listAudit(): Promise<AuditEntry[]>;
}
