/**
 * Memory of a server child process after a full garbage collection, through the V8 inspector:
 * start the child with `NODE_OPTIONS=--inspect=127.0.0.1:0` (INSPECT_ENV), then `attach`. RSS
 * read at an arbitrary moment includes garbage V8 has not collected yet (the old generation grows
 * well past what is live before a mark-compact); after `HeapProfiler.collectGarbage` it is what
 * the process really holds.
 */
import WebSocket from "ws";
import type { ChildServer } from "../../helpers/server.js";
import { waitFor } from "../../helpers/wait.js";

export const INSPECT_ENV = { NODE_OPTIONS: "--inspect=127.0.0.1:0" };

export interface MemoryAfterGc {
  rss: number;
  heapUsed: number;
  external: number;
}

export interface Inspector {
  /** Full GC, then process.memoryUsage() of the child. */
  memoryAfterGc(): Promise<MemoryAfterGc>;
  /** Evaluates an expression in the child and returns its (JSON) value. */
  evaluate<T>(expression: string): Promise<T>;
  close(): void;
}

export async function attachInspector(child: ChildServer): Promise<Inspector> {
  const url = await waitFor(() => /Debugger listening on (ws:\/\/\S+)/.exec(child.output())?.[1], { message: "inspector url in the child's output" });
  const ws = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  let nextId = 1;
  const pending = new Map<number, (result: any) => void>();
  ws.on("message", (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.error ? { error: message.error } : message.result);
  });
  const call = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<any>((resolve) => {
      const id = nextId++;
      pending.set(id, (r) => {
        pending.delete(id);
        resolve(r);
      });
      ws.send(JSON.stringify({ id, method, params }));
    });
  const evaluate = async <T>(expression: string): Promise<T> => {
    const r = await call("Runtime.evaluate", { expression: `JSON.stringify(${expression})`, returnByValue: true });
    if (r.error || r.exceptionDetails) throw new Error(`evaluate ${expression}: ${JSON.stringify(r.error ?? r.exceptionDetails)}`);
    return JSON.parse(r.result.value as string) as T;
  };
  return {
    async memoryAfterGc() {
      await call("HeapProfiler.collectGarbage");
      await call("HeapProfiler.collectGarbage");
      return evaluate<MemoryAfterGc>("process.memoryUsage()");
    },
    evaluate,
    close: () => ws.close(),
  };
}
