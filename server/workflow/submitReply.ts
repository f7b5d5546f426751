/**
 * "Indsend": the coordinator submits the reply every kommune has approved. The server seals a
 * record {content, indholdsHash, dato, approvals} of the frozen version, hashes it
 * (forseglingsHash), renders PDF and DOCX from that record, and stores all of it in one row that
 * the database will never let change: in one transaction with its signature, the state
 * "indsendt", the version and the audit event. A correction is a new "supplerende svar".
 */
import { REGIONS, findMunicipality } from "../../shared/regions.js";
import { checkSubmission } from "../../shared/template/completeness.js";
import type { SigningKey } from "../signing/keys.js";
import { signSeal } from "../signing/seal-statement.js";
import type { Principal } from "../auth/principal.js";
import { auditEvent } from "../audit/record.js";
import type { CollabService } from "../collab/service.js";
import { sha256Canonical } from "./content-hash.js";
import { canonicalJson } from "../../shared/content/canonical.js";
import { conflict } from "../errors.js";
import type { DocumentRow, Store } from "../storage/types.js";
import { isUniqueViolation } from "../storage/unique-violation.js";
import { copenhagenToday } from "../time.js";
import { buildVersion, versionContent } from "./versions.js";
import { bilagForSeal } from "./sealed-files.js";
import { decodeJson } from "../storage/decode.js";
import { SealedRecordSchema, type SealedRecord } from "../export/sealed-record.js";
import { copenhagenDate } from "../../shared/danish.js";

export async function submitReply(
  store: Store,
  collab: CollabService,
  signingKey: SigningKey,
  input: { actor: Principal; document: DocumentRow },
): Promise<{ indholdsHash: string; forseglingsHash: string }> {
  const { document } = input;
  if (document.state !== "godkendt") throw conflict("wrong_state", "Svaret kan først indsendes, når alle kommuner har godkendt det.");
  const workflow = await store.getWorkflow(document.id);
  const version = workflow.frozenVersionId ? await store.getVersion(workflow.frozenVersionId) : undefined;
  if (!version) throw conflict("wrong_state", "Der er ingen låst version at indsende.");
  const content = versionContent(version);
  const approvals = await store.listApprovals(document.id);
  const dato = copenhagenToday();
  const checkedAsOf = copenhagenDate(version.createdAt);
  const named = await Promise.all(
    approvals.map(async (a) => ({
      kommunekode: a.kommunekode,
      kommune: findMunicipality(a.kommunekode)?.officialName ?? a.kommunekode,
      godkendtAf: (await store.getUser(a.userId))?.name ?? "Ukendt",
      tidspunkt: a.createdAt,
      grundlag: a.grundlag,
      indholdsHash: a.indholdsHash,
      ...(a.flag ? { bemaerkning: a.flag } : {}),
      ...(a.decision ? { beslutning: a.decision } : {}),
    })),
  );
  const report = checkSubmission(content, named, {
    regionId: document.regionId,
    regions: REGIONS,
    today: checkedAsOf, // an approved text never turns invalid by the calendar
    expectedHash: version.indholdsHash,
    dato,
  });
  if (!report.ok) throw conflict("not_submittable", "Svaret kan ikke indsendes endnu.", report);

  const record: SealedRecord = {
    documentId: document.id,
    regionId: document.regionId,
    title: document.title,
    content,
    indholdsHash: version.indholdsHash,
    dato,
    checkedAsOf,
    approvals: named,
    // The advarsler the coordinator accepted by name when the text was sent for approval, as the check words them.
    ...(await supplementOf(store, document)),
    bilag: await bilagForSeal(store, document.id),
    accepteredeAdvarsler: report.findings
      .filter((f) => f.severity === "advarsel" && workflow.acknowledgedWarnings.includes(f.ruleId))
      .map((f) => ({ regel: f.ruleId, besked: f.message })),
  };
  const hashes = { indholdsHash: version.indholdsHash, forseglingsHash: sha256Canonical(record) };
  // The PDF and DOCX libraries are large; load them when a reply is sealed, not at every start.
  const [{ renderReplyPdf }, { renderReplyDocx }] = await Promise.all([import("../export/pdf.js"), import("../export/docx.js")]);
  const [pdf, docx] = await Promise.all([renderReplyPdf(record, hashes), renderReplyDocx(record, hashes)]);
  const sealedAt = new Date().toISOString();
  const seal = {
    documentId: document.id,
    recordJson: canonicalJson(record),
    indholdsHash: hashes.indholdsHash,
    forseglingsHash: hashes.forseglingsHash,
    sealedAt,
    pdf,
    docx,
  };
  // The seal's statement (its hashes and those of the PDF and DOCX) signed with the key outside the database.
  const signed = signSeal(signingKey, seal);
  const signature = { documentId: document.id, statementJson: canonicalJson(signed.statement), signature: signed.signature, keyId: signed.keyId };
  const submitted = await buildVersion(collab, document, "Indsendt", "auto", input.actor.user.id);
  let committed: boolean;
  try {
    ({ committed } = await store.commitTransition({
      documentId: document.id,
      at: sealedAt,
      state: { from: ["godkendt"], to: "indsendt" },
      seal: { seal, signature },
      versions: [submitted],
      audit: [auditEvent({ actorUserId: input.actor.user.id, documentId: document.id, event: "workflow.submitted", details: hashes })],
    }));
  } catch (error) {
    // The seal's primary key lets only one submission win.
    if (isUniqueViolation(error)) throw conflict("wrong_state", "Svaret er allerede indsendt.");
    throw error;
  }
  if (!committed) {
    const already = (await store.getDocument(document.id))?.state === "indsendt";
    throw conflict("wrong_state", already ? "Svaret er allerede indsendt." : "Svaret er ikke længere godkendt af alle kommuner og kan ikke indsendes.");
  }
  collab.setWorkflowState(document.id, "indsendt");
  return hashes;
}

/** A supplerende svar names the sealed reply it supplements: its submission date and seal. */
async function supplementOf(store: Store, document: DocumentRow): Promise<Pick<SealedRecord, "supplerer">> {
  if (!document.supplementsDocumentId) return {};
  const seal = await store.getSeal(document.supplementsDocumentId);
  if (!seal) throw conflict("wrong_state", "Svaret, der suppleres, er ikke indsendt.");
  const record = decodeJson(SealedRecordSchema, seal.recordJson, "seals.record_json");
  return { supplerer: { documentId: document.supplementsDocumentId, dato: record.dato, forseglingsHash: seal.forseglingsHash } };
}
