/**
 * The composition root: `buildApp(config)` wires storage, plugins, the collaboration service and
 * the routes, in a fixed order (external plugins → app plugins → routes). It never listens
 * (server/main.ts does) and keeps no module-level state, so tests build as many apps as they like.
 */
import { attachmentRoutes } from "./routes/attachments/index.js";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import websocket from "@fastify/websocket";
import fastifyStatic from "@fastify/static";
import type { Config } from "./config.js";
import type { Store } from "./storage/types.js";
import { openStore } from "./storage/index.js";
import { registerErrorHandler, registerNotFoundHandler } from "./errors.js";
import { securityPlugin } from "./plugins/security.js";
import { authPlugin } from "./plugins/auth.js";
import { CollabService, DEFAULT_COLLAB_OPTIONS, type CollabOptions } from "./collab/service.js";
import { registerCollabRoute } from "./collab/upgrade.js";
import { LocalFanout, RedisFanout } from "./collab/fanout.js";
import { startSessionSweep } from "./collab/session-sweep.js";
import { loadOrCreateSigningKey, type SigningKey } from "./signing/keys.js";
import { authRoutes } from "./routes/auth/index.js";
import { documentRoutes } from "./routes/documents/index.js";
import { peopleRoutes } from "./routes/people/index.js";
import { commentRoutes } from "./routes/comments/index.js";
import { workflowRoutes } from "./routes/workflow/index.js";
import { versionRoutes } from "./routes/versions/index.js";
import { overviewRoutes } from "./routes/overview/index.js";
import { startWorkflowRecovery } from "./workflow/recovery.js";
import { startMail, type Mail } from "./mail/setup.js";
import { mailRoutes } from "./routes/mail/index.js";
import { publicBaseUrl } from "./public-url.js";
import { OidcClients } from "./auth/oidc/flow.js";
import { loadOidcProviders, ssoOnlyOrganisations } from "./auth/oidc/providers.js";
import { oidcRoutes } from "./routes/auth/oidc.js";
import { accountRoutes } from "./routes/auth/account.js";

export interface AppDeps {
  /** Use this store instead of opening one from the config (tests inject faults this way). */
  store?: Store;
  collabOptions?: Partial<CollabOptions>;
}

declare module "fastify" {
  interface FastifyInstance {
    signingKey: SigningKey;
    mail: Mail;
    oidc: OidcClients;
    store: Store;
    collab: CollabService;
  }
}

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** Routes that accept a mutating request without a CSRF token (there is no session yet; they check Origin instead). */
const CSRF_EXEMPT = [/^\/api\/auth\/login$/, /^\/api\/invitations\/:token\/accept$/, /^\/api\/auth\/password-reset$/, /^\/api\/auth\/password-reset\/:token$/];
/** The one route that takes raw bytes (a bilag file) instead of JSON. */
const ATTACHMENT_UPLOAD = "/api/documents/:id/attachments";

