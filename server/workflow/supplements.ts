/**
 * "Supplerende svar" (issue 18, item 5): after submission a correction is a new reply of its own,
 * linked to the sealed one, with its own approvals and seal. It starts from the sealed text, with
 * the same people. Once it is submitted, it speaks for the region in place of the reply it supplements.
 */
import type { Principal } from "../auth/principal.js";
import { auditEvent } from "../audit/record.js";
import { conflict } from "../errors.js";
import { findRegion } from "../../shared/regions.js";
import type { DocumentRow, Store } from "../storage/types.js";

export async function createSupplement(store: Store, input: { actor: Principal; document: DocumentRow }): Promise<DocumentRow> {
  const { document, actor } = input;
  if (document.state !== "indsendt") throw conflict("wrong_state", "Et supplerende svar kan først oprettes, når svaret er indsendt.");
  const documents = await store.listDocuments();
  const open = documents.find((d) => d.regionId === document.regionId && d.supplementsDocumentId !== null && d.state !== "indsendt");
  if (open) throw conflict("supplement_open", "Regionen har allerede et supplerende svar under arbejde. Gør det færdigt først.", { documentId: open.id });
  const latest = documents.filter((d) => d.regionId === document.regionId && d.state === "indsendt").some((d) => d.supplementsDocumentId === document.id);
  if (latest) throw conflict("wrong_state", "Svaret er allerede suppleret. Opret det nye supplerende svar fra det seneste indsendte svar.");
  const workflow = await store.getWorkflow(document.id);
  const sealedText = workflow.frozenVersionId ? await store.getVersion(workflow.frozenVersionId) : undefined;
  if (!sealedText) throw conflict("wrong_state", "Den indsendte version kunne ikke findes.");

  const number = documents.filter((d) => d.regionId === document.regionId && d.supplementsDocumentId !== null).length + 1;
  const now = new Date().toISOString();
  const supplement = {
    id: `svar-${document.regionId}-supplerende-${number}`,
    regionId: document.regionId,
    title: `Supplerende svar ${number} – ${findRegion(document.regionId)?.name ?? document.regionId}`,
    templateId: document.templateId,
    templateVersion: document.templateVersion,
    state: "udkast" as const,
    createdAt: now,
    updatedAt: now,
    supplementsDocumentId: document.id,
  };
  // The reply and its people in one transaction; its text is seeded from the sealed one where every
  // reply is seeded, on first load (server/collab/seed-source.ts), so no crash leaves it half made.
  await store.commitTransition({
    documentId: supplement.id,
    at: now,
    create: { document: supplement, memberships: (await store.listMemberships(document.id)).map((m) => ({ ...m, documentId: supplement.id })) },
    audit: [
      auditEvent({
        actorUserId: actor.user.id,
        documentId: supplement.id,
        event: "supplement.created",
        details: { supplements: document.id, fromVersion: sealedText.id },
      }),
    ],
  });
  return { ...supplement, sharedWithAgency: false };
}

/** The replies that no longer speak for their region: a submitted supplement took their place. */
export function supersededIds(documents: readonly DocumentRow[]): Set<string> {
  return new Set(documents.filter((d) => d.state === "indsendt" && d.supplementsDocumentId !== null).map((d) => d.supplementsDocumentId!));
}
