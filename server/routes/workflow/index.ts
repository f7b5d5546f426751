/**
 * The reply's workflow: state and approvals, the transitions (send for approval, back to draft,
 * approve, submit), the sealed final version with its verification and downloads.
 */
import * as Y from "yjs";
import type { FastifyInstance } from "fastify";
import { municipalitiesOf } from "../../../shared/regions.js";
import {
  AgencySharingBody,
  ApproveBody,
  ApproveOnBehalfBody,
  InternalDeadlineBody,
  RemindBody,
  ReopenBody,
  RequestApprovalBody,
} from "../../../shared/validation/workflow.js";
import { shareWithAgency } from "../../workflow/shareWithAgency.js";
import { bilagVerified } from "../../workflow/sealed-files.js";
import type { FinalResponse, WorkflowResponse } from "../../../shared/validation/workflow.js";
import { canonicalContent } from "../../../shared/content/canonical.js";
import type { Store, DocumentRow } from "../../storage/types.js";
import type { CollabService } from "../../collab/service.js";
import { conflict, notFound } from "../../errors.js";
import { inBackground, mailApprovalRequested, mailApprovedByAll, mailReminder, mailSubmitted, type MailContext } from "../../mail/events.js";
import { principalOf } from "../../plugins/auth.js";
import { documentFor } from "../documents/index.js";
import { SUBMISSION_DEADLINE } from "../../../shared/deadline.js";
import { sha256Canonical } from "../../workflow/content-hash.js";
import { requestApproval } from "../../workflow/requestApproval.js";
import { reopenDraft } from "../../workflow/reopenDraft.js";
import { approveOnBehalf, approveReply } from "../../workflow/approveReply.js";
import { submitReply } from "../../workflow/submitReply.js";
import { recordAudit } from "../../audit/record.js";
import { SealedRecordSchema } from "../../export/sealed-record.js";
import { decodeJson } from "../../storage/decode.js";
import type { SigningKey } from "../../signing/keys.js";
import { checkSealSignature, SealStatementSchema } from "../../signing/seal-statement.js";
import { refusedFull } from "../../workflow/refused-limits.js";
import { describeRejectedAsRefused } from "../../workflow/rejected.js";

export async function workflowStatus(store: Store, document: DocumentRow): Promise<WorkflowResponse> {
  const workflow = await store.getWorkflow(document.id);
  const version = workflow.frozenVersionId ? await store.getVersion(workflow.frozenVersionId) : undefined;
  const approvals = new Map((await store.listApprovals(document.id)).map((a) => [a.kommunekode, a]));
  const seal = await store.getSeal(document.id);
  return {
    state: document.state,
    frozenHash: version?.indholdsHash ?? null,
    frozenAt: version?.createdAt ?? null,
    acknowledgedWarnings: workflow.acknowledgedWarnings,
    internalDeadline: workflow.internalDeadline,
    deadline: SUBMISSION_DEADLINE,
    sharedWithAgency: document.sharedWithAgency,
    approvals: await Promise.all(
      municipalitiesOf(document.regionId).map(async (m) => {
        const a = approvals.get(m.code);
        return {
          kommunekode: m.code,
          kommune: m.officialName,
          approval: a
            ? {
                godkendtAf: (await store.getUser(a.userId))?.name ?? "Ukendt",
                tidspunkt: a.createdAt,
                grundlag: a.grundlag,
                udfald: a.decision?.udfald ?? "godkendt",
                bemaerkning: a.flag,
              }
            : null,
        };
      }),
    ),
    seal: seal ? { indholdsHash: seal.indholdsHash, forseglingsHash: seal.forseglingsHash, sealedAt: seal.sealedAt } : null,
  };
}

