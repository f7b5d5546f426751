/** The storage contract for bilag files (issue 18), on every backend. */
import { beforeEach, expect, it } from "vitest";
import type { AttachmentRow, Store } from "../../server/storage/types.js";
import { at, describeContract } from "../helpers/contract.js";

const file = (id: string, minute: number, bytes: number[]): AttachmentRow => ({
  id,
  documentId: "d2",
  filename: `${id}.pdf`,
  kind: "pdf",
  size: bytes.length,
  sha256: "ab".repeat(32),
  data: new Uint8Array(bytes),
  uploadedBy: "u1",
  uploadedAt: at(minute),
});

describeContract("attachments contract", (seeded) => {
  let store: Store;
  beforeEach(() => {
    store = seeded();
  });

  it("stores files with their bytes, lists them oldest first without the bytes, and marks one removed once", async () => {
    const [a, b] = ["6f1c2d3e-0000-4000-8000-000000000001", "6f1c2d3e-0000-4000-8000-000000000002"];
    await store.insertAttachment(file(b, 2, [3, 4]));
    await store.insertAttachment(file(a, 1, [0, 255, 1]));
    expect((await store.listAttachments("d2")).map((x) => [x.id, x.size, "data" in x])).toEqual([
      [a, 3, false],
      [b, 2, false],
    ]);
    expect(await store.getAttachment(a)).toEqual({ ...file(a, 1, [0, 255, 1]), removedAt: null });
    expect(await store.removeAttachment(a, at(5))).toBe(true);
    expect(await store.removeAttachment(a, at(6))).toBe(false);
    expect((await store.listAttachments("d2")).map((x) => x.id)).toEqual([b]);
    // A sealed reply may name a file removed later: it is still there.
    expect((await store.getAttachment(a))?.removedAt).toBe(at(5));
    expect(await store.getAttachment("6f1c2d3e-0000-4000-8000-00000000ffff")).toBeUndefined();
  });
});
