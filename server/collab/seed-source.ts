/**
 * What an empty reply is seeded with, on its first load (load.ts): the template, or, for a
 * supplerende svar, the sealed text of the reply it supplements (server/workflow/supplements.ts).
 */
import type { Store } from "../storage/types.js";
import { createSeedUpdate } from "../../shared/template/seed.js";

export async function seedOf(store: Store, documentId: string, regionId: string): Promise<Uint8Array> {
  return (await supplementSeed(store, documentId)) ?? createSeedUpdate(regionId);
}

/** The text a supplerende svar starts from: the sealed version of the reply it supplements; null for any other reply. */
async function supplementSeed(store: Store, documentId: string): Promise<Uint8Array | null> {
  const document = await store.getDocument(documentId);
  if (!document?.supplementsDocumentId) return null;
  const workflow = await store.getWorkflow(document.supplementsDocumentId);
  const sealedText = workflow.frozenVersionId ? await store.getVersion(workflow.frozenVersionId) : undefined;
  return sealedText?.stateUpdate ?? null;
}
