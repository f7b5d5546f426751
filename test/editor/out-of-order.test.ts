// @vitest-environment happy-dom
/**
 * An update that arrives before one it builds on (seed 139558213 of editor-structure.test.ts):
 * Yjs holds part of it pending, and the element it touches does not fit the schema until the
 * rest arrives. The binding must keep that element, not delete it for everyone
 * (client/features/editor/collaboration.ts). The relay server delivers in causal order; this
 * test delivers out of it on purpose, past the headless network's causal delivery.
 */
import { afterEach, expect, it } from "vitest";
import * as Y from "yjs";
import { YDOC_FRAGMENT } from "../../shared/schema/editor.js";
import { createEditorNetwork, fieldLines, placeCaret, typeText, type EditorNetwork } from "../helpers/headless-editors.js";
import { sleep } from "../helpers/wait.js";

const FIELD = "i1.hjemmel.tekst";
let net: EditorNetwork | undefined;
afterEach(async () => {
  net?.destroy();
  net = undefined;
  await sleep(0);
});

it("keeps a text field whose update arrives before the one it builds on", () => {
  net = createEditorNetwork(["P0", "P1", "P2"]);
  const [p0, p1, p2] = net.peers as [(typeof net.peers)[0], (typeof net.peers)[0], (typeof net.peers)[0]];
  for (const p of [p0, p1, p2]) placeCaret(p, FIELD, 0);
  typeText(p2, "x");
  net.deliver(p2, p0);
  typeText(p0, "x");
  p0.editor.commands.toggleBulletList();
  // P0's list reaches P1 before P2's "x" it builds on.
  for (const update of p0.outbox.get(p1)!.splice(0)) Y.applyUpdate(p1.doc, update, "relay");
  expect(p1.doc.getXmlFragment(YDOC_FRAGMENT).toJSON()).toContain(`<textfield id="${FIELD}">`);
  net.flush();
  for (const p of [p0, p1, p2]) {
    expect(p.doc.getXmlFragment(YDOC_FRAGMENT).toJSON()).toContain(`<textfield id="${FIELD}"><bulletlist>`);
    expect(fieldLines(p, FIELD)).toEqual(["xx"]);
  }
});
