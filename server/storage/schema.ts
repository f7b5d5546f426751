/**
 * Table definitions (Kysely types) and the migration, written once for both dialects.
 * Timestamps are ISO 8601 strings in both databases, so rows compare and serialise alike.
 */
import { Migrator, sql, type Generated, type Kysely, type Migration } from "kysely";
import { createWorkflowTables } from "./migrations/0002_workflow.js";
import { createSecurityTables } from "./migrations/0003_security.js";
import { createMailTables } from "./migrations/0004_mail.js";
import { createIdentityTables } from "./migrations/0005_identities.js";
import { createAccountSecurityTables } from "./migrations/0006_account_security.js";
import { addAgencySharing } from "./migrations/0007_agency_sharing.js";
import { addApprovalDecisions } from "./migrations/0008_decisions.js";
import { createAttachmentTable } from "./migrations/0009_attachments.js";
import { addSupplements } from "./migrations/0010_supplements.js";

export interface Tables {
  organisations: {
    id: string;
    kind: string;
    name: string;
    region_id: string | null;
    kommunekode: string | null;
  };
  users: {
    id: string;
    email: string;
    name: string;
    organisation_id: string;
    password_hash: string | null;
    created_at: string;
    totp_secret?: string | null; // 0006_account_security
    totp_pending_secret?: string | null;
    totp_last_step?: number | null;
  };
  attachments: {
    id: string;
    document_id: string;
    filename: string;
    kind: string;
    size: number;
    sha256: string;
    data: Uint8Array;
    uploaded_by: string;
    uploaded_at: string;
    removed_at: string | null;
  };
  seal_signatures: {
    document_id: string;
    statement_json: string;
    signature: string;
    key_id: string;
  };
  agency_grants: {
    user_id: string;
    granted_at: string;
    granted_by: string;
    revoked_at: string | null;
  };
  sessions: {
    id: string;
    user_id: string;
    created_at: string;
    expires_at: string;
    revoked_at: string | null;
    sso_provider: string | null; // 0005_identities
    id_token: string | null;
  };
  documents: {
    id: string;
    region_id: string;
    title: string;
    template_id: string;
    template_version: number;
    state: string;
    created_at: string;
    updated_at: string;
    shared_with_agency?: number; // 0007_agency_sharing: 0 or 1
    supplements_document_id?: string | null; // 0010_supplements
  };
  memberships: {
    document_id: string;
    user_id: string;
    role: string;
  };
  invitations: {
    id: string;
    token_hash: string;
    email: string;
    user_id: string;
    document_id: string;
    role: string;
    created_by: string;
    created_at: string;
    expires_at: string;
    used_at: string | null;
    link_shown: number; // 0 | 1 (0004_mail)
    revoked_at: string | null;
  };
  comment_threads: {
    id: string;
    document_id: string;
    block_id: string | null;
    quote: string;
    status: string;
    created_by: string;
    created_at: string;
    resolved_by: string | null;
    resolved_at: string | null;
  };
  comment_messages: {
    id: string;
    thread_id: string;
    author_id: string;
    body: string;
    mentions: string;
    created_at: string;
    edited_at: string | null;
    deleted_at: string | null;
  };
  thread_reads: {
    thread_id: string;
    user_id: string;
    read_at: string;
  };
  doc_updates: {
    seq: Generated<number>;
    document_id: string;
    data: Uint8Array;
  };
  doc_snapshots: {
    document_id: string;
    data: Uint8Array;
    updated_at: string;
  };
  document_versions: {
    id: string;
    document_id: string;
    name: string;
    kind: string;
    created_by: string | null;
    created_at: string;
    state_update: Uint8Array;
    content_json: string;
    content_hash: string;
  };
  workflow: {
    document_id: string;
    frozen_version_id: string | null;
    acknowledged_warnings: string | null;
    internal_deadline: string | null;
    updated_at: string;
  };
  approvals: {
    id: string;
    document_id: string;
    kommunekode: string;
    user_id: string;
    created_at: string;
    grundlag: string;
    content_hash: string;
    discarded_at: string | null;
    flag: string | null; // 0004_mail: why this approval needs a second look (issue 15 item 3)
    decision_json?: string | null; // 0008_decisions
  };
  seals: {
    document_id: string;
    record_json: string;
    content_hash: string;
    seal_hash: string;
    sealed_at: string;
    pdf: Uint8Array;
    docx: Uint8Array;
  };
  rejected_updates: {
    id: string;
    document_id: string;
    user_id: string;
    created_at: string;
    reason: string;
    data: Uint8Array;
  };
  audit_log: {
    seq: number;
    at: string;
    actor_user_id: string | null;
    event: string;
    document_id: string | null;
    details: string;
    prev_hash: string;
    hash: string;
  };
  mail_outbox: {
    id: string;
    kind: string;
    dedupe_key: string | null;
    to_user_id: string | null;
    to_email: string;
    document_id: string | null;
    subject: string;
    text_body: string;
    html_body: string;
    created_at: string;
    sent_at: string | null;
    attempts: number;
    next_attempt_at: string;
    last_error: string | null;
  };
  mail_opt_outs: {
    user_id: string;
    kind: string;
  };
  user_identities: {
    provider: string;
    subject: string;
    user_id: string;
    created_at: string;
  };
  oidc_pending: {
    state_hash: string;
    provider: string;
    code_verifier: string;
    nonce: string;
    return_to: string;
    expires_at: string;
  };
  password_resets: {
    token_hash: string;
    user_id: string;
    created_at: string;
    expires_at: string;
    used_at: string | null;
  };
  audit_head: {
    id: number;
    seq: number;
    hash: string;
  };
}

