/**
 * A storage failure while approving or sealing is a failure (500, logged), not "already approved"
 * or "already submitted" (issue 16): only the unique key's violation means someone was first.
 * Nothing is half-done: once storage works again, the same action succeeds.
 */
import { afterEach, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../helpers/server.js";
import { approveAll, replyAwaitingApproval, submitReply } from "../helpers/replyStates.js";
import type { Store, Transition } from "../../server/storage/types.js";

const REGION = "nordjylland";

let server: TestServer;
afterEach(async () => server?.close());

/** A store whose workflow step with an approval, or with a seal, fails with a disk error while `failing.on` is set. */
function failingStore(part: "approval" | "seal", failing: { on: boolean }) {
  return (store: Store): Store =>
    new Proxy(store, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value !== "function") return value;
        if (prop === "commitTransition") {
          return async (t: Transition) => {
            if (failing.on && t[part] !== undefined) throw Object.assign(new Error("disk I/O error"), { code: "SQLITE_IOERR" });
            return target.commitTransition(t);
          };
        }
        return (value as (...args: unknown[]) => unknown).bind(target);
      },
    });
}

describe("storage errors in the approval workflow", () => {
  it("answers a failed approval with 500 and records nothing", async () => {
    const failing = { on: false };
    server = await startServer({ wrapStore: failingStore("approval", failing) });
    const hash = await replyAwaitingApproval(server, REGION);
    failing.on = true;
    await expect(approveAll(server, REGION, hash)).rejects.toThrow(/: 500 /);
    expect(await server.store.listApprovals(`svar-${REGION}`)).toEqual([]);
    expect((await server.store.getDocument(`svar-${REGION}`))?.state).toBe("til_godkendelse");
  });

  it("answers a failed seal with 500, and the reply can be submitted once storage works", async () => {
    const failing = { on: false };
    server = await startServer({ wrapStore: failingStore("seal", failing) });
    const hash = await replyAwaitingApproval(server, REGION);
    await approveAll(server, REGION, hash);
    failing.on = true;
    await expect(submitReply(server, REGION)).rejects.toThrow(/submit: 500 /);
    expect((await server.store.getDocument(`svar-${REGION}`))?.state).toBe("godkendt");
    failing.on = false;
    await submitReply(server, REGION);
    expect((await server.store.getDocument(`svar-${REGION}`))?.state).toBe("indsendt");
  });
});
