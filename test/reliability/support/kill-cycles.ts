/**
 * kill -9 cycles (battery items 1 and 2): a server child process, 10–20 typists that stay
 * connected across restarts (their providers reconnect by themselves to the same port), and a
 * coordinator moving a second reply in and out of "til godkendelse". Each cycle kills the
 * server at a random moment, at the start of a snapshot compaction, or in the middle of a
 * workflow transition; then, with no server running, it checks storage directly (SQLite
 * integrity, every acknowledged token present, workflow records consistent), restarts the
 * server and waits until every client has everything every client typed.
 */
import { expect } from "vitest";
import { startChildServer, waitForExit, type ChildServer } from "../../helpers/server.js";
import { login, type Session } from "../../helpers/clients.js";
import { callApi } from "../../helpers/api.js";
import { seededRandom } from "../../helpers/random.js";
import { waitFor, sleep } from "../../helpers/wait.js";
import { writeReplyContent } from "../../../shared/content/write.js";
import { completeReplyContentAsOf } from "../../helpers/completeReply.js";
import { connectClient } from "../../helpers/clients.js";
import { compareTokens, connectTypist, tokensOf, type Typist } from "./typist.js";
import { sqliteIntegrity, storedDoc, withStore, workflowProblems, type Backend } from "./stored.js";
import { fieldText } from "../../helpers/ydoc.js";

export const TYPED_DOC = "svar-nordjylland";
export const TYPED_FIELD = "i1.indsats.tekst";
export const WORKFLOW_DOC = "svar-hovedstaden";
const EDITORS = [
  "redaktoer.aalborg@regionssvar.dk",
  "redaktoer.hjoerring@regionssvar.dk",
  "redaktoer.thisted@regionssvar.dk",
  "koordinator.nordjylland@regionssvar.dk",
];
const WORKFLOW_EDITOR = "redaktoer.koebenhavn@regionssvar.dk";
const WORKFLOW_COORDINATOR = "koordinator.hovedstaden@regionssvar.dk";
/** Injected typing pace: one token per typist per tick, well under the per-connection message limit. */
const TICK_MS = 20;
/** Injected: when a random kill comes, in ms after typing started (min, spread). */
const RANDOM_KILL_MS = [200, 1300] as const;
/** Injected: typing before a workflow transition starts, and the window after sending it in which the kill comes. */
const BEFORE_TRANSITION_MS = [100, 400] as const;
const TRANSITION_KILL_WINDOW_MS = 60;
/** Injected: typing before PostgreSQL crashes, and after it is back before the server is killed. */
const BEFORE_DATABASE_CRASH_MS = [200, 300] as const;
const AFTER_DATABASE_RESTART_MS = [200, 500] as const;
const between = (random: () => number, [min, spread]: readonly [number, number]) => min + random() * spread;

export type KillKind = "random" | "compaction" | "workflow" | "database-restart";

export interface KillCycleOptions {
  backend: Backend;
  /** Extra environment of the server (DATABASE_URL, …). */
  env?: Record<string, string>;
  cycles: number;
  clients: number;
  seed: number;
  /** The kinds of kill, used in turn (cycle i uses kinds[i % kinds.length]). */
  kinds: KillKind[];
  /** Crashes and restarts the database while the server runs (PostgreSQL). */
  restartDatabase?: () => Promise<void>;
  /** How long to wait for everyone to converge after a restart. */
  convergeTimeoutMs: number;
}

export interface KillCycleFigures {
  cycles: number;
  kills: Record<KillKind, number>;
  /** Kills that hit a compaction whose transaction had not committed yet. */
  compactionsInterrupted: number;
  /** Workflow states found after kills during a transition. */
  workflowOutcomes: Record<string, number>;
  acknowledged: number;
  typed: number;
  lost: number;
  integrityOk: number;
  databaseRestarts: number;
}

