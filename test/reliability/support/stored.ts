/**
 * Looks at what a (crashed) server left in storage, without a server: SQLite's integrity check,
 * a document's committed content, and the consistency of its workflow records.
 */
import { join } from "node:path";
import Database from "better-sqlite3";
import * as Y from "yjs";
import { openStore, SQLITE_FILE } from "../../../server/storage/index.js";
import type { KyselyStore } from "../../../server/storage/kysely-store.js";
import type { Store } from "../../../server/storage/types.js";
import { extractReplyContent } from "../../../shared/content/extract.js";
import { canonicalContent } from "../../../shared/content/canonical.js";
import { sha256Canonical } from "../../../server/workflow/content-hash.js";
import { municipalitiesOf } from "../../../shared/regions.js";

import { storedDoc } from "../../helpers/stored.js";

export { storedDoc };

export interface Backend {
  dataDir: string;
  databaseUrl?: string | undefined;
}

/** `PRAGMA integrity_check` of the SQLite database in dataDir ("ok" when sound). */
export function sqliteIntegrity(dataDir: string): string {
  const db = new Database(join(dataDir, SQLITE_FILE));
  try {
    return String(db.pragma("integrity_check", { simple: true }));
  } finally {
    db.close();
  }
}

/** Opens the backend's store as a restarted server would, runs `fn`, closes it. */
export async function withStore<T>(backend: Backend, fn: (store: KyselyStore) => Promise<T>): Promise<T> {
  const store = await openStore({ databaseUrl: backend.databaseUrl, dataDir: backend.dataDir });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export function contentHashOf(doc: Y.Doc, regionId: string): string {
  return sha256Canonical(canonicalContent(extractReplyContent(doc), regionId));
}

/**
 * What is inconsistent in a reply's workflow records: a frozen state needs its frozen version
 * (with the hash of the stored content), a draft has neither a frozen version nor valid
 * approvals, a seal and the state `indsendt` go together.
 */
export async function workflowProblems(store: Store, documentId: string): Promise<string[]> {
  const problems: string[] = [];
  const document = await store.getDocument(documentId);
  if (!document) return [`${documentId}: missing`];
  const workflow = await store.getWorkflow(documentId);
  const seal = await store.getSeal(documentId);
  const approvals = await store.listApprovals(documentId);
  const frozen = document.state !== "udkast";
  if (frozen) {
    const version = workflow.frozenVersionId ? await store.getVersion(workflow.frozenVersionId) : undefined;
    if (!version) problems.push(`${documentId}: state ${document.state} without a frozen version`);
    else {
      const doc = await storedDoc(store, documentId);
      const hash = contentHashOf(doc, document.regionId);
      doc.destroy();
      if (hash !== version.indholdsHash) problems.push(`${documentId}: stored content differs from the frozen version`);
      const approved = new Set(approvals.filter((a) => a.indholdsHash === version.indholdsHash).map((a) => a.kommunekode));
      if (document.state === "til_godkendelse" && municipalitiesOf(document.regionId).every((m) => approved.has(m.code))) {
        problems.push(`${documentId}: every kommune approved but still til_godkendelse`);
      }
    }
  } else {
    if (workflow.frozenVersionId) problems.push(`${documentId}: draft still points at a frozen version`);
    if (approvals.length > 0) problems.push(`${documentId}: draft with ${approvals.length} valid approvals`);
  }
  if (seal && document.state !== "indsendt") problems.push(`${documentId}: sealed but in state ${document.state}`);
  if (!seal && document.state === "indsendt") problems.push(`${documentId}: indsendt without a seal`);
  return problems;
}
