/**
 * The Store implementation, written once with Kysely for SQLite and PostgreSQL. Dialect
 * differences are confined to the few places marked `pg`: row locks (SQLite serialises
 * writers anyway), the commit of document updates, and how the connection is opened
 * (server/storage/index.ts). The queries live in one module per area (*-queries.ts); this class
 * binds them to its connection, one line each.
 */
import type { Kysely } from "kysely";
import type { Dialect, Tables } from "./schema.js";
import { migrate } from "./schema.js";
import * as workflow from "./workflow-queries.js";
import * as content from "./content-queries.js";
import * as security from "./security-queries.js";
import * as mail from "./mail-queries.js";
import * as identity from "./identity-queries.js";
import * as account from "./account-queries.js";
import * as users from "./user-queries.js";
import * as documents from "./document-queries.js";
import * as invitations from "./invitation-queries.js";
import * as comments from "./comment-queries.js";
import * as auditLog from "./audit-queries.js";
import { commitTransition } from "./transition-queries.js";
import * as attachments from "./attachment-queries.js";
import type { AppendUpdates } from "./content-queries.js";
import type { AppendItem, Store, StoredDocumentState } from "./types.js";

type Db = Kysely<Tables>;

export class KyselyStore implements Store {
  constructor(
    private readonly db: Db,
    readonly dialect: Dialect,
    private readonly onClose: () => Promise<void> = async () => {},
    /** SQLite: the update writer's commit, run by the SQLite thread with statements prepared once (sqlite-thread.mjs). */
    private readonly sqliteAppend: AppendUpdates | null = null,
  ) {}

  async migrate(): Promise<void> {
    await migrate(this.db, this.dialect);
  }

  async close(): Promise<void> {
    await this.db.destroy();
    await this.onClose();
  }

  /** Kysely handle for the few callers that need a custom query (tests, backup). */
  get kysely(): Db {
    return this.db;
  }

  // --- organisations and users ---------------------------------------------------------------

  readonly upsertOrganisation: Store["upsertOrganisation"] = (org) => users.upsertOrganisation(this.db, org);
  readonly getOrganisation: Store["getOrganisation"] = (id) => users.getOrganisation(this.db, id);
  readonly listOrganisations: Store["listOrganisations"] = (regionId) => users.listOrganisations(this.db, regionId);
  readonly insertUser: Store["insertUser"] = (user) => users.insertUser(this.db, user);
  readonly getUserByEmail: Store["getUserByEmail"] = (email) => users.getUserByEmail(this.db, email);
  readonly getUser: Store["getUser"] = (id) => users.getUser(this.db, id);
  readonly countUsers: Store["countUsers"] = () => users.countUsers(this.db);
  readonly setUserPassword: Store["setUserPassword"] = (userId, passwordHash) => users.setUserPassword(this.db, userId, passwordHash);

  // --- sessions ------------------------------------------------------------------------------

  readonly insertSession: Store["insertSession"] = (s) => users.insertSession(this.db, s);
  readonly getAgencyGrant: Store["getAgencyGrant"] = (userId) => security.getAgencyGrant(this.db, userId);
  readonly putAgencyGrant: Store["putAgencyGrant"] = (grant) => security.putAgencyGrant(this.db, grant);
  readonly revokeAgencyGrant: Store["revokeAgencyGrant"] = (userId, at) => security.revokeAgencyGrant(this.db, userId, at);
  readonly putSealSignature: Store["putSealSignature"] = (row) => security.putSealSignature(this.db, row);
  readonly getSealSignature: Store["getSealSignature"] = (documentId) => security.getSealSignature(this.db, documentId);
  readonly getSession: Store["getSession"] = (id) => users.getSession(this.db, id);
  readonly revokeSession: Store["revokeSession"] = (id, at) => users.revokeSession(this.db, id, at);
  readonly revokeUserSessions: Store["revokeUserSessions"] = (userId, at, exceptSessionId) => users.revokeUserSessions(this.db, userId, at, exceptSessionId);

  // --- documents and memberships -------------------------------------------------------------

  readonly insertDocument: Store["insertDocument"] = (d) => documents.insertDocument(this.db, d);
  readonly getDocument: Store["getDocument"] = (id) => documents.getDocument(this.db, id);
  readonly listDocuments: Store["listDocuments"] = () => documents.listDocuments(this.db);
  readonly setDocumentState: Store["setDocumentState"] = (id, state, at) => documents.setDocumentState(this.db, id, state, at);
  readonly upsertMembership: Store["upsertMembership"] = (m) => documents.upsertMembership(this.db, m);
  readonly removeMembership: Store["removeMembership"] = (documentId, userId) => documents.removeMembership(this.db, documentId, userId);
  readonly getMembership: Store["getMembership"] = (documentId, userId) => documents.getMembership(this.db, documentId, userId);
  readonly listMemberships: Store["listMemberships"] = (documentId) => documents.listMemberships(this.db, documentId);
  readonly listMembershipsOfUser: Store["listMembershipsOfUser"] = (userId) => documents.listMembershipsOfUser(this.db, userId);