export type Dialect = "sqlite" | "postgres";

/**
 * Runs every migration not yet applied, in name order, under Kysely's migration lock (safe when
 * several instances start at once). Migrations are append-only: never edit one that has shipped.
 */
export async function migrate(db: Kysely<Tables>, dialect: Dialect): Promise<void> {
  const migrations: Record<string, Migration> = {
    "0001_initial": { up: (d) => createInitialTables(d as Kysely<Tables>, dialect) },
    "0002_workflow": { up: (d) => createWorkflowTables(d as Kysely<Tables>, dialect) },
    "0003_security": { up: (d) => createSecurityTables(d as Kysely<Tables>) },
    "0004_mail": { up: (d) => createMailTables(d as Kysely<Tables>) },
    "0005_identities": { up: (d) => createIdentityTables(d as Kysely<Tables>) },
    "0006_account_security": { up: (d) => createAccountSecurityTables(d as Kysely<Tables>) },
    "0007_agency_sharing": { up: (d) => addAgencySharing(d as Kysely<Tables>) },
    "0008_decisions": { up: (d) => addApprovalDecisions(d as Kysely<Tables>) },
    "0009_attachments": { up: (d) => createAttachmentTable(d as Kysely<Tables>, dialect) },
    "0010_supplements": { up: (d) => addSupplements(d as Kysely<Tables>) },
  };
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

async function createInitialTables(db: Kysely<Tables>, dialect: Dialect): Promise<void> {
  const blob = dialect === "sqlite" ? "blob" : "bytea";
  await db.schema
    .createTable("organisations")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("region_id", "text")
    .addColumn("kommunekode", "text")
    .execute();
  await db.schema
    .createTable("users")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("password_hash", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("sessions")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema.createIndex("sessions_user").ifNotExists().on("sessions").column("user_id").execute();
  await db.schema
    .createTable("documents")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("region_id", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("template_id", "text", (c) => c.notNull())
    .addColumn("template_version", "integer", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("memberships")
    .ifNotExists()
    .addColumn("document_id", "text", (c) => c.notNull().references("documents.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("role", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("memberships_pk", ["document_id", "user_id"])
    .execute();
  await db.schema
    .createTable("invitations")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("document_id", "text", (c) => c.notNull().references("documents.id"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema
    .createTable("comment_threads")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("document_id", "text", (c) => c.notNull().references("documents.id"))
    .addColumn("block_id", "text")
    .addColumn("quote", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("resolved_by", "text")
    .addColumn("resolved_at", "text")
    .execute();
  await db.schema.createIndex("comment_threads_doc").ifNotExists().on("comment_threads").column("document_id").execute();
  await db.schema
    .createTable("comment_messages")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("thread_id", "text", (c) => c.notNull().references("comment_threads.id"))
    .addColumn("author_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("mentions", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("edited_at", "text")
    .addColumn("deleted_at", "text")
    .execute();
  await db.schema.createIndex("comment_messages_thread").ifNotExists().on("comment_messages").column("thread_id").execute();
  await db.schema
    .createTable("thread_reads")
    .ifNotExists()
    .addColumn("thread_id", "text", (c) => c.notNull().references("comment_threads.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("read_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("thread_reads_pk", ["thread_id", "user_id"])
    .execute();
  await db.schema
    .createTable("doc_updates")
    .ifNotExists()
    .addColumn("seq", dialect === "sqlite" ? "integer" : "bigserial", (c) => (dialect === "sqlite" ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn("document_id", "text", (c) => c.notNull().references("documents.id"))
    .addColumn("data", sql.raw(blob), (c) => c.notNull())
    .execute();
  await db.schema.createIndex("doc_updates_doc").ifNotExists().on("doc_updates").columns(["document_id", "seq"]).execute();
  await db.schema
    .createTable("doc_snapshots")
    .ifNotExists()
    .addColumn("document_id", "text", (c) => c.primaryKey().references("documents.id"))
    .addColumn("data", sql.raw(blob), (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("audit_log")
    .ifNotExists()
    .addColumn("seq", "integer", (c) => c.primaryKey())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_user_id", "text")
    .addColumn("event", "text", (c) => c.notNull())
    .addColumn("document_id", "text")
    .addColumn("details", "text", (c) => c.notNull())
    .addColumn("prev_hash", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("audit_head")
    .ifNotExists()
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .execute();
  await db
    .insertInto("audit_head")
    .values({ id: 1, seq: 0, hash: AUDIT_GENESIS_HASH })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
}

/** The "previous hash" of the first audit entry. */
export const AUDIT_GENESIS_HASH = "0".repeat(64);
