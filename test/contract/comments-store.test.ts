/** The storage contract for comment threads, messages and read marks, on every backend. */
import { beforeEach, expect, it } from "vitest";
import type { CommentMessageRow, Store, ThreadRow } from "../../server/storage/types.js";
import { at, describeContract } from "../helpers/contract.js";

const thread = (id: string, documentId: string, minute: number): ThreadRow => ({
  id,
  documentId,
  blockId: "1.1",
  quote: "citat",
  status: "open",
  createdBy: "u1",
  createdAt: at(minute),
  resolvedBy: null,
  resolvedAt: null,
});
const message = (id: string, threadId: string, minute: number, body = "tekst"): CommentMessageRow => ({
  id,
  threadId,
  authorId: "u1",
  body,
  mentions: ["org-1"],
  createdAt: at(minute),
  editedAt: null,
  deletedAt: null,
});

describeContract("comments contract", (seeded) => {
  let store: Store;
  beforeEach(() => {
    store = seeded();
  });

  it("keeps threads per document, in creation order, with their first message", async () => {
    await store.insertThread(thread("t2", "d1", 2), message("m2", "t2", 2));
    await store.insertThread(thread("t1", "d1", 1), message("m1", "t1", 1));
    await store.insertThread(thread("t3", "d2", 3), message("m3", "t3", 3));
    expect((await store.listThreads("d1")).map((t) => t.id)).toEqual(["t1", "t2"]);
    expect(await store.getThread("t3")).toEqual(thread("t3", "d2", 3));
    expect(await store.getThread("nope")).toBeUndefined();
    expect((await store.listMessages("d1")).map((m) => m.id)).toEqual(["m1", "m2"]);
  });

  it("resolves and reopens a thread", async () => {
    await store.setThreadStatus("t1", "resolved", "u1", at(5));
    expect(await store.getThread("t1")).toMatchObject({ status: "resolved", resolvedBy: "u1", resolvedAt: at(5) });
    await store.setThreadStatus("t1", "open", null, null);
    expect(await store.getThread("t1")).toMatchObject({ status: "open", resolvedBy: null, resolvedAt: null });
  });

  it("adds, edits and deletes messages; a deleted message keeps its place but not its text", async () => {
    await store.insertMessage(message("m4", "t1", 6, "svar"));
    await store.editMessage("m4", "rettet svar", ["u1"], at(7));
    expect(await store.getMessage("m4")).toMatchObject({ body: "rettet svar", mentions: ["u1"], editedAt: at(7) });
    await store.deleteMessage("m4", at(8));
    expect(await store.getMessage("m4")).toMatchObject({ body: "", deletedAt: at(8) });
    expect((await store.listMessages("d1")).map((m) => m.id)).toEqual(["m1", "m2", "m4"]);
    expect(await store.getMessage("nope")).toBeUndefined();
  });

  it("keeps one read mark per person and thread, the latest", async () => {
    await store.markThreadRead("t1", "u1", at(9));
    await store.markThreadRead("t1", "u1", at(10));
    await store.markThreadRead("t3", "u1", at(11));
    expect(await store.listThreadReads("d1", "u1")).toEqual(new Map([["t1", at(10)]]));
    expect(await store.listThreadReads("d1", "someone-else")).toEqual(new Map());
  });
});
