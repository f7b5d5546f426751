/** Queries of the append-only, hash-chained audit log, for KyselyStore. */
import type { Kysely, Transaction } from "kysely";
import type { Dialect, Tables } from "./schema.js";
import type { AuditEntry } from "./types.js";
import { decodeJson, JsonObject } from "./decode.js";
import { computeAuditHash } from "../audit/chain.js";

type Db = Kysely<Tables>;

export function auditFromRow(r: Tables["audit_log"]): AuditEntry {
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

export type AuditInput = Omit<AuditEntry, "seq" | "prevHash" | "hash">;

export function appendAudit(db: Db, dialect: Dialect, entry: AuditInput): Promise<AuditEntry> {
  return db.transaction().execute((tx) => appendAuditIn(tx, dialect, entry));
}

/** Appends inside the caller's transaction, so an event commits with the change it records. */
export async function appendAuditIn(tx: Transaction<Tables>, dialect: Dialect, entry: AuditInput): Promise<AuditEntry> {
  let headQuery = tx.selectFrom("audit_head").select(["seq", "hash"]).where("id", "=", 1);
  if (dialect === "postgres") headQuery = headQuery.forUpdate();
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
}

export async function listAudit(db: Db): Promise<AuditEntry[]> {
  return (await db.selectFrom("audit_log").selectAll().orderBy("seq").execute()).map(auditFromRow);
}
