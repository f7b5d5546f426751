/**
 * The Store implementation, written once with Kysely for SQLite and PostgreSQL. Dialect
 * differences are confined to the few places marked `pg`: row locks (SQLite serialises
 * writers anyway), the commit of document updates, and how the connection is opened
 * (server/storage/index.ts). Content and workflow queries live in their own modules.
 */
import type { Kysely } from "kysely";
import { computeAuditHash } from "../audit/chain.js";
import type { Dialect, Tables } from "./schema.js";
import { migrate } from "./schema.js";
import * as workflow from "./workflow-queries.js";
import * as content from "./content-queries.js";
import * as security from "./security-queries.js";
import * as mail from "./mail-queries.js";
import * as identity from "./identity-queries.js";
import * as account from "./account-queries.js";
import type { AppendUpdates } from "./sqlite-append.js";
import { decode, decodeJson, JsonObject, StringList } from "./decode.js";
import { DocumentRole, OrganisationKind, ThreadStatus, WorkflowState } from "../../shared/vocabulary.js";
import type {
  AppendItem,
  AuditEntry,
  InvitationRow,
  CommentMessageRow,
  ThreadRow,
  DocumentRow,
  MembershipRow,
  OrganisationRow,
  SessionRow,
  AgencyGrantRow,
  SealSignatureRow,
  Store,
  StoredDocumentState,
  UserRow,
  WorkflowRow,
  VersionRow,
  VersionSummary,
  ApprovalRow,
  SealRow,
  RejectedUpdateRow,
  MailKind,
  MailRow,
  IdentityRow,
  OidcPendingRow,
  TotpState,
} from "./types.js";

type Db = Kysely<Tables>;

