/**
 * The seal is signed (issue 15, item 8): its statement (content and seal hashes, the SHA-256 of
 * the stored PDF and DOCX, the time) is signed with the server's Ed25519 key, which lives in a
 * file outside the database; the public key is published; `/final` checks the signature and the
 * stored files. A forgery that recomputes the hashes, or a swapped file, shows.
 */
import { createPublicKey, verify } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../helpers/server.js";
import { login } from "../helpers/clients.js";
import { callApi } from "../helpers/api.js";
import { approveAll, fillReply, requestApproval, submitReply } from "../helpers/replyStates.js";
import { canonicalJson } from "../../shared/content/canonical.js";
import type { Store } from "../../server/storage/types.js";

const REGION = "nordjylland";
const DOC = `svar-${REGION}`;
let server: TestServer;
afterEach(async () => server?.close());

async function sealed(wrapStore?: (store: Store) => Store): Promise<void> {
  server = await startServer(wrapStore ? { wrapStore } : {});
  await fillReply(server, REGION);
  await approveAll(server, REGION, await requestApproval(server, REGION));
  await submitReply(server, REGION);
}

describe("the seal's signature", () => {
  it("verifies with the published key, and so do the stored PDF and DOCX", async () => {
    await sealed();
    const coordinator = await login(server, `koordinator.${REGION}@regionssvar.dk`);
    const final = await callApi(server, coordinator, "GET", `/api/documents/${DOC}/final`);
    expect(final.body.verification).toEqual({
      indholdsHash: true,
      bilag: true,
      forseglingsHash: true,
      signature: true,
      matchesSeal: true,
      pdf: true,
      docx: true,
    });
    const key = (await callApi(server, null, "GET", "/api/signing-key")).body as { keyId: string; publicKeyPem: string; algorithm: string };
    expect(key.algorithm).toBe("Ed25519");
    expect(final.body.signatureKeyId).toBe(key.keyId);
    // Anyone can check it with the public key alone.
    const stored = (await server.store.getSealSignature(DOC))!;
    expect(verify(null, Buffer.from(stored.statementJson), createPublicKey(key.publicKeyPem), Buffer.from(stored.signature, "base64"))).toBe(true);
    expect(JSON.parse(stored.statementJson).forseglingsHash).toBe(final.body.forseglingsHash);
    expect(stored.statementJson).toBe(canonicalJson(JSON.parse(stored.statementJson)));
  });

  it("shows a swapped PDF and a forged statement", async () => {
    let forge = false;
    await sealed(
      (store) =>
        new Proxy(store, {
          get(target, prop, receiver) {
            const value = Reflect.get(target, prop, receiver) as unknown;
            if (!forge || typeof value !== "function") return value;
            if (prop === "getSeal") {
              return async (id: string) => {
                const seal = await target.getSeal(id);
                return seal && { ...seal, pdf: new Uint8Array([...seal.pdf.slice(0, -1), 0]) };
              };
            }
            if (prop === "getSealSignature") {
              return async (id: string) => {
                const row = await target.getSealSignature(id);
                return row && { ...row, statementJson: row.statementJson.replace(/"sealedAt":"[^"]+"/, '"sealedAt":"2025-01-01T00:00:00.000Z"') };
              };
            }
            return (value as (...args: unknown[]) => unknown).bind(target);
          },
        }),
    );
    forge = true;
    const coordinator = await login(server, `koordinator.${REGION}@regionssvar.dk`);
    const final = await callApi(server, coordinator, "GET", `/api/documents/${DOC}/final`);
    expect(final.body.verification).toMatchObject({ signature: false, pdf: false, docx: true });
  });

  it("refuses to serve a stored record that does not parse (500), instead of passing it on", async () => {
    let damage = false;
    await sealed(
      (store) =>
        new Proxy(store, {
          get(target, prop, receiver) {
            const value = Reflect.get(target, prop, receiver) as unknown;
            if (damage && prop === "getSeal") {
              return async (id: string) => {
                const seal = await target.getSeal(id);
                return seal && { ...seal, recordJson: JSON.stringify({ ...JSON.parse(seal.recordJson), approvals: "alle" }) };
              };
            }
            return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
          },
        }),
    );
    damage = true;
    const coordinator = await login(server, `koordinator.${REGION}@regionssvar.dk`);
    const final = await callApi(server, coordinator, "GET", `/api/documents/${DOC}/final`);
    expect(final.status).toBe(500);
    expect(final.body.record).toBeUndefined();
  });
});
