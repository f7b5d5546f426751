/**
 * Authentication for HTTP routes: resolves the session cookie to a Principal once per request.
 * `app.requireUser` is the preHandler every protected route uses; it answers 401 otherwise.
 */
import fp from "fastify-plugin";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Store } from "../storage/types.js";
import type { Config } from "../config.js";
import type { Principal } from "../auth/principal.js";
import { principalFromToken, sessionCookieName } from "../auth/sessions.js";
import { unauthenticated } from "../errors.js";

declare module "fastify" {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyInstance {
    requireUser: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    sessionCookie: string;
  }
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthenticated();
  return request.principal;
}

export const authPlugin = fp<{ config: Config; store: Store }>(async (app, { config, store }) => {
  const cookieName = sessionCookieName(config.HTTPS);
  app.decorate("sessionCookie", cookieName);
  app.decorateRequest("principal", null);
  app.decorate("requireUser", async (request: FastifyRequest) => {
    request.principal = await principalFromToken(store, request.cookies[cookieName]);
    if (!request.principal) throw unauthenticated();
  });
});
