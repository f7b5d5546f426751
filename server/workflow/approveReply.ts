/**
 * A kommunal redaktør records their kommune's decision on the frozen text: the political decision
 * (shared/validation/decision.ts) and the SHA-256 of the exact text they read. An approval of any
 * other hash is refused. The coordinator may register a kommune's decision on its behalf, with the
 * evidence; that is flagged in the letter and audited. When the last kommune of the region has
 * approved, the reply is "godkendt"; a decision not to approve blocks submission until the draft
 * is reopened.
 */
import { randomUUID } from "node:crypto";
import type { Principal } from "../auth/principal.js";
import { auditEvent } from "../audit/record.js";
import type { CollabService } from "../collab/service.js";
import { conflict, forbidden } from "../errors.js";
import type { DocumentRow, Store } from "../storage/types.js";
import { isUniqueViolation } from "../storage/unique-violation.js";
import { decisionText, type Decision } from "../../shared/validation/decision.js";
import { municipalitiesOf } from "../../shared/regions.js";
import { allKommunerApproved, markApprovedByAll } from "./approved-by-all.js";

export interface ApproveReplyInput {
  actor: Principal; // redaktoer of a kommune of the document's region
  document: DocumentRow;
  /** The decision; or, from API clients of before, the grundlag in words ("Byrådsbeslutning 12.05.2025, pkt. 7"). */
  beslutning?: Decision;
  grundlag?: string;
  indholdsHash: string; // the hash of the text the approver read
}

/** The coordinator's registration of a kommune's decision, with the evidence it was given. */
export interface ApproveOnBehalfInput {
  actor: Principal; // koordinator
  document: DocumentRow;
  kommunekode: string;
  beslutning: Decision;
  dokumentation: string;
  indholdsHash: string;
}

/**
 * An approval from an account whose invitation link someone outside the kommune could see (no
 * mail server: the coordinator was shown it) is flagged in the seal: that person could have
 * accepted the link themselves and approved in the kommune's name (issue 15, item 3).
 */
async function approvalFlag(store: Store, actor: Principal): Promise<string | null> {
  const invitation = await store.getAcceptedInvitationOf(actor.user.id);
  if (!invitation?.linkShown) return null;
  const inviter = await store.getUser(invitation.createdBy);
  if (inviter?.organisationId === actor.user.organisationId) return null;
  const organisation = inviter && (await store.getOrganisation(inviter.organisationId));
  return `Kontoen er oprettet via et invitationslink, som ${inviter?.name ?? "en anden"}${organisation ? ` (${organisation.name})` : ""} kunne se. Kommunen bør bekræfte godkendelsen.`;
}

export async function approveReply(store: Store, collab: CollabService, input: ApproveReplyInput): Promise<{ allApproved: boolean }> {
  const { document, actor } = input;
  const kommunekode = actor.organisation.kommunekode;
  if (actor.organisation.kind !== "kommune" || !kommunekode || actor.organisation.regionId !== document.regionId) {
    throw forbidden("Kun en kommune i regionen kan godkende svaret.");
  }
  const decision = input.beslutning ?? null;
  return recordDecision(store, collab, {
    document,
    actor,
    kommunekode,
    decision,
    grundlag: decision ? decisionText(decision) : (input.grundlag ?? ""),
    indholdsHash: input.indholdsHash,
    flag: await approvalFlag(store, actor),
    event: "approval.given",
  });
}

export async function approveOnBehalf(store: Store, collab: CollabService, input: ApproveOnBehalfInput): Promise<{ allApproved: boolean }> {
  const { document, actor, kommunekode } = input;
  if (!municipalitiesOf(document.regionId).some((m) => m.code === kommunekode)) throw forbidden("Kommunen hører ikke til regionen.");
  return recordDecision(store, collab, {
    document,
    actor,
    kommunekode,
    decision: input.beslutning,
    grundlag: decisionText(input.beslutning),
    indholdsHash: input.indholdsHash,
    flag: `Registreret af koordinatoren ${actor.user.name} på kommunens vegne. Dokumentation: ${input.dokumentation}`,
    event: "approval.registered_on_behalf",
    details: { dokumentation: input.dokumentation },
  });
}

interface DecisionRecord {
  document: DocumentRow;
  actor: Principal;
  kommunekode: string;
  decision: Decision | null;
  grundlag: string;
  indholdsHash: string;
  flag: string | null;
  event: string;
  details?: Record<string, unknown>;
}

async function recordDecision(store: Store, collab: CollabService, input: DecisionRecord): Promise<{ allApproved: boolean }> {
  const { document, actor, kommunekode } = input;
  if (document.state !== "til_godkendelse") throw conflict("wrong_state", "Svaret er ikke sendt til godkendelse.");
  const workflow = await store.getWorkflow(document.id);
  const version = workflow.frozenVersionId ? await store.getVersion(workflow.frozenVersionId) : undefined;
  if (!version) throw conflict("wrong_state", "Der er ingen låst version at godkende.");
  if (input.indholdsHash !== version.indholdsHash) {
    throw conflict("hash_mismatch", "Godkendelsen gælder ikke den låste tekst. Genindlæs og læs den gældende version.", { expected: version.indholdsHash });
  }
  const approval = {
    id: randomUUID(),
    documentId: document.id,
    kommunekode,
    userId: actor.user.id,
    createdAt: new Date().toISOString(),
    grundlag: input.grundlag,
    indholdsHash: version.indholdsHash,
    discardedAt: null,
    flag: input.flag,
    decision: input.decision,
  };
  try {
    await store.commitTransition({
      documentId: document.id,
      at: approval.createdAt,
      approval,
      audit: [
        auditEvent({
          actorUserId: actor.user.id,
          documentId: document.id,
          event: input.event,
          details: {
            kommunekode,
            grundlag: input.grundlag,
            udfald: input.decision?.udfald ?? "godkendt",
            indholdsHash: version.indholdsHash,
            ...input.details,
          },
        }),
      ],
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("already_approved", "Kommunen har allerede registreret sin beslutning.");
    throw error;
  }
  const allApproved = await allKommunerApproved(store, document, version.indholdsHash);
  const approvedByAll = auditEvent({
    actorUserId: null,
    documentId: document.id,
    event: "workflow.approved_by_all",
    details: { indholdsHash: version.indholdsHash },
  });
  if (!(allApproved && (await markApprovedByAll(store, collab, document, approvedByAll)))) collab.broadcastEvent(document.id, { type: "approvals" });
  return { allApproved };
}
