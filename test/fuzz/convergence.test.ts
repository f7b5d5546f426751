/**
 * Convergence through the real server: 3–5 peers make random edits (text inserted and deleted,
 * paragraphs added and removed, typed fields, sets and rows) while randomly going offline and
 * coming back. Afterwards every peer and a fresh verifier hold the same state, and that state is
 * valid in the editor schema. One document per seed; a failing seed is printed and replays with
 * TEST_SEED=<seed>. CONVERGENCE_SEEDS sets how many seeds run (short form 200; the long form of
 * the reliability battery, RELIABILITY_LONG=1, 10,000). Seeds run a few at a time.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { editorSchema, YDOC_FRAGMENT } from "../../shared/schema/editor.js";
import { addRow, setScalarField, toggleSetField } from "../../shared/content/fields.js";
import { allTextFields } from "../../shared/template/definition.js";
import { municipalitiesOf } from "../../shared/regions.js";
import { canonicalJson } from "../../shared/content/canonical.js";
import { startServer, type TestServer } from "../helpers/server.js";
import { connectClient, login, type Session } from "../helpers/clients.js";
import { findTextField } from "../helpers/ydoc.js";
import { seededRandom } from "../helpers/random.js";
import { waitFor } from "../helpers/wait.js";

const FIRST_SEED = Number(process.env.TEST_SEED ?? 1);
const SEEDS = process.env.TEST_SEED ? 1 : Number(process.env.CONVERGENCE_SEEDS ?? (process.env.RELIABILITY_LONG === "1" ? 10_000 : 200));
/** Seeds in flight at once (each its own document): most of a seed's time is waiting on the network. */
const CONCURRENT_SEEDS = 4;
const TEXT_FIELDS = allTextFields().map((t) => t.id);
const KOMMUNER = municipalitiesOf("nordjylland").map((m) => m.code);

let server: TestServer;
let session: Session;
beforeAll(async () => {
  // one account plays every peer of every seed: lift the per-user limits (tested in test/reliability/limits.test.ts)
  server = await startServer({ config: { USER_MESSAGES_PER_SECOND: 1_000_000, MAX_CONNECTIONS_PER_USER: 100_000 } });
  session = await login(server, "redaktoer.aalborg@regionssvar.dk");
});
afterAll(async () => server?.close());

async function newDocument(seed: number): Promise<string> {
  const id = `fuzz-${seed}`;
  const now = new Date().toISOString();
  await server.store.insertDocument({
    id,
    regionId: "nordjylland",
    title: id,
    templateId: "sbst-fornyet-behandling-2025",
    templateVersion: 1,
    state: "udkast",
    createdAt: now,
    updatedAt: now,
  });
  await server.store.upsertMembership({ documentId: id, userId: session.userId, role: "redaktoer" });
  return id;
}

function randomEdit(doc: Y.Doc, random: () => number): void {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const field = findTextField(doc, pick(TEXT_FIELDS));
  const op = random();
  if (op < 0.5 && field) {
    const paragraph = field.get(Math.floor(random() * field.length));
    if (!(paragraph instanceof Y.XmlElement)) return;
    let text = paragraph.get(0);
    if (!(text instanceof Y.XmlText)) {
      if (paragraph.nodeName !== "paragraph") return;
      text = new Y.XmlText();
      paragraph.insert(0, [text]);
    }
    const t = text as Y.XmlText;
    if (random() < 0.7 || t.length === 0)
      t.insert(Math.floor(random() * (t.length + 1)), pick(["ord ", "æøå ", "x", "Kommunen "]), random() < 0.2 ? { bold: true } : {});
    else {
      const at = Math.floor(random() * t.length);
      t.delete(at, Math.min(t.length - at, 1 + Math.floor(random() * 5)));
    }
  } else if (op < 0.62 && field) {
    const p = new Y.XmlElement("paragraph");
    p.insert(0, [new Y.XmlText("Nyt afsnit")]);
    field.insert(Math.floor(random() * (field.length + 1)), [p]);
  } else if (op < 0.7 && field && field.length > 0) {
    field.delete(Math.floor(random() * field.length), 1); // may empty the field: the server repairs
  } else if (op < 0.75 && field) {
    // a comment anchor over a random range of a paragraph's text
    const paragraph = field.get(Math.floor(random() * field.length));
    const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
    if (text instanceof Y.XmlText && text.length > 0) {
      const at = Math.floor(random() * text.length);
      text.format(at, Math.max(1, Math.floor(random() * (text.length - at))), { comment: { threadId: `t${Math.floor(random() * 1e6)}` } });
    }
  } else if (op < 0.8) {
    setScalarField(doc, "i4.driftsstart", `20${30 + Math.floor(random() * 9)}-0${1 + Math.floor(random() * 9)}`);
  } else if (op < 0.9) {
    toggleSetField(doc, "i2.parter.kommuner", pick(KOMMUNER), random() < 0.5);
  } else {
    addRow(doc, "i1.kompetencer.tabel", { id: `r${Math.floor(random() * 1e9)}`, faggruppe: "Socialrådgiver", aarsvaerk: 1 + Math.floor(random() * 5) });
  }
}

