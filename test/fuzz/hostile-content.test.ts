/**
 * Arbitrary Yjs content from a stock y-websocket client (issue 15, item 2): a Y.Map, Y.Array,
 * Y.XmlHook, raw value, embed, unknown element, attribute or format, nested or not, written into
 * a text field, a paragraph or a paragraph's text. The server refuses the update before applying
 * it (close 4422); the stored reply, another editor's copy and every reader of the reply
 * (completeness, the agency's overview, the document list) are unaffected.
 *
 * fast-check prints the seed; TEST_SEED=<seed> replays it. HOSTILE_RUNS sets the number of runs
 * (40 in `npm test`, 1,000 with RELIABILITY_LONG=1).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import * as Y from "yjs";
import { CloseCode } from "../../shared/protocol/messages.js";
import { startServer, type TestServer } from "../helpers/server.js";
import { connectClient, login, type Session, type TestClient } from "../helpers/clients.js";
import { findTextField, fieldText } from "../helpers/ydoc.js";
import { storedDoc } from "../reliability/support/stored.js";
import { waitFor } from "../helpers/wait.js";
import { callApi } from "../helpers/api.js";

const DOC = "svar-nordjylland";
const FIELD = "i1.hjemmel.tekst";
const RUNS = Number(process.env.HOSTILE_RUNS ?? (process.env.RELIABILITY_LONG === "1" ? 1_000 : 40));
const SEED = process.env.TEST_SEED === undefined ? undefined : Number(process.env.TEST_SEED);

let server: TestServer;
let editor: Session;
let agency: Session;
let observer: TestClient;

beforeAll(async () => {
  // one account plays every attacker: lift the per-user limits (tested in test/reliability/limits.test.ts)
  server = await startServer({ config: { USER_MESSAGES_PER_SECOND: 1_000_000, MAX_CONNECTIONS_PER_USER: 100_000 } });
  editor = await login(server, "redaktoer.aalborg@regionssvar.dk");
  agency = await login(server, "styrelsen@regionssvar.dk");
  observer = connectClient(server, await login(server, "redaktoer.hjoerring@regionssvar.dk"), DOC);
  await waitFor(() => observer.provider.synced);
  // Some honest text to keep intact.
  const writer = connectClient(server, editor, DOC);
  await waitFor(() => writer.provider.synced);
  const text = (findTextField(writer.doc, FIELD)!.get(0) as Y.XmlElement).get(0) as Y.XmlText;
  text.insert(0, "Hjemmel i serviceloven.");
  // Committed, not only passed on: the test compares the stored reply with it.
  await waitFor(() => writer.counter.sent > 0 && writer.counter.saved >= writer.counter.sent);
  await waitFor(() => fieldText(observer.doc, FIELD) === "Hjemmel i serviceloven.");
  writer.destroy();
});
afterAll(async () => {
  observer?.destroy();
  await server?.close();
});

/** Any value a Yjs type can hold, including nested shared types. */
const plain = fc.oneof(
  fc.string({ maxLength: 5 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), { maxKeys: 2 }),
);
type Maker = () => unknown;
const sharedType: fc.Arbitrary<Maker> = fc.oneof(
  plain.map((v) => () => {
    const map = new Y.Map();
    map.set("k", v);
    return map;
  }),
  plain.map((v) => () => Y.Array.from([v] as never[])),
  fc.constant(() => new Y.XmlHook("hook")),
  // Node types that are unknown, the template's own, or never allowed in a field or a paragraph.
  fc.constantFrom("blink", "script", "textField", "replyItem", "tableCell", "listItem", "doc", "text").map((name) => () => {
    const element = new Y.XmlElement(name);
    element.insert(0, [new Y.XmlText("x")]);
    return element;
  }),
  fc.constant(() => {
    const map = new Y.Map();
    map.set("t", new Y.XmlText("gemt i et map"));
    return map;
  }),
);
/** Raw values (ContentAny) and shared types, to be put where only the schema's nodes belong. */
const child = fc.oneof(
  sharedType,
  plain.map((v) => () => v),
);

type Attack = { describe: string; run: (field: Y.XmlElement) => void };
const attack: fc.Arbitrary<Attack> = fc.oneof(
  child.map((make) => ({
    describe: "child of the text field",
    run: (field: Y.XmlElement) => field.insert(0, [make() as Y.XmlElement]),
  })),
  child.map((make) => ({
    describe: "child of a paragraph",
    run: (field: Y.XmlElement) => (field.get(0) as Y.XmlElement).insert(0, [make() as Y.XmlElement]),
  })),
  fc.constant({
    describe: "paragraph inside a paragraph",
    run: (field: Y.XmlElement) => (field.get(0) as Y.XmlElement).insert(0, [new Y.XmlElement("paragraph")]),
  }),
  plain.map((v) => ({ describe: "embed in a text", run: (field: Y.XmlElement) => textOf(field).insertEmbed(0, { v }) })),
  // An unknown mark (a null value would be no format at all), or a known one with attributes it does not declare.
  plain
    .filter((v) => v !== null)
    .map((value) => ({ describe: "unknown format", run: (field: Y.XmlElement) => textOf(field).insert(0, "y", { script: value }) })),
  fc.tuple(fc.constantFrom("bold", "link", "comment"), fc.oneof(plain, fc.constant({ nested: 1 }))).map(([mark, value]) => ({
    describe: `format ${mark} with an undeclared attribute`,
    run: (field: Y.XmlElement) => textOf(field).insert(0, "y", { [mark]: { onclick: value } }),
  })),
  fc.tuple(fc.constantFrom("onclick", "style", "id", "level"), plain).map(([name, value]) => ({
    describe: `attribute ${name} on a paragraph`,
    run: (field: Y.XmlElement) => (field.get(0) as Y.XmlElement).setAttribute(name, value as string),
  })),
);

function textOf(field: Y.XmlElement): Y.XmlText {
  return (field.get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

async function readersAnswer(): Promise<void> {
  expect((await callApi(server, editor, "GET", `/api/documents/${DOC}/completeness`)).status).toBe(200);
  expect((await callApi(server, editor, "GET", "/api/documents")).status).toBe(200);
  expect((await callApi(server, agency, "GET", "/api/overview")).status).toBe(200);
}

describe("arbitrary Yjs content from a stock client", () => {
  it(`is refused before it is applied, and breaks nothing (${RUNS} runs)`, async () => {
    const before = fieldText(await storedDoc(server.store, DOC), FIELD);
    await fc.assert(
      fc.asyncProperty(attack, async (hostile) => {
        const client = connectClient(server, editor, DOC);
        try {
          await waitFor(() => client.provider.synced);
          const field = findTextField(client.doc, FIELD)!;
          try {
            client.doc.transact(() => hostile.run(field));
          } catch {
            return; // Yjs itself refused to build it: nothing was sent
          }
          await waitFor(() => client.closeCodes.includes(CloseCode.INVALID_CONTENT), { message: `refusal of ${hostile.describe}` });
        } finally {
          client.destroy();
        }
        expect(fieldText(observer.doc, FIELD)).toBe(before);
        expect(fieldText(await storedDoc(server.store, DOC), FIELD)).toBe(before);
        await readersAnswer();
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
