/**
 * The storage interface: one contract, two implementations (SQLite default, PostgreSQL for
 * several instances), both built on Kysely (server/storage/kysely-store.ts). Every method is
 * async and every write is durable when its promise resolves (SQLite: WAL + synchronous=FULL,
 * committed by the SQLite thread; PostgreSQL: synchronous_commit on). test/contract/ runs the
 * same suites on both. The rows it reads and writes are in types.ts.
 */
import type { Transition, TransitionOutcome } from "./transition-queries.js";
import type {
  AgencyGrantRow,
  AppendItem,
  ApprovalRow,
  AttachmentRow,
  AttachmentSummary,
  AuditEntry,
  NewDocument,
  CommentMessageRow,
  DocumentRow,
  IdentityRow,
  InvitationRow,
  MailKind,
  MailRow,
  MembershipRow,
  OidcPendingRow,
  OrganisationRow,
  RejectedUpdateRow,
  SealRow,
  SealSignatureRow,
  SessionRow,
  StoredDocumentState,
  ThreadRow,
  ThreadStatus,
  TotpState,
  UserRow,
  VersionRow,
  VersionSummary,
  WorkflowRow,
  WorkflowState,
} from "./types.js";

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
  insertDocument(doc: NewDocument): Promise<void>;
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
  // --- bilag files (issue 18) ---------------------------------------------------------------------
  insertAttachment(row: AttachmentRow): Promise<void>;
  /** The files not removed, oldest first, without their bytes. */
  listAttachments(documentId: string): Promise<AttachmentSummary[]>;
  /** One file with its bytes, removed or not. */
  getAttachment(id: string): Promise<(AttachmentRow & { removedAt: string | null }) | undefined>;
  /** Marks a file removed; false if it was already. */
  removeAttachment(id: string, at: string): Promise<boolean>;

  /** One workflow step and everything that belongs to it, in one transaction (transition-queries.ts). */
  commitTransition(transition: Transition): Promise<TransitionOutcome>;
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
