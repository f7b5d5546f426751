/**
 * The files of a sealed reply beyond the record: the bilag it names, checked against the SHA-256
 * the seal holds, and one zip of the whole submission (PDF, DOCX, the record and every bilag).
 */
import { createHash } from "node:crypto";
import type { SealedRecord } from "../export/sealed-record.js";
import type { SealRow, Store } from "../storage/types.js";

/** The bilag of a draft as the sealed record lists them. */
export async function bilagForSeal(store: Store, documentId: string): Promise<NonNullable<SealedRecord["bilag"]>> {
  return (await store.listAttachments(documentId)).map((a) => ({ id: a.id, filnavn: a.filename, type: a.kind, stoerrelse: a.size, sha256: a.sha256 }));
}

/** True when every bilag the record names is stored with exactly the bytes it was sealed with. */
export async function bilagVerified(store: Store, record: SealedRecord): Promise<boolean> {
  for (const bilag of record.bilag ?? []) {
    const stored = await store.getAttachment(bilag.id);
    if (!stored || createHash("sha256").update(stored.data).digest("hex") !== bilag.sha256) return false;
  }
  return true;
}

/** The whole submission as one zip; names are made unique and safe inside it. */
export async function submissionZip(store: Store, seal: SealRow, record: SealedRecord, base: string): Promise<Uint8Array> {
  const { zipSync, strToU8 } = await import("fflate");
  const files: Record<string, Uint8Array> = {
    [`${base}.pdf`]: seal.pdf,
    [`${base}.docx`]: seal.docx,
    [`${base}-forseglet-record.json`]: strToU8(seal.recordJson),
  };
  for (const [i, bilag] of (record.bilag ?? []).entries()) {
    const stored = await store.getAttachment(bilag.id);
    if (stored) files[`bilag/${String(i + 1).padStart(2, "0")}-${bilag.filnavn.replace(/[^\p{L}\p{N}._ -]/gu, "_")}`] = stored.data;
  }
  return zipSync(files, { level: 6, mtime: new Date(`${record.dato}T12:00:00Z`) });
}