export async function runKillCycles(options: KillCycleOptions): Promise<KillCycleFigures> {
  const random = seededRandom(options.seed);
  const env: Record<string, string> = {
    // a compaction every few hundred updates, big enough to take a while: kills can land inside
    COMPACT_AFTER_UPDATES: "400",
    LOG_LEVEL: "debug",
    ...options.env,
  };
  const figures: KillCycleFigures = {
    cycles: 0,
    kills: { random: 0, compaction: 0, workflow: 0, "database-restart": 0 },
    compactionsInterrupted: 0,
    workflowOutcomes: {},
    acknowledged: 0,
    typed: 0,
    lost: 0,
    integrityOk: 0,
    databaseRestarts: 0,
  };
  let server: ChildServer = await startChildServer(options.backend.dataDir, env);
  const port = String(server.port);
  const typists: Typist[] = [];
  try {
    const sessions = await Promise.all(EDITORS.map((e) => login(server, e)));
    for (let i = 0; i < options.clients; i++) {
      typists.push(connectTypist(server, sessions[i % sessions.length]!, TYPED_DOC, i, { field: TYPED_FIELD }));
    }
    const coordinator = await login(server, WORKFLOW_COORDINATOR);
    const warnings = await prepareWorkflowDocument(server, await login(server, WORKFLOW_EDITOR), coordinator);
    await waitFor(() => typists.every((t) => t.provider.synced), { timeoutMs: 30_000, message: "typists synced" });

    for (let cycle = 0; cycle < options.cycles; cycle++) {
      const kind = options.kinds[cycle % options.kinds.length]!;
      let compactionStartedAt = 0;
      const onOutput = (chunk: Buffer) => {
        const m = /"time":(\d+)[^\n]*"msg":"compaction started"/.exec(chunk.toString());
        if (m && compactionStartedAt === 0) compactionStartedAt = Number(m[1]);
      };
      server.process.stdout!.on("data", onOutput);
      let typing = true;
      const typingLoop = (async () => {
        while (typing) {
          for (const t of typists) t.type();
          await sleep(TICK_MS);
        }
      })();
      try {
        if (kind === "random") {
          await sleep(between(random, RANDOM_KILL_MS));
        } else if (kind === "compaction") {
          await waitFor(() => compactionStartedAt > 0, { timeoutMs: 60_000, intervalMs: 1, message: "a compaction started" });
        } else if (kind === "workflow") {
          await sleep(between(random, BEFORE_TRANSITION_MS));
          const state = (await callApi(server, coordinator, "GET", `/api/documents/${WORKFLOW_DOC}/workflow`)).body.state as string;
          // a complete transition first, then one that the kill interrupts
          await toggleWorkflow(server, coordinator, state, warnings);
          void toggleWorkflow(server, coordinator, state === "udkast" ? "til_godkendelse" : "udkast", warnings).catch(() => {});
          await sleep(random() * TRANSITION_KILL_WINDOW_MS);
        } else {
          await sleep(between(random, BEFORE_DATABASE_CRASH_MS));
          await options.restartDatabase!();
          figures.databaseRestarts++;
          await sleep(between(random, AFTER_DATABASE_RESTART_MS));
        }
      } finally {
        server.process.kill("SIGKILL");
        typing = false;
      }
      await waitForExit(server.process);
      await typingLoop;
      figures.kills[kind]++;
      figures.cycles++;

      // --- storage after the crash, before anyone reconnects --------------------------------
      if (!options.backend.databaseUrl) {
        const integrity = sqliteIntegrity(options.backend.dataDir);
        expect(integrity, `cycle ${cycle}: SQLite integrity_check`).toBe("ok");
        figures.integrityOk++;
      }
      const acknowledged = new Set(typists.flatMap((t) => [...t.acknowledged]));
      await withStore(options.backend, async (store) => {
        const doc = await storedDoc(store, TYPED_DOC);
        const stored = new Set(tokensOf(fieldText(doc, TYPED_FIELD)));
        doc.destroy();
        const lost = [...acknowledged].filter((t) => !stored.has(t));
        figures.lost += lost.length;
        expect(lost, `cycle ${cycle} (${kind}, seed ${options.seed}): acknowledged tokens missing from storage`).toEqual([]);
        if (kind === "compaction") {
          const snapshot = await store.kysely.selectFrom("doc_snapshots").select("updated_at").where("document_id", "=", TYPED_DOC).executeTakeFirst();
          if (!snapshot || Date.parse(snapshot.updated_at) < compactionStartedAt) figures.compactionsInterrupted++;
        }
        if (kind === "workflow") {
          const problems = await workflowProblems(store, WORKFLOW_DOC);
          const state = (await store.getDocument(WORKFLOW_DOC))!.state;
          const outcome = problems.length > 0 ? `${state} (interrupted)` : state;
          figures.workflowOutcomes[outcome] = (figures.workflowOutcomes[outcome] ?? 0) + 1;
        }
      });

      // --- restart on the same port; everyone reconnects and converges ----------------------
      server = await startChildServer(options.backend.dataDir, { ...env, PORT: port });
      // interrupted transitions are repaired at start, before the first request
      expect(
        await withStore(options.backend, (store) => workflowProblems(store, WORKFLOW_DOC)),
        `cycle ${cycle} (${kind}): workflow records after the restart`,
      ).toEqual([]);
      await converge(typists, options.convergeTimeoutMs, `cycle ${cycle} (${kind}, seed ${options.seed})`);
    }

    figures.acknowledged = new Set(typists.flatMap((t) => [...t.acknowledged])).size;
    const typed = new Set(typists.flatMap((t) => [...t.typed]));
    figures.typed = typed.size;
    const verifier = connectClient(server, sessions[0]!, TYPED_DOC);
    try {
      await waitFor(() => verifier.provider.synced, { timeoutMs: 30_000 });
      const { missing, duplicated } = compareTokens(fieldText(verifier.doc, TYPED_FIELD), typed);
      expect(missing, "a fresh client has every token anyone typed").toEqual([]);
      expect(duplicated, "no token twice").toEqual([]);
    } finally {
      verifier.destroy();
    }
    return figures;
  } finally {
    for (const t of typists) t.destroy();
    server.process.kill("SIGKILL");
    await waitForExit(server.process);
  }
}

