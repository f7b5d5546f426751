/**
 * The signed statement of a seal (issue 15, item 8): the reply's content hash, the seal's own
 * hash, the SHA-256 of the PDF and the DOCX exactly as stored, and the time, signed with the
 * server's key. `/final` checks the statement's signature against the published key and the
 * stored files against the statement, so a forgery that recomputes every hash in the database,
 * or swaps a file, shows.
 */
import { createHash } from "node:crypto";
import type { KeyObject } from "node:crypto";
import { z } from "zod";
import type { SealRow } from "../storage/types.js";
import type { SigningKey } from "./keys.js";
import { signJson, verifyJson } from "./sign.js";

export interface SealStatement {
  documentId: string;
  indholdsHash: string;
  forseglingsHash: string;
  pdfSha256: string;
  docxSha256: string;
  sealedAt: string;
}

export const SealStatementSchema: z.ZodType<SealStatement> = z.object({
  documentId: z.string(),
  indholdsHash: z.string(),
  forseglingsHash: z.string(),
  pdfSha256: z.string(),
  docxSha256: z.string(),
  sealedAt: z.string(),
});

export interface SealSignature {
  statement: SealStatement;
  signature: string; // base64 Ed25519 over the canonical JSON of `statement`
  keyId: string;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export function sealStatement(seal: Pick<SealRow, "documentId" | "indholdsHash" | "forseglingsHash" | "pdf" | "docx" | "sealedAt">): SealStatement {
  return {
    documentId: seal.documentId,
    indholdsHash: seal.indholdsHash,
    forseglingsHash: seal.forseglingsHash,
    pdfSha256: sha256(seal.pdf),
    docxSha256: sha256(seal.docx),
    sealedAt: seal.sealedAt,
  };
}

export function signSeal(key: SigningKey, seal: Parameters<typeof sealStatement>[0]): SealSignature {
  const statement = sealStatement(seal);
  return { statement, signature: signJson(key.privateKey, statement), keyId: key.keyId };
}

export interface SealSignatureCheck {
  /** The statement is signed by the server's key. */
  signature: boolean;
  /** The stored seal and files are the ones the statement names. */
  matchesSeal: boolean;
  pdf: boolean;
  docx: boolean;
}

export function checkSealSignature(publicKey: KeyObject, signed: SealSignature | undefined, seal: Parameters<typeof sealStatement>[0]): SealSignatureCheck {
  if (!signed) return { signature: false, matchesSeal: false, pdf: false, docx: false };
  const now = sealStatement(seal);
  return {
    signature: verifyJson(publicKey, signed.statement, signed.signature),
    matchesSeal:
      signed.statement.documentId === now.documentId &&
      signed.statement.indholdsHash === now.indholdsHash &&
      signed.statement.forseglingsHash === now.forseglingsHash &&
      signed.statement.sealedAt === now.sealedAt,
    pdf: signed.statement.pdfSha256 === now.pdfSha256,
    docx: signed.statement.docxSha256 === now.docxSha256,
  };
}
