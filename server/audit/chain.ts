/**
 * The audit log is a hash chain: every entry carries the hash of the previous one, and its own
 * hash covers its content plus that previous hash. Editing, inserting or deleting a row breaks
 * the chain from that row on, which `npm run audit:verify` (verifyAuditChain) detects.
 */
import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import type { AuditEntry } from "../storage/types.js";
import { AUDIT_GENESIS_HASH } from "../storage/schema.js";

export function computeAuditHash(prevHash: string, entry: Omit<AuditEntry, "prevHash" | "hash">): string {
  const body = canonicalize({
    seq: entry.seq,
    at: entry.at,
    actorUserId: entry.actorUserId,
    event: entry.event,
    documentId: entry.documentId,
    details: entry.details,
  });
  return createHash("sha256")
    .update(prevHash)
    .update("\n")
    .update(body ?? "")
    .digest("hex");
}

export interface ChainVerdict {
  ok: boolean;
  entries: number;
  /** The first sequence number at which the chain breaks. */
  brokenAt?: number;
  reason?: string;
}

export function verifyAuditChain(entries: AuditEntry[]): ChainVerdict {
  let prev = AUDIT_GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of entries) {
    if (e.seq !== expectedSeq) return { ok: false, entries: entries.length, brokenAt: e.seq, reason: `forventede løbenummer ${expectedSeq}` };
    if (e.prevHash !== prev) return { ok: false, entries: entries.length, brokenAt: e.seq, reason: "forrige hash passer ikke" };
    if (computeAuditHash(prev, e) !== e.hash) return { ok: false, entries: entries.length, brokenAt: e.seq, reason: "indholdet er ændret" };
    prev = e.hash;
    expectedSeq++;
  }
  return { ok: true, entries: entries.length };
}
