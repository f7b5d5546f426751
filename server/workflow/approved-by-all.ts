/**
 * The step "approved by all": when every kommune of the region has approved the frozen text
 * (its hash), the reply becomes "godkendt", a version records it and every instance is told.
 * Taken by the last approval (approveReply.ts) and, after a crash between those commits, by the
 * recovery pass (recovery.ts); both go through here.
 */
import { municipalitiesOf } from "../../shared/regions.js";
import type { CollabService } from "../collab/service.js";
import type { AuditInput, DocumentRow, Store } from "../storage/types.js";
import { buildVersion } from "./versions.js";

/** True when every kommune of the document's region has approved `indholdsHash` (a decision not to approve does not count). */
export async function allKommunerApproved(store: Store, document: DocumentRow, indholdsHash: string): Promise<boolean> {
  const approved = new Set(
    (await store.listApprovals(document.id)).filter((a) => a.indholdsHash === indholdsHash && a.decision?.udfald !== "ikke_godkendt").map((a) => a.kommunekode),
  );
  return municipalitiesOf(document.regionId).every((m) => approved.has(m.code));
}

/**
 * Moves the reply to "godkendt" if it is still awaiting approval, with its version and the
 * audit event that records who took the step, in one transaction; false when another step got
 * there first.
 */
export async function markApprovedByAll(store: Store, collab: CollabService, document: DocumentRow, audit: AuditInput): Promise<boolean> {
  const version = await buildVersion(collab, document, "Godkendt af alle kommuner", "auto", null);
  const { committed } = await store.commitTransition({
    documentId: document.id,
    at: new Date().toISOString(),
    state: { from: ["til_godkendelse"], to: "godkendt" },
    versions: [version],
    audit: [audit],
  });
  if (committed) collab.setWorkflowState(document.id, "godkendt");
  return committed;
}