  // --- invitations ---------------------------------------------------------------------------

  readonly insertInvitation: Store["insertInvitation"] = (i) => invitations.insertInvitation(this.db, i);
  readonly getInvitationByTokenHash: Store["getInvitationByTokenHash"] = (tokenHash) => invitations.getInvitationByTokenHash(this.db, tokenHash);
  readonly listOpenInvitations: Store["listOpenInvitations"] = (documentId, now) => invitations.listOpenInvitations(this.db, documentId, now);
  readonly useInvitation: Store["useInvitation"] = (id, at) => invitations.useInvitation(this.db, id, at);
  readonly voidOpenInvitations: Store["voidOpenInvitations"] = (userId, at) => invitations.voidOpenInvitations(this.db, userId, at);
  readonly getInvitation: Store["getInvitation"] = (id) => invitations.getInvitation(this.db, id);
  readonly getAcceptedInvitationOf: Store["getAcceptedInvitationOf"] = (userId) => invitations.getAcceptedInvitationOf(this.db, userId);
  readonly revokeInvitation: Store["revokeInvitation"] = (id, at) => invitations.revokeInvitation(this.db, id, at);

  // --- single sign-on (queries in identity-queries.ts) ----------------------------------------

  readonly getIdentity: Store["getIdentity"] = (provider, subject) => identity.getIdentity(this.db, provider, subject);
  readonly listIdentitiesOfUser: Store["listIdentitiesOfUser"] = (userId) => identity.listIdentitiesOfUser(this.db, userId);
  readonly insertIdentity: Store["insertIdentity"] = (row) => identity.insertIdentity(this.db, row);
  readonly putOidcPending: Store["putOidcPending"] = (row) => identity.putOidcPending(this.db, row);
  readonly takeOidcPending: Store["takeOidcPending"] = (stateHash) => identity.takeOidcPending(this.db, stateHash);

  // --- second factor and password resets (queries in account-queries.ts) ---------------------

  readonly getTotp: Store["getTotp"] = (userId) => account.getTotp(this.db, userId);
  readonly setTotpPending: Store["setTotpPending"] = (userId, secret) => account.setTotpPending(this.db, userId, secret);
  readonly enableTotp: Store["enableTotp"] = (userId, secret, step) => account.enableTotp(this.db, userId, secret, step);
  readonly disableTotp: Store["disableTotp"] = (userId) => account.disableTotp(this.db, userId);
  readonly useTotpStep: Store["useTotpStep"] = (userId, step) => account.useTotpStep(this.db, userId, step);
  readonly insertPasswordReset: Store["insertPasswordReset"] = (row) => account.insertPasswordReset(this.db, row);
  getPasswordResetUser(tokenHash: string, now: string): Promise<{ userId: string; email: string } | undefined> {
    return account.getPasswordResetUser(this.db, tokenHash, now);
  }
  readonly usePasswordReset: Store["usePasswordReset"] = (tokenHash, at) => account.usePasswordReset(this.db, tokenHash, at);

  // --- mail (queries in mail-queries.ts) ------------------------------------------------------

  readonly enqueueMail: Store["enqueueMail"] = (mails) => mail.enqueueMail(this.db, mails);
  readonly claimDueMail: Store["claimDueMail"] = (now, leaseUntil, limit) => mail.claimDueMail(this.db, now, leaseUntil, limit);
  readonly markMailSent: Store["markMailSent"] = (id, at, redacted) => mail.markMailSent(this.db, id, at, redacted);
  readonly markMailFailed: Store["markMailFailed"] = (id, attempts, nextAttemptAt, error) => mail.markMailFailed(this.db, id, attempts, nextAttemptAt, error);
  readonly listMail: Store["listMail"] = (documentIds, limit) => mail.listMail(this.db, documentIds, limit);
  readonly listMailOptOuts: Store["listMailOptOuts"] = (userId) => mail.listMailOptOuts(this.db, userId);
  readonly setMailOptOut: Store["setMailOptOut"] = (userId, kind, optedOut) => mail.setMailOptOut(this.db, userId, kind, optedOut);

  // --- comment threads -----------------------------------------------------------------------

