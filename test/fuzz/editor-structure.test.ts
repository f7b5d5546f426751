// @vitest-environment happy-dom
/**
 * Randomised editor-level property (issue 14), the structural half: two or three real editors
 * type, delete, press Enter and toggle bullet lists in the same field, with random partial
 * delivery of each other's updates. Afterwards every editor shows the same document, every
 * Y.Doc holds the same state, the document fits the schema, and the template's structure is
 * intact.
 *
 * Splitting or wrapping a paragraph while someone types in it is merged by Yjs as a new
 * paragraph (README, "Several people in one paragraph"), so this property checks convergence and
 * validity there, not where each character ends up; editor-intention.test.ts checks that.
 * fast-check prints the seed; TEST_SEED=<seed> replays it. EDITOR_RUNS sets the number of runs
 * (200 in `npm test`, 10,000 with RELIABILITY_LONG=1).
 */
import { afterEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import * as Y from "yjs";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { YDOC_FRAGMENT, editorSchema } from "../../shared/schema/editor.js";
import { structuralSignature } from "../../client/features/editor/structureGuard.js";
import { createEditorNetwork, fieldLines, placeCaret, typeText, type EditorNetwork, type Peer } from "../helpers/headless-editors.js";
import { sleep } from "../helpers/wait.js";

const FIELD = "i1.hjemmel.tekst";
const RUNS = Number(process.env.EDITOR_RUNS ?? (process.env.RELIABILITY_LONG === "1" ? 10_000 : 200));
const SEED = process.env.TEST_SEED === undefined ? undefined : Number(process.env.TEST_SEED);

type Action = "type" | "enter" | "list" | "backspace" | "deliver";
interface Step {
  action: Action;
  peer: number;
  to: number;
  char: string;
}

const scenario = fc.integer({ min: 2, max: 3 }).chain((peers) =>
  fc.record({
    peers: fc.constant(peers),
    initial: fc.string({ unit: fc.constantFrom("a", "b", " "), minLength: 0, maxLength: 6 }),
    carets: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: peers, maxLength: peers }),
    steps: fc.array(
      fc.record({
        action: fc.constantFrom<Action>("type", "type", "type", "enter", "list", "backspace", "deliver", "deliver"),
        peer: fc.nat(peers - 1),
        to: fc.nat(peers - 1),
        char: fc.constantFrom("x", "y", "z"),
      }),
      { maxLength: 30 },
    ),
  }),
);

let net: EditorNetwork | undefined;
afterEach(() => {
  net?.destroy();
  net = undefined;
});

function act(peer: Peer, step: Step, peers: Peer[]): void {
  const { editor } = peer;
  if (step.action === "type") typeText(peer, step.char);
  else if (step.action === "enter") {
    if (!editor.commands.splitListItem("listItem")) editor.commands.splitBlock();
  } else if (step.action === "list") editor.commands.toggleBulletList();
  else if (step.action === "backspace") {
    const { from, empty } = editor.state.selection;
    if (empty && editor.state.selection.$from.parentOffset > 0) editor.view.dispatch(editor.state.tr.delete(from - 1, from));
  } else {
    const to = peers[step.to === peers.indexOf(peer) ? (step.to + 1) % peers.length : step.to]!;
    net!.deliver(peer, to);
  }
}

function check(peers: Peer[], signature: string): void {
  net!.flush();
  const json = peers[0]!.editor.getJSON();
  const state = Y.encodeStateVector(peers[0]!.doc);
  for (const peer of peers) {
    expect(peer.editor.getJSON()).toEqual(json);
    expect(Y.encodeStateVector(peer.doc)).toEqual(state);
    expect(peer.doc.getXmlFragment(YDOC_FRAGMENT).toJSON()).toEqual(peers[0]!.doc.getXmlFragment(YDOC_FRAGMENT).toJSON());
    // The stored form fits the schema (check() throws otherwise) and keeps every template node.
    const root = yXmlFragmentToProseMirrorRootNode(peer.doc.getXmlFragment(YDOC_FRAGMENT), editorSchema());
    root.check();
    expect(structuralSignature(root)).toBe(signature);
  }
  expect(fieldLines(peers[0]!, FIELD).length).toBeGreaterThan(0);
}

describe("several editors changing one field's structure (randomised)", () => {
  it(`converges to one valid document (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        net = createEditorNetwork(Array.from({ length: s.peers }, (_, i) => `P${i}`));
        const peers = net.peers;
        try {
          const signature = structuralSignature(peers[0]!.editor.state.doc);
          placeCaret(peers[0]!, FIELD, 0);
          typeText(peers[0]!, s.initial);
          net.flush();
          s.carets.forEach((at, i) => placeCaret(peers[i]!, FIELD, Math.round(at * s.initial.length)));
          for (const step of s.steps) act(peers[step.peer]!, step, peers);
          check(peers, signature);
        } finally {
          net.destroy();
          net = undefined;
          // Tiptap's "create" timer holds each editor: let it run (see editor-intention.test.ts).
          await sleep(0);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
