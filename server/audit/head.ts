/**
 * A signed head of the audit chain (issue 15, item 8). The chain alone finds an edited, inserted
 * or deleted row in its middle, but not a truncated or wholly rewritten tail: whoever can write
 * the database can recompute every hash. An operator exports the head now and then
 * (`npm run audit:export-head -- <file>`), signed with the server's key, and keeps the file away
 * from the database; `npm run audit:verify -- --head <file>` then checks that the chain still
 * holds that entry, with that hash, and has not become shorter.
 */
import type { KeyObject } from "node:crypto";
import type { AuditEntry } from "../storage/types.js";
import type { SigningKey } from "../signing/keys.js";
import { signJson, verifyJson } from "../signing/sign.js";

export interface AuditHead {
  seq: number;
  hash: string;
  exportedAt: string;
}

export interface SignedAuditHead extends AuditHead {
  keyId: string;
  signature: string;
}

export function signAuditHead(entries: AuditEntry[], key: SigningKey, now = new Date()): SignedAuditHead {
  const last = entries.at(-1);
  const head: AuditHead = { seq: last?.seq ?? 0, hash: last?.hash ?? "", exportedAt: now.toISOString() };
  return { ...head, keyId: key.keyId, signature: signJson(key.privateKey, head) };
}

/** Null when the chain agrees with the signed head; otherwise why not (Danish, for the operator). */
export function headMismatch(entries: AuditEntry[], signed: SignedAuditHead, publicKey: KeyObject): string | null {
  const head: AuditHead = { seq: signed.seq, hash: signed.hash, exportedAt: signed.exportedAt };
  if (!verifyJson(publicKey, head, signed.signature)) return "det eksporterede hoved er ikke underskrevet med serverens nøgle";
  const last = entries.at(-1)?.seq ?? 0;
  if (last < signed.seq) return `kæden er kortere end det eksporterede hoved (slutter ved ${last}, hovedet er ${signed.seq})`;
  if (signed.seq === 0) return null;
  const entry = entries.find((e) => e.seq === signed.seq);
  if (!entry || entry.hash !== signed.hash) return `løbenummer ${signed.seq} har en anden hash end det eksporterede hoved: kæden er skrevet om`;
  return null;
}
