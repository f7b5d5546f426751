/**
 * "Send til godkendelse": the coordinator freezes the text for approval. The order matters:
 * 1. the state moves to til_godkendelse in the database (compare-and-set), so a room loaded from
 *    now on, on any instance, starts frozen;
 * 2. the loaded room is frozen at once: every later content update is refused;
 * 3. what the room accepted before is committed (the writer is drained);
 * 4. the completeness check runs on that final content; if it fails, or advarsler are not
 *    acknowledged by name, everything is undone and the report is returned;
 * 5. the frozen version (content + SHA-256), the workflow row pointing at it and the audit event
 *    are stored in one transaction: approvals are bound to its hash.
 */
import { REGIONS } from "../../shared/regions.js";
import { checkCompleteness } from "../../shared/template/completeness.js";
import type { Principal } from "../auth/principal.js";
import { auditEvent } from "../audit/record.js";
import type { CollabService } from "../collab/service.js";
import { conflict } from "../errors.js";
import type { DocumentRow, Store } from "../storage/types.js";
import { copenhagenToday } from "../time.js";
import { buildVersion, versionContent } from "./versions.js";

export interface RequestApprovalInput {
  actor: Principal; // koordinator
  document: DocumentRow;
  /** Rule ids of the advarsler the coordinator has read and accepts. */
  acknowledgedWarnings: string[];
}

export async function requestApproval(store: Store, collab: CollabService, input: RequestApprovalInput): Promise<{ indholdsHash: string }> {
  const { document } = input;
  const now = new Date().toISOString();
  if (!(await store.transitionState(document.id, ["udkast"], "til_godkendelse", now))) {
    throw conflict("wrong_state", "Svaret er ikke i udkast og kan ikke sendes til godkendelse.");
  }
  collab.setWorkflowState(document.id, "til_godkendelse");
  const undo = async () => {
    await store.transitionState(document.id, ["til_godkendelse"], "udkast", new Date().toISOString());
    collab.setWorkflowState(document.id, "udkast");
  };
  try {
    await collab.freezeEverywhere(document.id);
    // Read from storage, not from this instance's room: with several instances only storage is
    // sure to hold everything every instance accepted before the freeze.
    const version = await buildVersion(collab, document, "Sendt til godkendelse", "auto", input.actor.user.id, { fromStorage: true });
    const report = checkCompleteness(versionContent(version), { regionId: document.regionId, regions: REGIONS, today: copenhagenToday() });
    if (!report.ok) {
      await undo();
      throw conflict("incomplete", "Svaret er ikke komplet. Ret fejlene, før det sendes til godkendelse.", report);
    }
    const warnings = report.findings.filter((f) => f.severity === "advarsel").map((f) => f.ruleId);
    const unacknowledged = warnings.filter((w) => !input.acknowledgedWarnings.includes(w));
    if (unacknowledged.length > 0) {
      await undo();
      throw conflict("warnings_unacknowledged", "Bekræft, at I har set advarslerne.", {
        warnings: report.findings.filter((f) => unacknowledged.includes(f.ruleId)),
      });
    }
    const { committed } = await store.commitTransition({
      documentId: document.id,
      at: now,
      // Still til_godkendelse: nobody reopened the reply while it was being frozen.
      state: { from: ["til_godkendelse"], to: "til_godkendelse" },
      versions: [version],
      workflow: { frozenVersionId: version.id, acknowledgedWarnings: warnings },
      audit: [
        auditEvent({
          actorUserId: input.actor.user.id,
          documentId: document.id,
          event: "workflow.approval_requested",
          details: { indholdsHash: version.indholdsHash, acknowledgedWarnings: warnings },
        }),
      ],
    });
    if (!committed) throw conflict("wrong_state", "Svaret blev sendt tilbage til udkast, mens det blev låst. Prøv igen.");
    return { indholdsHash: version.indholdsHash };
  } catch (error) {
    if ((await store.getDocument(document.id))?.state === "til_godkendelse" && !(await store.getWorkflow(document.id)).frozenVersionId) await undo();
    throw error;
  }
}
