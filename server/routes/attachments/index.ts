/**
 * Bilag as files (issue 18): list, add, remove and download. A file is added as raw bytes
 * (application/octet-stream, its name URL-encoded in X-Filename) beside the usual CSRF header, so
 * no cross-site form can post one. Only PDF, DOCX and XLSX, told from their bytes; added and
 * removed only while the reply is a draft; served only as a download, never as a page.
 */
import { createHash, randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MAX_COUNT,
  AttachmentFilename,
  AttachmentParams,
  CONTENT_TYPES,
  type AttachmentDto,
} from "../../../shared/validation/attachments.js";
import { isFrozen } from "../../../shared/policy.js";
import type { CollabService } from "../../collab/service.js";
import type { DocumentRow, Store } from "../../storage/types.js";
import { badRequest, conflict, notFound } from "../../errors.js";
import { principalOf } from "../../plugins/auth.js";
import { recordAudit } from "../../audit/record.js";
import { identifyFile } from "../../attachments/identify.js";
import { documentFor } from "../documents/index.js";
import { decodeJson } from "../../storage/decode.js";
import { SealedRecordSchema } from "../../export/sealed-record.js";
import { submissionZip } from "../../workflow/sealed-files.js";

/** `attachment; filename="…"; filename*=UTF-8''…`: the ASCII fallback and the exact name. */
export function downloadDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export async function attachmentRoutes(app: FastifyInstance, deps: { store: Store; collab: CollabService }): Promise<void> {
  const { store, collab } = deps;
  app.addHook("preHandler", app.requireUser);
  app.addContentTypeParser("application/octet-stream", { parseAs: "buffer", bodyLimit: ATTACHMENT_MAX_BYTES }, (_request, body, done) => done(null, body));

  const present = async (documentId: string): Promise<{ attachments: AttachmentDto[] }> => ({
    attachments: await Promise.all(
      (await store.listAttachments(documentId)).map(async (a) => ({
        id: a.id,
        filename: a.filename,
        kind: a.kind,
        size: a.size,
        sha256: a.sha256,
        uploadedBy: (await store.getUser(a.uploadedBy))?.name ?? "Ukendt",
        uploadedAt: a.uploadedAt,
      })),
    ),
  });
  const draftOnly = (document: DocumentRow) => {
    if (isFrozen(document.state)) throw conflict("locked", "Svaret er låst. Bilag kan kun tilføjes og fjernes, mens svaret er et udkast.");
  };

  app.get("/api/documents/:id/attachments", async (request) => {
    const { document } = await documentFor(store, request, "read");
    return present(document.id);
  });

  app.post("/api/documents/:id/attachments", async (request) => {
    const { document } = await documentFor(store, request, "edit");
    draftOnly(document);
    const file = request.body;
    if (!Buffer.isBuffer(file) || file.length === 0) throw badRequest("Send filen som application/octet-stream.");
    const header = request.headers["x-filename"];
    let raw = "";
    try {
      raw = decodeURIComponent(typeof header === "string" ? header : "");
    } catch {
      throw badRequest("Filnavnet kunne ikke læses.");
    }
    const filename = AttachmentFilename.parse(raw);
    const kind = identifyFile(filename, file);
    if (!kind) throw badRequest("Bilag skal være PDF, Word (DOCX) eller Excel (XLSX), og filnavnet skal passe til indholdet.");
    if ((await store.listAttachments(document.id)).length >= ATTACHMENT_MAX_COUNT) {
      throw conflict("too_many", `Et svar kan have højst ${ATTACHMENT_MAX_COUNT} bilag. Fjern et bilag først.`);
    }
    const actor = principalOf(request).user;
    const row = {
      id: randomUUID(),
      documentId: document.id,
      filename,
      kind,
      size: file.length,
      sha256: createHash("sha256").update(file).digest("hex"),
      data: new Uint8Array(file),
      uploadedBy: actor.id,
      uploadedAt: new Date().toISOString(),
    };
    await store.insertAttachment(row);
    await recordAudit(store, {
      actorUserId: actor.id,
      documentId: document.id,
      event: "attachment.added",
      details: { id: row.id, filename, sha256: row.sha256 },
    });
    collab.broadcastEvent(document.id, { type: "attachments" });
    return present(document.id);
  });

  app.delete("/api/documents/:id/attachments/:attachmentId", async (request, reply) => {
    const { document } = await documentFor(store, request, "edit");
    draftOnly(document);
    const { attachmentId } = AttachmentParams.parse(request.params);
    const found = await store.getAttachment(attachmentId);
    if (!found || found.documentId !== document.id || !(await store.removeAttachment(attachmentId, new Date().toISOString())))
      throw notFound("Bilaget findes ikke.");
    await recordAudit(store, {
      actorUserId: principalOf(request).user.id,
      documentId: document.id,
      event: "attachment.removed",
      details: { id: attachmentId },
    });
    collab.broadcastEvent(document.id, { type: "attachments" });
    return reply.code(204).send();
  });

  /** The whole submission in one zip: the sealed PDF and DOCX, the record, and every bilag it names. */
  app.get("/api/documents/:id/final.zip", async (request, reply) => {
    const { document } = await documentFor(store, request, "read");
    const seal = await store.getSeal(document.id);
    if (!seal) throw notFound("Svaret er ikke indsendt endnu.");
    const record = decodeJson(SealedRecordSchema, seal.recordJson, "seals.record_json");
    const base = `regionssvar-${document.regionId}`;
    return reply
      .type("application/zip")
      .header("content-disposition", downloadDisposition(`${base}.zip`))
      .header("x-content-type-options", "nosniff")
      .send(Buffer.from(await submissionZip(store, seal, record, base)));
  });

  app.get("/api/documents/:id/attachments/:attachmentId", async (request, reply) => {
    const { document } = await documentFor(store, request, "read");
    const { attachmentId } = AttachmentParams.parse(request.params);
    const found = await store.getAttachment(attachmentId);
    if (!found || found.documentId !== document.id) throw notFound("Bilaget findes ikke.");
    return reply
      .type(CONTENT_TYPES[found.kind])
      .header("content-disposition", downloadDisposition(found.filename))
      .header("x-content-type-options", "nosniff")
      .header("content-security-policy", "default-src 'none'; sandbox")
      .send(Buffer.from(found.data));
  });
}