export async function workflowRoutes(
  app: FastifyInstance,
  deps: { store: Store; collab: CollabService; signingKey: SigningKey; mail: MailContext },
): Promise<void> {
  const { store, collab } = deps;
  app.addHook("preHandler", app.requireUser);

  app.get("/api/documents/:id/workflow", async (request): Promise<WorkflowResponse> => {
    const { document } = await documentFor(store, request, "read");
    return workflowStatus(store, document);
  });

  app.post("/api/documents/:id/workflow/request-approval", async (request) => {
    const { document } = await documentFor(store, request, "manage");
    const { acknowledgedWarnings } = RequestApprovalBody.parse(request.body ?? {});
    const result = await requestApproval(store, collab, { actor: principalOf(request), document, acknowledgedWarnings });
    inBackground(request.log, mailApprovalRequested(deps.mail, document));
    return result;
  });

  /** The coordinator reminds the kommuner that have not approved yet (by mail). */
  app.post("/api/documents/:id/workflow/remind", { config: { rateLimit: { max: 5, timeWindow: "1 minute" } } }, async (request) => {
    const { document } = await documentFor(store, request, "manage");
    if (document.state !== "til_godkendelse") throw conflict("wrong_state", "Svaret er ikke sendt til godkendelse.");
    const { note } = RemindBody.parse(request.body ?? {});
    const actor = principalOf(request).user;
    const recipients = await mailReminder(deps.mail, document, actor, note ?? null);
    await recordAudit(store, { actorUserId: actor.id, documentId: document.id, event: "workflow.reminded", details: { recipients } });
    return { recipients };
  });

  app.post("/api/documents/:id/workflow/reopen", async (request, reply) => {
    const { document } = await documentFor(store, request, "manage");
    const { reason } = ReopenBody.parse(request.body);
    await reopenDraft(store, collab, { actor: principalOf(request), document, reason });
    return reply.code(204).send();
  });

  app.post("/api/documents/:id/approvals", async (request) => {
    const { document } = await documentFor(store, request, "approve");
    const body = ApproveBody.parse(request.body);
    const result = await approveReply(store, collab, { actor: principalOf(request), document, ...body });
    if (result.allApproved) inBackground(request.log, mailApprovedByAll(deps.mail, document));
    return result;
  });

  /** The coordinator registers a kommune's decision on its behalf, with the evidence (audited, flagged in the letter). */
  app.post("/api/documents/:id/approvals/on-behalf", async (request) => {
    const { document } = await documentFor(store, request, "manage");
    const body = ApproveOnBehalfBody.parse(request.body);
    const result = await approveOnBehalf(store, collab, { actor: principalOf(request), document, ...body });
    if (result.allApproved) inBackground(request.log, mailApprovedByAll(deps.mail, document));
    return result;
  });

  app.post("/api/documents/:id/workflow/submit", async (request) => {
    const { document } = await documentFor(store, request, "manage");
    const result = await submitReply(store, collab, deps.signingKey, { actor: principalOf(request), document });
    inBackground(request.log, mailSubmitted(deps.mail, document));
    return result;
  });

  app.put("/api/documents/:id/workflow/internal-deadline", async (request, reply) => {
    const { document } = await documentFor(store, request, "manage");
    const { internalDeadline } = InternalDeadlineBody.parse(request.body);
    const workflow = await store.getWorkflow(document.id);
    await store.saveWorkflow({ ...workflow, internalDeadline, updatedAt: new Date().toISOString() });
    await recordAudit(store, {
      actorUserId: principalOf(request).user.id,
      documentId: document.id,
      event: "workflow.internal_deadline",
      details: { internalDeadline },
    });
    return reply.code(204).send();
  });

  /** "Del udkastet med styrelsen": the coordinator lets the agency read the draft before submission, or stops it. */
  app.put("/api/documents/:id/agency-sharing", async (request, reply) => {
    const { document } = await documentFor(store, request, "manage");
    const { shared } = AgencySharingBody.parse(request.body);
    await shareWithAgency(store, collab, { actor: principalOf(request), document, shared });
    return reply.code(204).send();
  });

  /** The caller's own changes that were refused because the text was frozen (kept, never lost). */
  app.get("/api/documents/:id/rejected-changes", async (request) => {
    const { document } = await documentFor(store, request, "read");
    const rows = await store.listRejectedUpdates(document.id, principalOf(request).user.id);
    const current = await collab.read(document, (doc) => {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
      return copy;
    });
    const changes = await describeRejectedAsRefused(store, document.id, rows, current).finally(() => current.destroy());
    const limitReached = await refusedFull(store, collab.refusedLimits, document.id, principalOf(request).user.id);
    return { changes: changes.filter((c) => c.changes.length > 0), limitReached };
  });

  app.get("/api/documents/:id/final", async (request): Promise<FinalResponse> => {
    const { document } = await documentFor(store, request, "read");
    const seal = await store.getSeal(document.id);
    if (!seal) throw notFound("Svaret er ikke indsendt endnu.");
    const record = decodeJson(SealedRecordSchema, seal.recordJson, "seals.record_json");
    const stored = await store.getSealSignature(document.id);
    const signed = stored && {
      statement: decodeJson(SealStatementSchema, stored.statementJson, "seal_signatures.statement_json"),
      signature: stored.signature,
      keyId: stored.keyId,
    };
    const signature = checkSealSignature(deps.signingKey.publicKey, signed, seal);
    return {
      documentId: document.id,
      sealedAt: seal.sealedAt,
      indholdsHash: seal.indholdsHash,
      forseglingsHash: seal.forseglingsHash,
      verification: {
        indholdsHash: sha256Canonical(canonicalContent(record.content, record.regionId)) === seal.indholdsHash && record.indholdsHash === seal.indholdsHash,
        forseglingsHash: sha256Canonical(record) === seal.forseglingsHash,
        bilag: await bilagVerified(store, record),
        ...signature,
      },
      signatureKeyId: stored?.keyId ?? null,
      record,
    };
  });

  for (const [format, type] of [
    ["pdf", "application/pdf"],
    ["docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
  ] as const) {
    app.get(`/api/documents/:id/final.${format}`, async (request, reply) => {
      const { document } = await documentFor(store, request, "read");
      const seal = await store.getSeal(document.id);
      if (!seal) throw notFound("Svaret er ikke indsendt endnu.");
      return reply
        .type(type)
        .header("content-disposition", `attachment; filename="regionssvar-${document.regionId}.${format}"`)
        .send(Buffer.from(seal[format]));
    });
  }
}
