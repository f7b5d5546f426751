/**
 * Named versions of a reply: a Yjs state (to restore from) and the canonical content with its
 * SHA-256 (to read, compare, approve and seal). Taken from the loaded room when there is one,
 * so a version always includes edits still being committed.
 */
import { randomUUID } from "node:crypto";
import * as Y from "yjs";
import { canonicalContent, canonicalJson, type CanonicalContent } from "../../shared/content/canonical.js";
import { extractReplyContent } from "../../shared/content/extract.js";
import type { ReplyContent } from "../../shared/template/types.js";
import type { DocumentReader } from "../collab/read.js";
import { sha256Canonical } from "./content-hash.js";
import type { DocumentRow, Store, VersionRow } from "../storage/types.js";

/** Builds a version of the document's current content without storing it. */
export async function buildVersion(
  reader: DocumentReader,
  document: DocumentRow,
  name: string,
  kind: VersionRow["kind"],
  createdBy: string | null,
  options: { fromStorage?: boolean } = {},
): Promise<VersionRow> {
  const read = (options.fromStorage ? reader.readCommitted : reader.read).bind(reader);
  const { stateUpdate, content } = await read(document, (doc) => ({
    stateUpdate: Y.encodeStateAsUpdate(doc),
    content: extractReplyContent(doc),
  }));
  const canonical = canonicalContent(content, document.regionId);
  return {
    id: randomUUID(),
    documentId: document.id,
    name,
    kind,
    createdBy,
    createdAt: new Date().toISOString(),
    stateUpdate,
    contentJson: canonicalJson(canonical),
    indholdsHash: sha256Canonical(canonical),
  };
}

export async function createVersion(
  store: Store,
  reader: DocumentReader,
  document: DocumentRow,
  name: string,
  kind: VersionRow["kind"],
  createdBy: string | null,
  options: { fromStorage?: boolean } = {},
): Promise<VersionRow> {
  const version = await buildVersion(reader, document, name, kind, createdBy, options);
  await store.insertVersion(version);
  return version;
}

/** The content a version holds, in the shape the checks and renderers take. */
export function versionContent(version: VersionRow): CanonicalContent & ReplyContent {
  return JSON.parse(version.contentJson) as CanonicalContent & ReplyContent;
}
