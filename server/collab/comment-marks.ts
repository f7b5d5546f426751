/**
 * A comment's anchor is a mark in the text (shared/schema/editor.ts, "comment"), so anchoring a
 * comment is a Yjs update. For someone who may comment but not edit (a kommentator), such an
 * update is let through when it does nothing else (issue 15, item 13): every new struct is a
 * formatting boundary of the comment mark, and every deletion removes only such boundaries.
 * Text, other marks and structure stay untouchable; the structure and schema guards still run.
 */
import * as Y from "yjs";
import type { DecodedUpdate } from "./guard.js";

const COMMENT_MARK = "comment";

/** The binding names an overlapping mark's formatting key "<mark>--<hash of the mark>". */
const isCommentKey = (key: string) => key === COMMENT_MARK || key.startsWith(`${COMMENT_MARK}--`);
const isCommentFormat = (s: unknown): boolean =>
  s instanceof Y.Item && s.content instanceof Y.ContentFormat && isCommentKey(s.content.key) && s.parentSub === null;

export function isCommentAnchorOnly(doc: Y.Doc, decoded: DecodedUpdate): boolean {
  let changes = 0;
  for (const s of decoded.structs) {
    if (s instanceof Y.Skip) continue;
    if (s.id.clock + s.length <= Y.getState(doc.store, s.id.client)) continue; // already known: changes nothing
    if (!isCommentFormat(s)) return false;
    changes++;
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const structs = doc.store.clients.get(client);
    for (const { clock, len } of ranges) {
      if (!structs || clock + len > Y.getState(doc.store, client)) return false;
      for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
        const s = structs[i]!;
        if (s.id.clock >= clock + len) break;
        if (s instanceof Y.GC || (s as Y.Item).deleted) continue;
        if (!isCommentFormat(s)) return false;
        changes++;
      }
    }
  }
  return changes > 0;
}