function schemaProblem(doc: Y.Doc): string | null {
  try {
    yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(YDOC_FRAGMENT), editorSchema()).check();
    return null;
  } catch (error) {
    return String(error);
  }
}

async function runSeed(seed: number): Promise<void> {
  const random = seededRandom(seed);
  const documentId = await newDocument(seed);
  const peers = Array.from({ length: 3 + Math.floor(random() * 3) }, () => connectClient(server, session, documentId));
  try {
    await waitFor(() => peers.every((p) => p.provider.synced), { message: `seed ${seed}: synced` });
    for (let round = 0; round < 8; round++) {
      for (const peer of peers) {
        if (random() < 0.15) {
          if (peer.provider.shouldConnect) peer.provider.disconnect();
          else peer.provider.connect();
        }
        for (let i = 0; i < 3; i++) randomEdit(peer.doc, random);
      }
      if (random() < 0.5) await new Promise((r) => setImmediate(r));
    }
    for (const p of peers) if (!p.provider.shouldConnect) p.provider.connect();
    await waitFor(() => peers.every((p) => p.provider.synced && p.counter.saved >= p.counter.sent), { message: `seed ${seed}: all saved` });
    const verifier = connectClient(server, session, documentId);
    peers.push(verifier);
    await waitFor(() => verifier.provider.synced, { message: `seed ${seed}: verifier synced` });
    const reference = () => Y.encodeStateVector(verifier.doc).toString();
    await waitFor(() => peers.every((p) => Y.encodeStateVector(p.doc).toString() === reference()), { message: `seed ${seed}: converged` });
    // canonical JSON: a Y.Map lists its keys in the order this peer integrated them
    const json = (d: Y.Doc) => canonicalJson([d.getXmlFragment(YDOC_FRAGMENT).toJSON(), d.getMap("fields").toJSON()]);
    for (const p of peers) expect(json(p.doc), `seed ${seed}: equal content`).toBe(json(verifier.doc));
    expect(schemaProblem(verifier.doc), `seed ${seed}: schema-valid`).toBeNull();
  } finally {
    for (const p of peers) p.destroy();
  }
}

describe("convergence through the server", () => {
  it(
    `converges to one schema-valid state for ${SEEDS} seeds from ${FIRST_SEED}`,
    async () => {
      let next = FIRST_SEED;
      const worker = async () => {
        while (next < FIRST_SEED + SEEDS) {
          const seed = next++;
          try {
            await runSeed(seed);
          } catch (error) {
            next = Infinity; // stop the other workers too
            throw new Error(`convergence failed for seed ${seed} (replay: TEST_SEED=${seed} npx vitest run test/fuzz/convergence.test.ts): ${String(error)}`);
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENT_SEEDS }, worker));
      console.log(`convergence: ${SEEDS} seeds from ${FIRST_SEED}, 0 divergent, 0 schema-invalid`);
    },
    process.env.RELIABILITY_LONG === "1" ? 3_600_000 : 600_000,
  );
});
