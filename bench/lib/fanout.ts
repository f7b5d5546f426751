/**
 * Fan-out scenario: N real Yjs clients in one room; one client edits in a closed loop (the next
 * edit starts when every other client has applied the previous one). Measures the latency from
 * the edit until the last peer applied it, and the server's CPU time per edit.
 */
import * as Y from "yjs";
import { connectClient, login, type Endpoint, type TestClient } from "../../test/helpers/clients.js";
import { appendText } from "../../test/helpers/ydoc.js";
import { waitFor } from "../../test/helpers/wait.js";
import { cpuMs, percentile, rssBytes } from "./proc.js";

export interface FanoutResult {
  clients: number;
  edits: number;
  latencyMs: { p50: number; p99: number; max: number };
  serverCpuMsPerEdit: number;
  serverRssMb: number;
}

export async function runFanout(server: Endpoint & { pid: number }, documentId: string, clients: number, edits: number, email: string, password: string): Promise<FanoutResult> {
  const session = await login(server, email, password);
  const peers: TestClient[] = Array.from({ length: clients }, () => connectClient(server, session, documentId));
  try {
    await waitFor(() => peers.every((p) => p.provider.synced), { timeoutMs: 60_000 });
    const [writer, ...readers] = peers as [TestClient, ...TestClient[]];
    let applied = 0;
    for (const r of readers) {
      r.doc.on("update", (_u: Uint8Array, origin: unknown) => {
        if (origin === r.provider) applied++;
      });
    }
    // warm-up, then measure
    const latencies: number[] = [];
    const cpuBefore = { value: 0 };
    for (let i = -10; i < edits; i++) {
      if (i === 0) cpuBefore.value = cpuMs(server.pid);
      applied = 0;
      const started = performance.now();
      appendText(writer.doc, "i1.indsats.tekst", `x${i} `);
      await waitFor(() => applied >= readers.length, { intervalMs: 0, timeoutMs: 30_000 });
      if (i >= 0) latencies.push(performance.now() - started);
    }
    const cpu = cpuMs(server.pid) - cpuBefore.value;
    latencies.sort((a, b) => a - b);
    return {
      clients,
      edits,
      latencyMs: { p50: round(percentile(latencies, 50)), p99: round(percentile(latencies, 99)), max: round(latencies[latencies.length - 1]!) },
      serverCpuMsPerEdit: round(cpu / edits, 3),
      serverRssMb: round(rssBytes(server.pid) / 1024 / 1024, 1),
    };
  } finally {
    for (const p of peers) p.destroy();
  }
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
export type { Y };
