/**
 * `GET /collab/:documentId` — the websocket endpoint. Everything that can refuse a client is
 * decided BEFORE the 101 response (in preValidation): Origin, session, document, role. A refused
 * upgrade gets an ordinary HTTP error and never loads the document.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { QUERY_ACK, QUERY_SCHEMA } from "../../shared/protocol/messages.js";
import { DocumentIdParams } from "../../shared/validation/api.js";
import type { Config } from "../config.js";
import type { Store, DocumentRole, DocumentRow } from "../storage/types.js";
import type { Principal } from "../auth/principal.js";
import { principalFromToken } from "../auth/sessions.js";
import { allowedOrigins, isAllowedOrigin } from "../access/origin.js";
import { can, effectiveRole } from "../access/policy.js";
import type { CollabService } from "./service.js";

const UpgradeQuery = z.object({
  [QUERY_ACK]: z.enum(["0", "1"]).optional(),
  [QUERY_SCHEMA]: z.coerce.number().int().min(0).max(1_000_000).optional(),
});

interface UpgradeContext {
  principal: Principal;
  document: DocumentRow;
  role: DocumentRole;
  wantsAck: boolean;
  schemaVersion: number | undefined;
}

declare module "fastify" {
  interface FastifyRequest {
    collab?: UpgradeContext;
  }
}

export async function registerCollabRoute(app: FastifyInstance, deps: { config: Config; store: Store; collab: CollabService }): Promise<void> {
  const origins = allowedOrigins(deps.config.ALLOWED_ORIGINS);
  app.get(
    "/collab/:documentId",
    {
      websocket: true,
      preValidation: async (request, reply) => {
        if (!isAllowedOrigin(request, origins, deps.config.HTTPS)) {
          return reply.code(403).send({ error: { code: "bad_origin", message: "Forbindelsen kommer fra en ukendt adresse." } });
        }
        const params = DocumentIdParams.safeParse({ id: (request.params as { documentId?: string }).documentId });
        const query = UpgradeQuery.safeParse(request.query);
        if (!params.success || !query.success) {
          return reply.code(400).send({ error: { code: "bad_request", message: "Ugyldig forbindelsesadresse." } });
        }
        const principal = await principalFromToken(deps.store, request.cookies[app.sessionCookie]);
        if (!principal) return reply.code(401).send({ error: { code: "unauthenticated", message: "Du er ikke logget ind." } });
        const document = await deps.store.getDocument(params.data.id);
        if (!document) return reply.code(404).send({ error: { code: "not_found", message: "Dokumentet findes ikke." } });
        const membership = await deps.store.getMembership(document.id, principal.user.id);
        const role = effectiveRole(principal, document, membership);
        if (!can(role, "read")) return reply.code(403).send({ error: { code: "forbidden", message: "Du har ikke adgang til dette dokument." } });
        request.collab = {
          principal,
          document,
          role: role!,
          wantsAck: query.data[QUERY_ACK] === "1",
          schemaVersion: query.data[QUERY_SCHEMA],
        };
      },
    },
    (socket, request) => {
      const ctx = request.collab!;
      deps.collab.accept({ socket, ...ctx });
    },
  );
}