  readonly insertThread: Store["insertThread"] = (t, first) => comments.insertThread(this.db, t, first);
  readonly getThread: Store["getThread"] = (id) => comments.getThread(this.db, id);
  readonly listThreads: Store["listThreads"] = (documentId) => comments.listThreads(this.db, documentId);
  readonly setThreadStatus: Store["setThreadStatus"] = (id, status, by, at) => comments.setThreadStatus(this.db, id, status, by, at);
  readonly insertMessage: Store["insertMessage"] = (m) => comments.insertMessage(this.db, m);
  readonly getMessage: Store["getMessage"] = (id) => comments.getMessage(this.db, id);
  readonly listMessages: Store["listMessages"] = (documentId) => comments.listMessages(this.db, documentId);
  readonly editMessage: Store["editMessage"] = (id, body, mentions, at) => comments.editMessage(this.db, id, body, mentions, at);
  readonly deleteMessage: Store["deleteMessage"] = (id, at) => comments.deleteMessage(this.db, id, at);
  readonly markThreadRead: Store["markThreadRead"] = (threadId, userId, at) => comments.markThreadRead(this.db, threadId, userId, at);
  readonly listThreadReads: Store["listThreadReads"] = (documentId, userId) => comments.listThreadReads(this.db, documentId, userId);

  // --- collaborative content (queries in content-queries.ts) --------------------------------

  loadDocumentState(documentId: string): Promise<StoredDocumentState> {
    return content.loadDocumentState(this.db, documentId);
  }
  appendUpdates(items: AppendItem[]): Promise<void> {
    return content.appendUpdates(this.db, this.dialect, this.sqliteAppend, items);
  }
  seedIfEmpty(documentId: string, update: Uint8Array): Promise<boolean> {
    return content.seedIfEmpty(this.db, this.dialect, documentId, update);
  }
  compact(documentId: string): Promise<number> {
    return content.compact(this.db, this.dialect, documentId);
  }

  // --- workflow, versions, approvals, seals (queries in workflow-queries.ts) -----------------

  readonly transitionState: Store["transitionState"] = (documentId, from, to, at) => workflow.transitionState(this.db, documentId, from, to, at);
  readonly commitTransition: Store["commitTransition"] = (transition) => commitTransition(this.db, this.dialect, transition);
  readonly insertAttachment: Store["insertAttachment"] = (row) => attachments.insertAttachment(this.db, row);
  readonly listAttachments: Store["listAttachments"] = (documentId) => attachments.listAttachments(this.db, documentId);
  readonly getAttachment: Store["getAttachment"] = (id) => attachments.getAttachment(this.db, id);
  readonly removeAttachment: Store["removeAttachment"] = (id, at) => attachments.removeAttachment(this.db, id, at);
  readonly getWorkflow: Store["getWorkflow"] = (documentId) => workflow.getWorkflow(this.db, documentId);
  readonly saveWorkflow: Store["saveWorkflow"] = (row) => workflow.saveWorkflow(this.db, row);
  readonly insertVersion: Store["insertVersion"] = (version) => workflow.insertVersion(this.db, version);
  readonly getVersion: Store["getVersion"] = (id) => workflow.getVersion(this.db, id);
  readonly listVersions: Store["listVersions"] = (documentId) => workflow.listVersions(this.db, documentId);
  readonly insertApproval: Store["insertApproval"] = (approval) => workflow.insertApproval(this.db, approval);
  readonly listApprovals: Store["listApprovals"] = (documentId) => workflow.listApprovals(this.db, documentId);
  readonly discardApprovals: Store["discardApprovals"] = (documentId, at) => workflow.discardApprovals(this.db, documentId, at);
  readonly insertSeal: Store["insertSeal"] = (seal) => workflow.insertSeal(this.db, seal);
  readonly getSeal: Store["getSeal"] = (documentId) => workflow.getSeal(this.db, documentId);
  readonly insertRejectedUpdate: Store["insertRejectedUpdate"] = (row) => workflow.insertRejectedUpdate(this.db, row);
  readonly listRejectedUpdates: Store["listRejectedUpdates"] = (documentId, userId) => workflow.listRejectedUpdates(this.db, documentId, userId);
  rejectedUsage(documentId: string, userId: string | null): Promise<{ count: number; bytes: number }> {
    return workflow.rejectedUsage(this.db, this.dialect, documentId, userId);
  }

  // --- audit log -----------------------------------------------------------------------------

  readonly appendAudit: Store["appendAudit"] = (entry) => auditLog.appendAudit(this.db, this.dialect, entry);
  readonly listAudit: Store["listAudit"] = () => auditLog.listAudit(this.db);
}
