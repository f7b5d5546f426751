/**
 * The storage contract for the workflow's rows outside the approval itself: document states,
 * the document list, seal signatures and the changes refused after the freeze, on every backend.
 */
import { beforeEach, expect, it } from "vitest";
import type { Store } from "../../server/storage/types.js";
import { at, describeContract } from "../helpers/contract.js";

describeContract("workflow contract", (seeded) => {
  let store: Store;
  beforeEach(() => {
    store = seeded();
  });

  it("lists documents by title and sets a document's state", async () => {
    expect((await store.listDocuments()).map((d) => d.id)).toEqual(["d1", "d2", "d3"]);
    await store.setDocumentState("d2", "til_godkendelse", at(1));
    expect(await store.getDocument("d2")).toMatchObject({ state: "til_godkendelse", updatedAt: at(1) });
  });

  it("stores a seal's signature once; a second one is ignored", async () => {
    await store.putSealSignature({ documentId: "d1", statementJson: '{"a":1}', signature: "c2ln", keyId: "k1" });
    await store.putSealSignature({ documentId: "d1", statementJson: '{"a":2}', signature: "b3RoZXI=", keyId: "k2" });
    expect(await store.getSealSignature("d1")).toEqual({ documentId: "d1", statementJson: '{"a":1}', signature: "c2ln", keyId: "k1" });
    expect(await store.getSealSignature("d2")).toBeUndefined();
  });

  it("keeps refused changes per person, in order, and counts them with their bytes", async () => {
    const row = (id: string, userId: string, minute: number, size: number) => ({
      id,
      documentId: "d3",
      userId,
      createdAt: at(minute),
      reason: "frozen" as const,
      data: new Uint8Array(size).fill(7),
    });
    await store.insertUser({ id: "u2", email: "anden@example.dk", name: "Anden", organisationId: "org-1", passwordHash: "h", createdAt: at(0) });
    await store.insertRejectedUpdate(row("r2", "u1", 2, 10));
    await store.insertRejectedUpdate(row("r1", "u1", 1, 5));
    await store.insertRejectedUpdate(row("r3", "u2", 3, 20));
    const mine = await store.listRejectedUpdates("d3", "u1");
    expect(mine.map((r) => r.id)).toEqual(["r1", "r2"]);
    expect(mine[1]!.data).toEqual(new Uint8Array(10).fill(7));
    expect(await store.rejectedUsage("d3", "u1")).toEqual({ count: 2, bytes: 15 });
    expect(await store.rejectedUsage("d3", null)).toEqual({ count: 3, bytes: 35 });
    expect(await store.rejectedUsage("d1", null)).toEqual({ count: 0, bytes: 0 });
  });
});