/** Every typist reconnected, saved, and holding every token any typist typed. */
export async function converge(typists: Typist[], timeoutMs: number, label: string): Promise<void> {
  const typed = new Set(typists.flatMap((t) => [...t.typed]));
  try {
    await waitFor(
      () =>
        typists.every((t) => {
          if (!t.allSaved()) return false;
          return compareTokens(t.text(), typed).missing.length === 0;
        }),
      { timeoutMs, intervalMs: 100, message: `${label}: every client saved and has every token` },
    );
  } catch (error) {
    const state = typists.map((t) => {
      const missing = compareTokens(t.text(), typed).missing;
      const byClient = new Map<string, number>();
      for (const m of missing) byClient.set(m.replace(/r\d+$/, ""), (byClient.get(m.replace(/r\d+$/, "")) ?? 0) + 1);
      return `client ${t.index}: connected ${t.provider.wsconnected}, synced ${t.provider.synced}, saved ${t.counter.saved}/${t.counter.sent}, missing ${missing.length} ${JSON.stringify(Object.fromEntries(byClient))}`;
    });
    throw new Error(`${String(error)}\n${state.join("\n")}`);
  }
}

/** Fills the workflow reply with complete content and learns which advarsler to acknowledge. */
async function prepareWorkflowDocument(server: ChildServer, editor: Session, coordinator: Session): Promise<string[]> {
  const writer = connectClient(server, editor, WORKFLOW_DOC);
  try {
    await waitFor(() => writer.provider.synced, { timeoutMs: 30_000 });
    writeReplyContent(writer.doc, completeReplyContentAsOf("hovedstaden"));
    await waitFor(() => writer.counter.saved >= writer.counter.sent, { timeoutMs: 30_000 });
  } finally {
    writer.destroy();
  }
  const res = await callApi(server, coordinator, "POST", `/api/documents/${WORKFLOW_DOC}/workflow/request-approval`, {});
  if (res.status === 200) {
    await toggleWorkflow(server, coordinator, "til_godkendelse", []);
    return [];
  }
  expect(res.body.error.code).toBe("warnings_unacknowledged");
  return res.body.error.details.warnings.map((w: { ruleId: string }) => w.ruleId);
}

/** From udkast: send for approval; from til_godkendelse: back to draft. */
async function toggleWorkflow(server: ChildServer, coordinator: Session, from: string, warnings: string[]): Promise<void> {
  const res =
    from === "udkast"
      ? await callApi(server, coordinator, "POST", `/api/documents/${WORKFLOW_DOC}/workflow/request-approval`, { acknowledgedWarnings: warnings })
      : await callApi(server, coordinator, "POST", `/api/documents/${WORKFLOW_DOC}/workflow/reopen`, { reason: "Kill-test: tilbage til udkast" });
  if (res.status < 200 || res.status > 299) throw new Error(`workflow transition from ${from}: ${res.status} ${JSON.stringify(res.body)}`);
}
