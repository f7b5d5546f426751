/** The editor's save state ("Gemmer…", "Alle ændringer er gemt", offline) from socket events. */
import { describe, expect, it } from "vitest";
import * as encoding from "lib0/encoding";
import {
  INITIAL_COUNTERS,
  INITIAL_SNAPSHOT,
  computeSaveView,
  frameSent,
  localChange,
  pendingChanges,
  savedAck,
  socketClosed,
  socketOpened,
} from "../../client/features/collab/saveState.js";
import { classifyOutgoingFrame } from "../../shared/protocol/frames.js";
import { CloseCode, MESSAGE_AWARENESS, MESSAGE_SYNC, SYNC_STEP_1, SYNC_STEP_2, SYNC_UPDATE } from "../../shared/protocol/messages.js";

function frame(type: number, sub: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  encoding.writeVarUint(e, sub);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

describe("frame classification", () => {
  it("counts sync step 2 and update frames, tells empty ones, ignores the rest", () => {
    expect(classifyOutgoingFrame(frame(MESSAGE_SYNC, SYNC_UPDATE, new Uint8Array([1, 2, 3])))).toEqual({ kind: "update", empty: false });
    expect(classifyOutgoingFrame(frame(MESSAGE_SYNC, SYNC_STEP_2, new Uint8Array([0, 0])))).toEqual({ kind: "step2", empty: true });
    expect(classifyOutgoingFrame(frame(MESSAGE_SYNC, SYNC_STEP_1, new Uint8Array([0])))).toBeNull();
    expect(classifyOutgoingFrame(frame(MESSAGE_AWARENESS, 1, new Uint8Array([0])))).toBeNull();
    expect(classifyOutgoingFrame("text")).toBeNull();
    expect(classifyOutgoingFrame(new Uint8Array([]))).toBeNull();
  });
});

describe("save state", () => {
  const connected = { ...INITIAL_SNAPSHOT, status: "connected" as const, synced: true, everSynced: true };

  it("is saving until the server acknowledges every change, then saved", () => {
    let c = socketOpened(INITIAL_COUNTERS);
    c = frameSent(c, { index: 1, kind: "step2", empty: true });
    expect(computeSaveView({ ...connected, counters: c })).toEqual({ kind: "saved" });
    c = frameSent(c, { index: 2, kind: "update", empty: false });
    c = frameSent(c, { index: 3, kind: "update", empty: false });
    expect(computeSaveView({ ...connected, counters: c })).toEqual({ kind: "saving", pending: 2 });
    c = savedAck(c, 2);
    expect(pendingChanges(c)).toBe(1);
    c = savedAck(c, 3);
    expect(computeSaveView({ ...connected, counters: c })).toEqual({ kind: "saved" });
  });

  it("keeps offline changes waiting and counts them saved only after the next socket's step 2 is acknowledged", () => {
    let c = frameSent(socketOpened(INITIAL_COUNTERS), { index: 1, kind: "update", empty: false });
    c = socketClosed(c); // the unacknowledged change waits
    c = localChange(c, false);
    c = localChange(c, false);
    expect(computeSaveView({ ...connected, status: "disconnected", counters: c })).toEqual({ kind: "offline", waiting: 3 });
    c = socketOpened(c);
    c = frameSent(c, { index: 1, kind: "step2", empty: false });
    expect(pendingChanges(c)).toBe(3);
    c = savedAck(c, 1);
    expect(pendingChanges(c)).toBe(0);
  });

  it("drops waiting changes the server already had (empty step 2)", () => {
    let c = socketClosed(frameSent(socketOpened(INITIAL_COUNTERS), { index: 1, kind: "update", empty: false }));
    c = frameSent(socketOpened(c), { index: 1, kind: "step2", empty: true });
    expect(pendingChanges(c)).toBe(0);
  });

  it("never counts an acknowledgement beyond what was sent", () => {
    const c = savedAck(frameSent(socketOpened(INITIAL_COUNTERS), { index: 1, kind: "update", empty: false }), 99);
    expect(c.saved).toBe(1);
  });

  it("reports terminal close codes as errors with the changes still pending", () => {
    const c = frameSent(socketOpened(INITIAL_COUNTERS), { index: 1, kind: "update", empty: false });
    expect(computeSaveView({ ...connected, counters: c, terminalCode: CloseCode.DOCUMENT_FROZEN })).toEqual({
      kind: "error",
      code: CloseCode.DOCUMENT_FROZEN,
      pending: 1,
    });
  });
});