function organisationFromRow(r: Tables["organisations"]): OrganisationRow {
  return { id: r.id, kind: decode(OrganisationKind, r.kind, "organisations.kind"), name: r.name, regionId: r.region_id, kommunekode: r.kommunekode };
}
function userFromRow(r: Tables["users"]): UserRow {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    organisationId: r.organisation_id,
    passwordHash: r.password_hash,
    createdAt: r.created_at,
  };
}
function documentFromRow(r: Tables["documents"]): DocumentRow {
  return {
    id: r.id,
    regionId: r.region_id,
    title: r.title,
    templateId: r.template_id,
    templateVersion: Number(r.template_version),
    state: decode(WorkflowState, r.state, "documents.state"),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
function membershipFromRow(r: Tables["memberships"]): MembershipRow {
  return { documentId: r.document_id, userId: r.user_id, role: decode(DocumentRole, r.role, "memberships.role") };
}
function invitationFromRow(r: Tables["invitations"]): InvitationRow {
  return {
    id: r.id,
    tokenHash: r.token_hash,
    email: r.email,
    userId: r.user_id,
    documentId: r.document_id,
    role: decode(DocumentRole, r.role, "invitations.role"),
    createdBy: r.created_by,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    usedAt: r.used_at,
    linkShown: Number(r.link_shown) === 1,
    revokedAt: r.revoked_at,
  };
}
function threadFromRow(r: Tables["comment_threads"]): ThreadRow {
  return {
    id: r.id,
    documentId: r.document_id,
    blockId: r.block_id,
    quote: r.quote,
    status: decode(ThreadStatus, r.status, "comment_threads.status"),
    createdBy: r.created_by,
    createdAt: r.created_at,
    resolvedBy: r.resolved_by,
    resolvedAt: r.resolved_at,
  };
}
function messageFromRow(r: Tables["comment_messages"]): CommentMessageRow {
  return {
    id: r.id,
    threadId: r.thread_id,
    authorId: r.author_id,
    body: r.body,
    mentions: decodeJson(StringList, r.mentions, "comment_messages.mentions"),
    createdAt: r.created_at,
    editedAt: r.edited_at,
    deletedAt: r.deleted_at,
  };
}
const messageToRow = (m: CommentMessageRow): Tables["comment_messages"] => ({
  id: m.id,
  thread_id: m.threadId,
  author_id: m.authorId,
  body: m.body,
  mentions: JSON.stringify(m.mentions),
  created_at: m.createdAt,
  edited_at: m.editedAt,
  deleted_at: m.deletedAt,
});
function auditFromRow(r: Tables["audit_log"]): AuditEntry {
  return {
    seq: Number(r.seq),
    at: r.at,
    actorUserId: r.actor_user_id,
    event: r.event,
    documentId: r.document_id,
    details: decodeJson(JsonObject, r.details, "audit_log.details"),
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export class KyselyStore implements Store {
  constructor(
    private readonly db: Db,
    readonly dialect: Dialect,
    private readonly onClose: () => Promise<void> = async () => {},
    /** SQLite: appends updates with prepared statements (sqlite-append.ts). */
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

  async upsertOrganisation(org: OrganisationRow): Promise<void> {
    const row = { id: org.id, kind: org.kind, name: org.name, region_id: org.regionId, kommunekode: org.kommunekode };
    await this.db
      .insertInto("organisations")
      .values(row)
      .onConflict((oc) => oc.column("id").doUpdateSet({ kind: row.kind, name: row.name, region_id: row.region_id, kommunekode: row.kommunekode }))
      .execute();
  }

  async getOrganisation(id: string): Promise<OrganisationRow | undefined> {
    const r = await this.db.selectFrom("organisations").selectAll().where("id", "=", id).executeTakeFirst();
    return r && organisationFromRow(r);
  }

  async listOrganisations(regionId?: string): Promise<OrganisationRow[]> {
    let q = this.db.selectFrom("organisations").selectAll();
    if (regionId !== undefined) q = q.where("region_id", "=", regionId);
    return (await q.orderBy("name").execute()).map(organisationFromRow);
  }

  async insertUser(user: UserRow): Promise<void> {
    await this.db
      .insertInto("users")
      .values({
        id: user.id,
        email: user.email.toLowerCase(),
        name: user.name,
        organisation_id: user.organisationId,
        password_hash: user.passwordHash,
        created_at: user.createdAt,
      })
      .execute();
  }

  async getUserByEmail(email: string): Promise<UserRow | undefined> {
    const r = await this.db.selectFrom("users").selectAll().where("email", "=", email.toLowerCase()).executeTakeFirst();
    return r && userFromRow(r);
  }

  async getUser(id: string): Promise<UserRow | undefined> {
    const r = await this.db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
    return r && userFromRow(r);
  }

  async countUsers(): Promise<number> {
    const r = await this.db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async setUserPassword(userId: string, passwordHash: string): Promise<void> {
    await this.db.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", userId).execute();
  }

  // --- sessions ------------------------------------------------------------------------------

  async insertSession(s: SessionRow): Promise<void> {
    await this.db
      .insertInto("sessions")
      .values({ id: s.id, user_id: s.userId, created_at: s.createdAt, expires_at: s.expiresAt, revoked_at: s.revokedAt, sso_provider: s.sso?.provider ?? null, id_token: s.sso?.idToken ?? null })
      .execute();
  }

  getAgencyGrant(userId: string) {
    return security.getAgencyGrant(this.db, userId);
  }

  putAgencyGrant(grant: Omit<AgencyGrantRow, "revokedAt">) {
    return security.putAgencyGrant(this.db, grant);
  }

  revokeAgencyGrant(userId: string, at: string) {
    return security.revokeAgencyGrant(this.db, userId, at);
  }

  putSealSignature(row: SealSignatureRow) {
    return security.putSealSignature(this.db, row);
  }

  getSealSignature(documentId: string) {
    return security.getSealSignature(this.db, documentId);
  }

  async getSession(id: string): Promise<SessionRow | undefined> {
    const r = await this.db.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();
    return r && { id: r.id, userId: r.user_id, createdAt: r.created_at, expiresAt: r.expires_at, revokedAt: r.revoked_at, sso: r.sso_provider && r.id_token ? { provider: r.sso_provider, idToken: r.id_token } : null };
  }

  async revokeSession(id: string, at: string): Promise<void> {
    await this.db.updateTable("sessions").set({ revoked_at: at }).where("id", "=", id).where("revoked_at", "is", null).execute();
  }

  async revokeUserSessions(userId: string, at: string, exceptSessionId?: string): Promise<string[]> {
    return this.db.transaction().execute(async (tx) => {
      const open = (await tx.selectFrom("sessions").select("id").where("user_id", "=", userId).where("revoked_at", "is", null).execute()).map((r) => r.id).filter((id) => id !== exceptSessionId);
      if (open.length === 0) return [];
      await tx.updateTable("sessions").set({ revoked_at: at }).where("id", "in", open).execute();
      return open;
    });
  }

  // --- documents and memberships -------------------------------------------------------------

  async insertDocument(d: DocumentRow): Promise<void> {
    await this.db
      .insertInto("documents")
      .values({
        id: d.id,
        region_id: d.regionId,
        title: d.title,
        template_id: d.templateId,
        template_version: d.templateVersion,
        state: d.state,
        created_at: d.createdAt,
        updated_at: d.updatedAt,
      })
      .execute();
  }

  async getDocument(id: string): Promise<DocumentRow | undefined> {
    const r = await this.db.selectFrom("documents").selectAll().where("id", "=", id).executeTakeFirst();
    return r && documentFromRow(r);
  }

  async listDocuments(): Promise<DocumentRow[]> {
    return (await this.db.selectFrom("documents").selectAll().orderBy("title").execute()).map(documentFromRow);
  }

  async setDocumentState(id: string, state: WorkflowState, at: string): Promise<void> {
    await this.db.updateTable("documents").set({ state, updated_at: at }).where("id", "=", id).execute();
  }

  async upsertMembership(m: MembershipRow): Promise<void> {
    await this.db
      .insertInto("memberships")
      .values({ document_id: m.documentId, user_id: m.userId, role: m.role })
      .onConflict((oc) => oc.columns(["document_id", "user_id"]).doUpdateSet({ role: m.role }))
      .execute();
  }

  async removeMembership(documentId: string, userId: string): Promise<void> {
    await this.db.deleteFrom("memberships").where("document_id", "=", documentId).where("user_id", "=", userId).execute();
  }

  async getMembership(documentId: string, userId: string): Promise<MembershipRow | undefined> {
    const r = await this.db
      .selectFrom("memberships")
      .selectAll()
      .where("document_id", "=", documentId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    return r && membershipFromRow(r);
  }

  async listMemberships(documentId: string): Promise<MembershipRow[]> {
    return (await this.db.selectFrom("memberships").selectAll().where("document_id", "=", documentId).execute()).map(membershipFromRow);
  }

  async listMembershipsOfUser(userId: string): Promise<MembershipRow[]> {
    return (await this.db.selectFrom("memberships").selectAll().where("user_id", "=", userId).execute()).map(membershipFromRow);
  }

  // --- invitations ---------------------------------------------------------------------------

  async insertInvitation(i: InvitationRow): Promise<void> {
    await this.db
      .insertInto("invitations")
      .values({
        id: i.id,
        token_hash: i.tokenHash,
        email: i.email,
        user_id: i.userId,
        document_id: i.documentId,
        role: i.role,
        created_by: i.createdBy,
        created_at: i.createdAt,
        expires_at: i.expiresAt,
        used_at: i.usedAt,
        link_shown: i.linkShown ? 1 : 0,
        revoked_at: i.revokedAt,
      })
      .execute();
  }

  async getInvitationByTokenHash(tokenHash: string): Promise<InvitationRow | undefined> {
    const r = await this.db.selectFrom("invitations").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
    return r && invitationFromRow(r);
  }

  async listOpenInvitations(documentId: string, now: string): Promise<InvitationRow[]> {
    const rows = await this.db
      .selectFrom("invitations")
      .selectAll()
      .where("document_id", "=", documentId)
      .where("used_at", "is", null)
      .where("revoked_at", "is", null)
      .where("expires_at", ">", now)
      .orderBy("created_at")
      .execute();
    return rows.map(invitationFromRow);
  }

  async useInvitation(id: string, at: string): Promise<boolean> {
    const result = await this.db.updateTable("invitations").set({ used_at: at }).where("id", "=", id).where("used_at", "is", null).where("revoked_at", "is", null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async voidOpenInvitations(userId: string, at: string): Promise<number> {
    const result = await this.db.updateTable("invitations").set({ revoked_at: at }).where("user_id", "=", userId).where("used_at", "is", null).where("revoked_at", "is", null).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async getInvitation(id: string): Promise<InvitationRow | undefined> {
    const r = await this.db.selectFrom("invitations").selectAll().where("id", "=", id).executeTakeFirst();
    return r && invitationFromRow(r);
  }

  async getAcceptedInvitationOf(userId: string): Promise<InvitationRow | undefined> {
    const r = await this.db.selectFrom("invitations").selectAll().where("user_id", "=", userId).where("used_at", "is not", null).where("revoked_at", "is", null).orderBy("used_at").executeTakeFirst();
    return r && invitationFromRow(r);
  }

  async revokeInvitation(id: string, at: string): Promise<boolean> {
    const result = await this.db.updateTable("invitations").set({ revoked_at: at }).where("id", "=", id).where("used_at", "is", null).where("revoked_at", "is", null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  // --- single sign-on (queries in identity-queries.ts) ----------------------------------------

  getIdentity(provider: string, subject: string): Promise<IdentityRow | undefined> {
    return identity.getIdentity(this.db, provider, subject);
  }
  listIdentitiesOfUser(userId: string): Promise<IdentityRow[]> {
    return identity.listIdentitiesOfUser(this.db, userId);
  }
  insertIdentity(row: IdentityRow): Promise<void> {
    return identity.insertIdentity(this.db, row);
  }
  putOidcPending(row: OidcPendingRow): Promise<void> {
    return identity.putOidcPending(this.db, row);
  }
  takeOidcPending(stateHash: string): Promise<OidcPendingRow | undefined> {
    return identity.takeOidcPending(this.db, stateHash);
  }

  // --- second factor and password resets (queries in account-queries.ts) ---------------------

  getTotp(userId: string): Promise<TotpState> {
    return account.getTotp(this.db, userId);
  }
  setTotpPending(userId: string, secret: string | null): Promise<void> {
    return account.setTotpPending(this.db, userId, secret);
  }
  enableTotp(userId: string, secret: string, step: number): Promise<boolean> {
    return account.enableTotp(this.db, userId, secret, step);
  }
  disableTotp(userId: string): Promise<void> {
    return account.disableTotp(this.db, userId);
  }
  useTotpStep(userId: string, step: number): Promise<boolean> {
    return account.useTotpStep(this.db, userId, step);
  }
  insertPasswordReset(row: { tokenHash: string; userId: string; createdAt: string; expiresAt: string }): Promise<void> {
    return account.insertPasswordReset(this.db, row);
  }
  getPasswordResetUser(tokenHash: string, now: string): Promise<{ userId: string; email: string } | undefined> {
    return account.getPasswordResetUser(this.db, tokenHash, now);
  }
  usePasswordReset(tokenHash: string, at: string): Promise<string | undefined> {
    return account.usePasswordReset(this.db, tokenHash, at);
  }

  // --- mail (queries in mail-queries.ts) ------------------------------------------------------

  enqueueMail(mails: MailRow[]): Promise<void> {
    return mail.enqueueMail(this.db, mails);
  }
  claimDueMail(now: string, leaseUntil: string, limit: number): Promise<MailRow[]> {
    return mail.claimDueMail(this.db, now, leaseUntil, limit);
  }
  markMailSent(id: string, at: string, redacted?: { text: string; html: string }): Promise<void> {
    return mail.markMailSent(this.db, id, at, redacted);
  }
  markMailFailed(id: string, attempts: number, nextAttemptAt: string, error: string): Promise<void> {
    return mail.markMailFailed(this.db, id, attempts, nextAttemptAt, error);
  }
  listMail(documentIds: string[], limit: number): Promise<MailRow[]> {
    return mail.listMail(this.db, documentIds, limit);
  }
  listMailOptOuts(userId: string): Promise<MailKind[]> {
    return mail.listMailOptOuts(this.db, userId);
  }
  setMailOptOut(userId: string, kind: MailKind, optedOut: boolean): Promise<void> {
    return mail.setMailOptOut(this.db, userId, kind, optedOut);
  }

  // --- comment threads -----------------------------------------------------------------------

  async insertThread(t: ThreadRow, first: CommentMessageRow): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto("comment_threads")
        .values({
          id: t.id,
          document_id: t.documentId,
          block_id: t.blockId,
          quote: t.quote,
          status: t.status,
          created_by: t.createdBy,
          created_at: t.createdAt,
          resolved_by: t.resolvedBy,
          resolved_at: t.resolvedAt,
        })
        .execute();
      await tx.insertInto("comment_messages").values(messageToRow(first)).execute();
    });
  }

  async getThread(id: string): Promise<ThreadRow | undefined> {
    const r = await this.db.selectFrom("comment_threads").selectAll().where("id", "=", id).executeTakeFirst();
    return r && threadFromRow(r);
  }

  async listThreads(documentId: string): Promise<ThreadRow[]> {
    return (await this.db.selectFrom("comment_threads").selectAll().where("document_id", "=", documentId).orderBy("created_at").execute()).map(threadFromRow);
  }

  async setThreadStatus(id: string, status: ThreadStatus, by: string | null, at: string | null): Promise<void> {
    await this.db.updateTable("comment_threads").set({ status, resolved_by: by, resolved_at: at }).where("id", "=", id).execute();
  }

  async insertMessage(m: CommentMessageRow): Promise<void> {
    await this.db.insertInto("comment_messages").values(messageToRow(m)).execute();
  }

  async getMessage(id: string): Promise<CommentMessageRow | undefined> {
    const r = await this.db.selectFrom("comment_messages").selectAll().where("id", "=", id).executeTakeFirst();
    return r && messageFromRow(r);
  }

  async listMessages(documentId: string): Promise<CommentMessageRow[]> {
    const rows = await this.db
      .selectFrom("comment_messages")
      .innerJoin("comment_threads", "comment_threads.id", "comment_messages.thread_id")
      .selectAll("comment_messages")
      .where("comment_threads.document_id", "=", documentId)
      .orderBy("comment_messages.created_at")
      .execute();
    return rows.map(messageFromRow);
  }

  async editMessage(id: string, body: string, mentions: string[], at: string): Promise<void> {
    await this.db.updateTable("comment_messages").set({ body, mentions: JSON.stringify(mentions), edited_at: at }).where("id", "=", id).execute();
  }

  async deleteMessage(id: string, at: string): Promise<void> {
    await this.db.updateTable("comment_messages").set({ deleted_at: at, body: "" }).where("id", "=", id).execute();
  }

  async markThreadRead(threadId: string, userId: string, at: string): Promise<void> {
    await this.db
      .insertInto("thread_reads")
      .values({ thread_id: threadId, user_id: userId, read_at: at })
      .onConflict((oc) => oc.columns(["thread_id", "user_id"]).doUpdateSet({ read_at: at }))
      .execute();
  }

  async listThreadReads(documentId: string, userId: string): Promise<Map<string, string>> {
    const rows = await this.db
      .selectFrom("thread_reads")
      .innerJoin("comment_threads", "comment_threads.id", "thread_reads.thread_id")
      .select(["thread_reads.thread_id", "thread_reads.read_at"])
      .where("comment_threads.document_id", "=", documentId)
      .where("thread_reads.user_id", "=", userId)
      .execute();
    return new Map(rows.map((r) => [r.thread_id, r.read_at]));
  }

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

  transitionState(documentId: string, from: WorkflowState[], to: WorkflowState, at: string): Promise<boolean> {
    return workflow.transitionState(this.db, documentId, from, to, at);
  }
  getWorkflow(documentId: string): Promise<WorkflowRow> {
    return workflow.getWorkflow(this.db, documentId);
  }
  saveWorkflow(row: WorkflowRow): Promise<void> {
    return workflow.saveWorkflow(this.db, row);
  }
  insertVersion(version: VersionRow): Promise<void> {
    return workflow.insertVersion(this.db, version);
  }
  getVersion(id: string): Promise<VersionRow | undefined> {
    return workflow.getVersion(this.db, id);
  }
  listVersions(documentId: string): Promise<VersionSummary[]> {
    return workflow.listVersions(this.db, documentId);
  }
  insertApproval(approval: ApprovalRow): Promise<void> {
    return workflow.insertApproval(this.db, approval);
  }
  listApprovals(documentId: string): Promise<ApprovalRow[]> {
    return workflow.listApprovals(this.db, documentId);
  }
  discardApprovals(documentId: string, at: string): Promise<number> {
    return workflow.discardApprovals(this.db, documentId, at);
  }
  insertSeal(seal: SealRow): Promise<void> {
    return workflow.insertSeal(this.db, seal);
  }
  getSeal(documentId: string): Promise<SealRow | undefined> {
    return workflow.getSeal(this.db, documentId);
  }
  insertRejectedUpdate(row: RejectedUpdateRow): Promise<void> {
    return workflow.insertRejectedUpdate(this.db, row);
  }
  listRejectedUpdates(documentId: string, userId: string): Promise<RejectedUpdateRow[]> {
    return workflow.listRejectedUpdates(this.db, documentId, userId);
  }
  rejectedUsage(documentId: string, userId: string | null): Promise<{ count: number; bytes: number }> {
    return workflow.rejectedUsage(this.db, this.dialect, documentId, userId);
  }

  // --- audit log -----------------------------------------------------------------------------

  async appendAudit(entry: Omit<AuditEntry, "seq" | "prevHash" | "hash">): Promise<AuditEntry> {
    return this.db.transaction().execute(async (tx) => {
      let headQuery = tx.selectFrom("audit_head").select(["seq", "hash"]).where("id", "=", 1);
      if (this.dialect === "postgres") headQuery = headQuery.forUpdate();
      const head = await headQuery.executeTakeFirstOrThrow();
      const seq = Number(head.seq) + 1;
      const full: AuditEntry = { ...entry, seq, prevHash: head.hash, hash: "" };
      full.hash = computeAuditHash(head.hash, full);
      await tx
        .insertInto("audit_log")
        .values({
          seq,
          at: full.at,
          actor_user_id: full.actorUserId,
          event: full.event,
          document_id: full.documentId,
          details: JSON.stringify(full.details),
          prev_hash: full.prevHash,
          hash: full.hash,
        })
        .execute();
      await tx.updateTable("audit_head").set({ seq, hash: full.hash }).where("id", "=", 1).execute();
      return full;
    });
  }

  async listAudit(): Promise<AuditEntry[]> {
    return (await this.db.selectFrom("audit_log").selectAll().orderBy("seq").execute()).map(auditFromRow);
  }
}
