/**
 * Battery items 12 and 13, against a server child process (its crash would be an exit; its
 * memory is read from /proc):
 *
 * 12  oversize frames and header floods on the upgrade request (ws advisory CVE-2024-37890:
 *     more headers than server.maxHeadersCount crashed ws < 8.17.1): refused with 1009 or a 4xx,
 *     crashes 0.
 * 13  an unauthenticated flood: 10,000 upgrade attempts over 1,000 document names (the real
 *     replies among them), without a session, with forged session cookies and with foreign
 *     origins. Refused before any document is loaded (the loaded rooms, sampled every 50 ms, stay
 *     0), RSS growth ≤ 50 MB.
 */
import { request } from "node:http";
import { connect } from "node:net";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startChildServer, tempDataDir, waitForExit, type ChildServer } from "../helpers/server.js";
import { login, type Session } from "../helpers/clients.js";
import { waitFor, sleep } from "../helpers/wait.js";
import { MB, rssOf } from "./support/proc.js";
import { attachInspector, INSPECT_ENV, type Inspector } from "./support/inspector.js";

const DOC = "svar-nordjylland";
const FLOOD_ATTEMPTS = 10_000;
const FLOOD_NAMES = 1_000;
const FLOOD_CONCURRENCY = 50;
const RSS_BAR_MB = 50;
/** How often the loaded rooms are sampled during the flood (a load stays visible for 5 s). */
const SAMPLE_EVERY_MS = 50;
const REAL_DOCS = ["svar-nordjylland", "svar-hovedstaden", "svar-sjaelland", "svar-syddanmark", "svar-midtjylland"];

let server: ChildServer;
let session: Session;
let inspector: Inspector;
const data = tempDataDir();
beforeAll(async () => {
  // production log level; WS_MAX_FRAME_BYTES small, so the oversize frame is cheap to send
  server = await startChildServer(data.dir, { LOG_LEVEL: "info", WS_MAX_FRAME_BYTES: String(64 * 1024), ...INSPECT_ENV });
  inspector = await attachInspector(server);
  session = await login(server, "redaktoer.aalborg@regionssvar.dk");
}, 60_000);
afterAll(async () => {
  inspector?.close();
  server.process.kill("SIGKILL");
  await waitForExit(server.process);
  data.remove();
});

async function healthy(): Promise<boolean> {
  const res = await fetch(`${server.baseUrl}/api/health`);
  return res.status === 200 && server.process.exitCode === null;
}

/** Sends raw bytes, resolves with the first response line (or "closed"). */
function rawRequest(bytes: Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(server.port, "127.0.0.1");
    let out = "";
    socket.on("data", (c: Buffer) => {
      out += c.toString("latin1");
      if (out.includes("\r\n")) {
        resolve(out.split("\r\n")[0]!);
        socket.destroy();
      }
    });
    socket.on("error", () => resolve(out ? out.split("\r\n")[0]! : "closed"));
    socket.on("close", () => resolve(out ? out.split("\r\n")[0]! : "closed"));
    socket.write(bytes);
  });
}

function upgradeHead(path: string, extra: string[], before: string[] = []): Buffer {
  const lines = [
    `GET ${path} HTTP/1.1`,
    `Host: 127.0.0.1:${server.port}`,
    ...before,
    "Upgrade: websocket",
    "Connection: Upgrade",
    `Sec-WebSocket-Key: ${randomBytes(16).toString("base64")}`,
    "Sec-WebSocket-Version: 13",
    `Origin: ${server.origin}`,
    `Cookie: ${session.cookie}`,
    ...extra,
  ];
  return Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1");
}

function closeCodeOf(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once("close", (code) => resolve(code)));
}

