/**
 * Control messages arrive on Redis from other instances, so they are input like any other: one
 * with a role or state outside the real vocabulary is logged and dropped, and the instance keeps
 * applying the next, valid one (issue 16: `role: "admin"` used to pass the schema and make the
 * permission check throw inside the Redis handler).
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import * as Y from "yjs";
import { CloseCode } from "../../shared/protocol/messages.js";
import { ControlMessageSchema } from "../../server/collab/fanout.js";
import { startServer, type TestServer } from "../helpers/server.js";
import { connectClient, login, type TestClient } from "../helpers/clients.js";
import { appendText } from "../helpers/ydoc.js";
import { waitFor } from "../helpers/wait.js";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const PREFIX = `t${randomBytes(4).toString("hex")}`;
const DOC = "svar-nordjylland";
let server: TestServer;
let redis: Redis;
let client: TestClient;

beforeAll(async () => {
  server = await startServer({ config: { REDIS_URL, REDIS_CHANNEL_PREFIX: PREFIX } });
  redis = new Redis(REDIS_URL);
});
afterAll(async () => {
  client?.destroy();
  redis?.disconnect();
  await server?.close();
});

describe("control messages from Redis", () => {
  it("refuses roles and states outside the vocabulary in the schema", () => {
    const role = { type: "role", documentId: DOC, userId: "u", role: "admin" };
    const state = { type: "workflow", documentId: DOC, state: "hacked" };
    expect(ControlMessageSchema.safeParse(role).success).toBe(false);
    expect(ControlMessageSchema.safeParse(state).success).toBe(false);
    expect(ControlMessageSchema.safeParse({ ...role, role: "laeser" }).success).toBe(true);
  });

  it("drops an invalid one and still applies the next valid one", async () => {
    const session = await login(server, "redaktoer.aalborg@regionssvar.dk");
    client = connectClient(server, session, DOC);
    await waitFor(() => client.provider.synced);
    const publish = (message: unknown) => redis.publish(`${PREFIX}:control`, JSON.stringify(message));
    await publish({ type: "role", documentId: DOC, userId: session.userId, role: "admin" });
    await publish({ type: "workflow", documentId: DOC, state: "hacked" });
    await publish({ type: "role", documentId: DOC, userId: session.userId, role: "laeser" });
    // Now a reader: the next edit is refused, which shows the valid message was applied after the bad ones.
    await waitFor(async () => {
      appendText(client.doc, "indledning.tekst", "x");
      return client.closeCodes.includes(CloseCode.FORBIDDEN);
    });
    expect(Y.encodeStateVector(client.doc).length).toBeGreaterThan(0);
  });
});
