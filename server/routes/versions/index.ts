/**
 * Version history: list, named snapshots (the coordinator's; the workflow makes its own), a
 * read-only view, a readable comparison of two versions, and restore into the draft as a new
 * change (history is never rewritten).
 */
import type { FastifyInstance } from "fastify";
import { VersionBody, VersionParams } from "../../../shared/validation/workflow.js";
import { writeReplyContent } from "../../../shared/content/write.js";
import { buildReplyView } from "../../../shared/export/view.js";
import { findField, findTextField } from "../../../shared/template/definition.js";
import { plainText } from "../../../shared/template/words.js";
import { formatFieldValue } from "../../../shared/export/format.js";
import type { Store, DocumentRow, VersionRow } from "../../storage/types.js";
import type { CollabService } from "../../collab/service.js";
import { conflict, notFound } from "../../errors.js";
import { principalOf } from "../../plugins/auth.js";
import { documentFor } from "../documents/index.js";
import { createVersion, versionContent } from "../../workflow/versions.js";
import { renderReplyHtml } from "../../export/html.js";
import { recordAudit } from "../../audit/record.js";
import { z } from "zod";

const CompareParams = z.object({ id: z.string().regex(/^[a-z0-9-]{1,64}$/), versionId: z.string().uuid(), otherId: z.string().uuid() });

async function versionOf(store: Store, document: DocumentRow, versionId: string): Promise<VersionRow> {
  const version = await store.getVersion(versionId);
  if (!version || version.documentId !== document.id) throw notFound("Versionen findes ikke.");
  return version;
}

/** Field-by-field comparison in words the reader knows: labels, formatted values, word diffs. */
async function compareVersions(a: VersionRow, b: VersionRow) {
  // Loaded when someone compares versions, not at every start.
  const { diffWords } = await import("diff");
  const before = versionContent(a);
  const after = versionContent(b);
  const changes: { id: string; label: string; parts: { value: string; added?: boolean; removed?: boolean }[] }[] = [];
  for (const id of new Set([...Object.keys(before.texts), ...Object.keys(after.texts)])) {
    const x = plainText(before.texts[id] ?? []);
    const y = plainText(after.texts[id] ?? []);
    if (x !== y)
      changes.push({ id, label: findTextField(id)?.label ?? id, parts: diffWords(x, y).map((p) => ({ value: p.value, added: p.added, removed: p.removed })) });
  }
  for (const key of new Set([...Object.keys(before.fields), ...Object.keys(after.fields)])) {
    const def = findField(key);
    if (!def || JSON.stringify(before.fields[key]) === JSON.stringify(after.fields[key])) continue;
    const x = formatFieldValue(def, before.fields[key] ?? null);
    const y = formatFieldValue(def, after.fields[key] ?? null);
    changes.push({ id: key, label: def.label, parts: [...(x ? [{ value: x, removed: true }] : []), ...(y ? [{ value: y, added: true }] : [])] });
  }
  return changes;
}

export async function versionRoutes(app: FastifyInstance, deps: { store: Store; collab: CollabService }): Promise<void> {
  const { store, collab } = deps;
  app.addHook("preHandler", app.requireUser);

  app.get("/api/documents/:id/versions", async (request) => {
    const { document } = await documentFor(store, request, "read");
    const versions = await store.listVersions(document.id);
    return {
      versions: await Promise.all(
        versions.map(async (v) => ({ ...v, createdByName: v.createdBy ? ((await store.getUser(v.createdBy))?.name ?? null) : null })),
      ),
    };
  });

  app.post("/api/documents/:id/versions", async (request, reply) => {
    const { document } = await documentFor(store, request, "manage");
    const { name } = VersionBody.parse(request.body);
    await collab.commitPending();
    const version = await createVersion(store, collab, document, name, "manual", principalOf(request).user.id);
    reply.code(201);
    return { id: version.id, indholdsHash: version.indholdsHash };
  });

  app.get("/api/documents/:id/versions/:versionId", async (request) => {
    const { document } = await documentFor(store, request, "read");
    const { versionId } = VersionParams.parse(request.params);
    const version = await versionOf(store, document, versionId);
    const html = renderReplyHtml(buildReplyView(versionContent(version), { regionId: document.regionId }), `${document.title} – ${version.name}`);
    return { id: version.id, name: version.name, createdAt: version.createdAt, indholdsHash: version.indholdsHash, html };
  });

  app.get("/api/documents/:id/versions/:versionId/compare/:otherId", async (request) => {
    const { document } = await documentFor(store, request, "read");
    const { versionId, otherId } = CompareParams.parse(request.params);
    const [a, b] = await Promise.all([versionOf(store, document, versionId), versionOf(store, document, otherId)]);
    return { from: { id: a.id, name: a.name }, to: { id: b.id, name: b.name }, changes: await compareVersions(a, b) };
  });

  app.post("/api/documents/:id/versions/:versionId/restore", async (request, reply) => {
    const { document } = await documentFor(store, request, "manage");
    if (document.state !== "udkast") throw conflict("frozen", "Kun et udkast kan få en tidligere version gendannet.");
    const { versionId } = VersionParams.parse(request.params);
    const version = await versionOf(store, document, versionId);
    const actor = principalOf(request).user.id;
    await collab.commitPending();
    await createVersion(store, collab, document, `Før gendannelse af "${version.name}"`, "auto", actor);
    await collab.applyServerChange(document.id, (doc) => writeReplyContent(doc, versionContent(version)));
    // After the change itself (same sockets, in order): open editors put their carets somewhere safe and say why.
    collab.broadcastEvent(document.id, { type: "restored", versionName: version.name });
    await recordAudit(store, {
      actorUserId: actor,
      documentId: document.id,
      event: "version.restored",
      details: { versionId, indholdsHash: version.indholdsHash },
    });
    return reply.code(204).send();
  });
}
