/**
 * Word counting of user text (spec §0): a word is a match of /[\p{L}\p{N}]+/u in the text nodes of
 * a text field's content. Headings, guidance and labels are not in the content, so they never count.
 *
 * Both functions take untrusted JSON: anything that is not a well-formed text node is skipped,
 * and the walk is iterative with a visited set, so deep or cyclic garbage cannot throw.
 */
import type { PMNodeJSON } from "./types.js";

const WORD = /[\p{L}\p{N}]+/gu;

/** Calls `visit` with the text of every text node under `nodes`, in document order. */
function forEachText(nodes: unknown, visit: (text: string) => void): void {
  if (!Array.isArray(nodes)) return;
  const seen = new Set<object>();
  // A stack of pending nodes, reversed so that popping yields document order.
  const stack: unknown[] = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== "object" || node === null || seen.has(node)) continue;
    seen.add(node);
    const { type, text, content } = node as Partial<Record<keyof PMNodeJSON, unknown>>;
    if (type === "text" && typeof text === "string") visit(text);
    if (Array.isArray(content)) for (let i = content.length - 1; i >= 0; i--) stack.push(content[i]);
  }
}

/** Number of words in the text nodes of `nodes`. */
export function countWords(nodes: PMNodeJSON[]): number {
  let n = 0;
  forEachText(nodes, (text) => {
    n += text.match(WORD)?.length ?? 0;
  });
  return n;
}

/** The concatenated text of the text nodes of `nodes` (separated by spaces), for content checks. */
export function plainText(nodes: PMNodeJSON[]): string {
  const parts: string[] = [];
  forEachText(nodes, (text) => parts.push(text));
  return parts.join(" ");
}