describe("hostile upgrades and frames", () => {
  it("refuses oversize frames and header floods without crashing (item 12)", async () => {
    const results: string[] = [];
    // more headers than maxHeadersCount (2000), placed before the websocket headers so they are the ones dropped
    const flood = Array.from({ length: 3000 }, (_, i) => `X-F${i}: a`);
    results.push(await rawRequest(upgradeHead(`/collab/${DOC}`, [], flood)));
    // the same after the websocket headers
    results.push(await rawRequest(upgradeHead(`/collab/${DOC}`, flood)));
    // one header above the 16 KB header limit
    results.push(await rawRequest(upgradeHead(`/collab/${DOC}`, [`X-Big: ${"b".repeat(20_000)}`])));
    // 64 KB of headers in 8,000 small ones
    results.push(
      await rawRequest(
        upgradeHead(
          `/collab/${DOC}`,
          Array.from({ length: 8000 }, (_, i) => `X-${i}: ${"c".repeat(4)}`),
        ),
      ),
    );
    for (const line of results) expect(line, "a header flood is refused with a 4xx or the connection is closed").toMatch(/^(HTTP\/1\.1 4\d\d|closed$)/);
    expect(await healthy()).toBe(true);

    // frames: one just over the limit, and a header claiming 2^53 bytes
    const open = () =>
      new Promise<WebSocket>((resolve, reject) => {
        const ws = new WebSocket(`${server.wsUrl}/collab/${DOC}`, { headers: { origin: server.origin, cookie: session.cookie } });
        ws.once("open", () => resolve(ws));
        ws.once("error", reject);
      });
    const a = await open();
    const aClosed = closeCodeOf(a);
    a.send(Buffer.alloc(64 * 1024 + 1));
    const b = await open();
    const bClosed = closeCodeOf(b);
    // a raw frame header: FIN + binary, masked, 127 → 64-bit length 2^53
    const header = Buffer.alloc(14);
    header[0] = 0x82;
    header[1] = 0x80 | 127;
    header.writeBigUInt64BE(2n ** 53n, 2);
    (b as unknown as { _socket: import("node:net").Socket })._socket.write(header);
    const codes = [await aClosed, await bClosed];
    console.log(`hostile upgrades: header floods answered ${JSON.stringify(results)}; oversize frames closed with ${codes.join(", ")}; server alive`);
    expect(codes).toEqual([1009, 1009]);
    expect(await healthy()).toBe(true);
  });

  it(`refuses ${FLOOD_ATTEMPTS} unauthenticated upgrades before loading any document (item 13)`, async () => {
    await waitFor(async () => ((await (await fetch(`${server.baseUrl}/api/health`)).json()) as { rooms: number }).rooms === 0, {
      message: "the first test's room unloaded",
    });
    // A loaded room stays loaded for ROOM_UNLOAD_DELAY_MS (5 s) after its last client: sampling
    // the loaded rooms every 50 ms during the flood would see any load.
    let roomsLoaded = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const { rooms } = (await (await fetch(`${server.baseUrl}/api/health`)).json()) as { rooms: number };
        roomsLoaded = Math.max(roomsLoaded, rooms);
        await sleep(SAMPLE_EVERY_MS);
      }
    })();
    const variants = ["none", "forged", "foreign-origin", "garbage-cookie"] as const;
    const attempt = (i: number) =>
      new Promise<number>((resolve) => {
        const variant = variants[i % variants.length]!;
        const name = i % 10 === 0 ? REAL_DOCS[(i / 10) % REAL_DOCS.length]! : `dokument-${i % FLOOD_NAMES}`;
        const headers: Record<string, string> = {
          Connection: "Upgrade",
          Upgrade: "websocket",
          "Sec-WebSocket-Key": randomBytes(16).toString("base64"),
          "Sec-WebSocket-Version": "13",
          Origin: variant === "foreign-origin" ? "https://angriber.example" : server.origin,
        };
        if (variant === "forged") headers.Cookie = `rs_session=${randomBytes(32).toString("base64url")}`;
        if (variant === "garbage-cookie") headers.Cookie = `rs_session=${"%".repeat(200)}; x=${"y".repeat(500)}`;
        if (variant === "foreign-origin") headers.Cookie = session.cookie;
        const req = request({ host: "127.0.0.1", port: server.port, path: `/collab/${name}?ack=1`, headers, agent: false });
        req.on("response", (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on("upgrade", (_res, socket) => {
          socket.destroy();
          resolve(101);
        });
        req.on("error", () => resolve(-1));
        req.end();
      });
    const statuses = new Map<number, number>();
    const flood = async (attempts: number) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: FLOOD_CONCURRENCY }, async () => {
          while (next < attempts) {
            const status = await attempt(next++);
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
          }
        }),
      );
    };
    // RSS after a full GC (what the process holds); the peak RSS during the flood is printed too
    const before = await inspector.memoryAfterGc();
    let peakRss = 0;
    const peak = setInterval(() => (peakRss = Math.max(peakRss, rssOf(server.process.pid!))), 100);
    await flood(FLOOD_ATTEMPTS);
    clearInterval(peak);
    sampling = false;
    await sampler;
    const after = await inspector.memoryAfterGc();
    const growthMb = (after.rss - before.rss) / MB;
    const health = (await (await fetch(`${server.baseUrl}/api/health`)).json()) as { rooms: number };
    await waitFor(() => healthy());
    console.log(
      `unauthenticated flood: ${FLOOD_ATTEMPTS} upgrade attempts over ${FLOOD_NAMES} names, answers ${JSON.stringify(Object.fromEntries(statuses))}, ` +
        `most rooms loaded at any sample ${roomsLoaded} (now ${health.rooms}), RSS after GC ${(before.rss / MB).toFixed(0)} → ${(after.rss / MB).toFixed(0)} MB ` +
        `(growth ${growthMb.toFixed(1)} MB, bar ${RSS_BAR_MB}; heap used ${(before.heapUsed / MB).toFixed(0)} → ${(after.heapUsed / MB).toFixed(0)} MB; peak RSS during the flood ${(peakRss / MB).toFixed(0)} MB)`,
    );
    expect(statuses.get(101) ?? 0, "upgrades accepted").toBe(0);
    expect(
      [...statuses.keys()].every((s) => s >= 400 && s < 500),
      "every attempt refused with a 4xx",
    ).toBe(true);
    expect(roomsLoaded).toBe(0);
    expect(health.rooms).toBe(0);
    expect(growthMb).toBeLessThanOrEqual(RSS_BAR_MB);
  }, 180_000);
});
