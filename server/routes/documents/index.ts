/** The documents a user may open, their metadata and their completeness report. */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { DocumentIdParams, type DocumentListItemDto } from "../../../shared/validation/api.js";
import { REGIONS } from "../../../shared/regions.js";
import { checkCompleteness } from "../../../shared/template/completeness.js";
import type { Store, DocumentRole, DocumentRow } from "../../storage/types.js";
import type { CollabService } from "../../collab/service.js";
import { can, effectiveRole, type Action } from "../../access/policy.js";
import { roleOf } from "../../access/roles.js";
import { forbidden, notFound } from "../../errors.js";
import { principalOf } from "../../plugins/auth.js";
import { presentDocument, presentDocumentListItem } from "../../presenters/index.js";
import { buildReplyView } from "../../../shared/export/view.js";
import { renderReplyHtml } from "../../export/html.js";
import { checkDateOf } from "../../workflow/check-date.js";
import { isFrozen } from "../../../shared/policy.js";
import { createSupplement } from "../../workflow/supplements.js";

/** Loads the document of `:id` and the caller's role on it; 404 / 403 otherwise. */
export async function documentFor(store: Store, request: FastifyRequest, action: Action): Promise<{ document: DocumentRow; role: DocumentRole }> {
  const { id } = DocumentIdParams.parse(request.params);
  const principal = principalOf(request);
  const document = await store.getDocument(id);
  if (!document) throw notFound("Dokumentet findes ikke.");
  const role = await roleOf(store, principal, document);
  if (!can(role, "read")) throw forbidden("Du har ikke adgang til dette dokument.");
  if (!can(role, action)) throw forbidden();
  return { document, role: role! };
}

export async function documentRoutes(app: FastifyInstance, deps: { store: Store; collab: CollabService }): Promise<void> {
  const { store, collab } = deps;
  app.addHook("preHandler", app.requireUser);

  app.get("/api/documents", async (request) => {
    const principal = principalOf(request);
    const documents = await store.listDocuments();
    const memberships = new Map((await store.listMembershipsOfUser(principal.user.id)).map((m) => [m.documentId, m]));
    const visible = documents.flatMap((d) => {
      const role = effectiveRole(principal, d, memberships.get(d.id));
      return role ? [{ document: d, role }] : [];
    });
    // At most a handful of replies per user (one per region; five for the agency).
    const rows: DocumentListItemDto[] = [];
    for (const { document, role } of visible) {
      const content = await collab.readContent(document);
      const report = checkCompleteness(content, { regionId: document.regionId, regions: REGIONS, today: await checkDateOf(store, document) });
      rows.push(presentDocumentListItem(document, role, report));
    }
    return { documents: rows };
  });

  app.get("/api/documents/:id", async (request) => {
    const { document, role } = await documentFor(store, request, "read");
    const supplements = document.supplementsDocumentId ? ((await store.getDocument(document.supplementsDocumentId)) ?? null) : null;
    const supplementedBy = (await store.listDocuments())
      .filter((d) => d.supplementsDocumentId === document.id)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return presentDocument(document, role, isFrozen(document.state) ? await checkDateOf(store, document) : null, { supplements, supplementedBy });
  });

  /** "Supplerende svar": a new reply linked to this sealed one, from its sealed text and with its people. */
  app.post("/api/documents/:id/supplements", async (request) => {
    const { document } = await documentFor(store, request, "manage");
    const supplement = await createSupplement(store, { actor: principalOf(request), document });
    return { documentId: supplement.id };
  });

  app.get("/api/documents/:id/completeness", async (request) => {
    const { document } = await documentFor(store, request, "read");
    const content = await collab.readContent(document);
    return checkCompleteness(content, { regionId: document.regionId, regions: REGIONS, today: await checkDateOf(store, document) });
  });

  app.get("/api/documents/:id/preview", async (request, reply) => {
    const { document } = await documentFor(store, request, "read");
    const content = await collab.readContent(document);
    const html = renderReplyHtml(buildReplyView(content, { regionId: document.regionId }), document.title);
    // The preview is a standalone page: no scripts at all.
    return reply
      .type("text/html; charset=utf-8")
      .header(
        "content-security-policy",
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
      )
      .send(html);
  });
}
