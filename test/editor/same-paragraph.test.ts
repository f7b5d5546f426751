// @vitest-environment happy-dom
/**
 * Two and three real editors in ONE paragraph (issue 14): each person's typed text stays
 * contiguous and in order, whatever the other typed before their caret in the meantime. These
 * are the cases people reported from two browsers, replayed on the real schema and the real
 * Yjs binding with exact control over which changes each editor has seen.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createEditorNetwork, fieldLines, placeCaret, typeText, type EditorNetwork } from "../helpers/headless-editors.js";

const FIELD = "indledning.tekst";
let net: EditorNetwork | undefined;
afterEach(() => net?.destroy());

function twoEditors(initial: string) {
  net = createEditorNetwork(["A", "B"]);
  const [a, b] = net.peers as [NonNullable<EditorNetwork["peers"][0]>, NonNullable<EditorNetwork["peers"][0]>];
  placeCaret(a, FIELD, 0);
  typeText(a, initial);
  net.flush();
  return { a, b, net };
}

describe("two editors in one paragraph", () => {
  it("B types at the start, then A types at the end", () => {
    const { a, b, net } = twoEditors("Hello world.");
    placeCaret(a, FIELD, -1);
    placeCaret(b, FIELD, 0);
    typeText(b, "X");
    net.flush();
    typeText(a, "abc");
    net.flush();
    expect(fieldLines(a, FIELD)).toEqual(["XHello world.abc"]);
    expect(fieldLines(b, FIELD)).toEqual(["XHello world.abc"]);
  });

  it("taking turns, one character each", () => {
    const { a, b, net } = twoEditors("Hello world.");
    placeCaret(a, FIELD, -1);
    placeCaret(b, FIELD, 0);
    for (let i = 0; i < 4; i++) {
      typeText(a, "abcd"[i]!);
      net.flush();
      typeText(b, "1234"[i]!);
      net.flush();
    }
    expect(fieldLines(a, FIELD)).toEqual(["1234Hello world.abcd"]);
    expect(fieldLines(b, FIELD)).toEqual(["1234Hello world.abcd"]);
  });

  it("both type eight characters at once, A in the middle", () => {
    const { a, b, net } = twoEditors("Hello world.");
    placeCaret(a, FIELD, 6);
    placeCaret(b, FIELD, 0);
    for (let i = 0; i < 8; i++) {
      typeText(a, "abcdefgh"[i]!);
      typeText(b, "12345678"[i]!);
      net.flush();
    }
    expect(fieldLines(a, FIELD)).toEqual(["12345678Hello abcdefghworld."]);
    expect(fieldLines(b, FIELD)).toEqual(["12345678Hello abcdefghworld."]);
  });
});

describe("an empty paragraph", () => {
  it("keeps every character when two and three people start typing in it at once", () => {
    for (const names of [
      ["A", "B"],
      ["A", "B", "C"],
    ]) {
      net?.destroy();
      net = createEditorNetwork(names);
      for (const peer of net.peers) placeCaret(peer, FIELD, 0);
      net.peers.forEach((peer, i) => typeText(peer, "axa"[i]!));
      net.flush();
      const line = fieldLines(net.peers[0]!, FIELD);
      expect([...line.join("")].sort().join("")).toBe([..."axa".slice(0, names.length)].sort().join(""));
      for (const peer of net.peers) expect(fieldLines(peer, FIELD)).toEqual(line);
    }
  });
});