export async function buildApp(config: Config, deps: AppDeps = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.LOG_LEVEL },
    bodyLimit: 256 * 1024, // JSON bodies are small; document content travels over the websocket
    trustProxy: false,
  });
  const store = deps.store ?? (await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }));
  const signingKey = loadOrCreateSigningKey(config.SIGNING_KEY_FILE ?? join(config.DATA_DIR, "signing-key.pem"));
  const fanout = config.REDIS_URL ? await RedisFanout.connect(config.REDIS_URL, app.log, config.REDIS_CHANNEL_PREFIX) : new LocalFanout();
  const collab = new CollabService(
    store,
    app.log,
    {
      ...DEFAULT_COLLAB_OPTIONS,
      unloadDelayMs: config.ROOM_UNLOAD_DELAY_MS,
      writer: { ...DEFAULT_COLLAB_OPTIONS.writer, compactAfterUpdates: config.COMPACT_AFTER_UPDATES },
      user: {
        maxConnections: config.MAX_CONNECTIONS_PER_USER,
        framesPerSecond: config.USER_MESSAGES_PER_SECOND,
        frameBurst: 5 * config.USER_MESSAGES_PER_SECOND,
      },
      maxDocumentBytes: config.MAX_DOCUMENT_BYTES,
      ...deps.collabOptions,
    },
    fanout,
  );
  await collab.start();
  const stopSessionSweep = startSessionSweep(store, collab, app.log, config.SESSION_CHECK_MS);
  // Workflow transitions a crash interrupted are repaired before the first request is served.
  const stopRecovery = await startWorkflowRecovery(store, collab, app.log, !config.REDIS_URL);
  const baseUrl = () => publicBaseUrl(config, app.server.address());
  const mail = await startMail(config, store, app.log, baseUrl);
  const oidc = new OidcClients(loadOidcProviders(config.OIDC_PROVIDERS_FILE), store, baseUrl);
  app.decorate("mail", mail);
  app.decorate("oidc", oidc);
  app.decorate("store", store);
  app.decorate("collab", collab);
  app.decorate("signingKey", signingKey);
  registerErrorHandler(app);

  // external plugins
  await app.register(securityPlugin, { config });
  await app.register(websocket, {
    options: { maxPayload: config.WS_MAX_FRAME_BYTES },
    // A misbehaving peer (oversized or invalid frame, abrupt disconnect) is the peer's problem:
    // ws has already answered it with the right close code; log it quietly and drop the socket.
    errorHandler: (error, socket, request) => {
      request.log.info({ err: error.message }, "websocket closed after a protocol error");
      socket.terminate();
    },
    // Replaces the plugin's default (close every socket without a code): close with 1012 so
    // clients reconnect, then commit what is queued.
    preClose: async function (this: FastifyInstance) {
      await collab.shutdown();
      this.websocketServer.close();
    },
  });
  // app plugins
  await app.register(authPlugin, { config, store });
  app.addHook("onRequest", (request, reply, done) => {
    if (!MUTATING.has(request.method)) return done();
    // The route Fastify matched, not the raw URL: "/%61pi/…" is routed to "/api/…" (issue 15).
    const path = request.routeOptions.url ?? "";
    if (!path.startsWith("/api/")) return done();
    // JSON only: a cross-site HTML form can post text/plain, urlencoded or multipart, never JSON.
    const type = request.headers["content-type"];
    // A bilag file travels as raw bytes: no form can send application/octet-stream, and the CSRF token below still applies.
    const rawUpload = path === ATTACHMENT_UPLOAD && type !== undefined && /^application\/octet-stream\s*(;|$)/i.test(type);
    if (type !== undefined && !rawUpload && !/^application\/json\s*(;|$)/i.test(type)) {
      return void reply.code(415).send({ error: { code: "unsupported_media_type", message: "Forespørgslen skal sendes som JSON." } });
    }
    if (CSRF_EXEMPT.some((r) => r.test(path))) return done();
    app.csrfProtection(request, reply, done);
  });
  // routes
  await registerCollabRoute(app, { config, store, collab });
  await app.register(async (scope) => authRoutes(scope, { config, store, collab, oidc, baseUrl }));
  await app.register(async (scope) => oidcRoutes(scope, { config, store, clients: oidc, baseUrl }));
  await app.register(async (scope) => accountRoutes(scope, { config, store, collab, mail, ssoOnly: ssoOnlyOrganisations(oidc.providers) }));
  await app.register(async (scope) => documentRoutes(scope, { store, collab }));
  await app.register(async (scope) => peopleRoutes(scope, { config, store, collab, mail, oidc }));
  await app.register(async (scope) => commentRoutes(scope, { store, collab, mail }));
  await app.register(async (scope) => workflowRoutes(scope, { store, collab, signingKey, mail }));
  await app.register(async (scope) => mailRoutes(scope, { store, mail }));
  await app.register(async (scope) => versionRoutes(scope, { store, collab }));
  await app.register(async (scope) => overviewRoutes(scope, { store, collab }));
  await app.register(async (scope) => attachmentRoutes(scope, { store, collab }));
  // The public half of the signing key, so anyone can check a seal's signature (docs/security.md).
  app.get("/api/signing-key", async () => ({ algorithm: "Ed25519", keyId: signingKey.keyId, publicKeyPem: signingKey.publicKeyPem }));
  app.get("/api/health", async () => ({ ok: true, rooms: collab.loadedRoomCount, connections: collab.connectionCount }));
  registerNotFoundHandler(app, config.SERVE_CLIENT && (await serveClient(app)));

  app.addHook("onClose", async () => {
    stopRecovery();
    stopSessionSweep();
    await mail.stop();
    if (!deps.store) await store.close();
  });
  return app;
}

/** Serves the built client (dist/client); false when it has not been built. */
async function serveClient(app: FastifyInstance): Promise<boolean> {
  const root = resolve(process.cwd(), "dist/client");
  if (!existsSync(join(root, "index.html"))) {
    app.log.warn("dist/client is missing: run `npm run build` to serve the web client");
    return false;
  }
  await app.register(fastifyStatic, { root, wildcard: false });
  return true;
}
