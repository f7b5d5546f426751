/**
 * Inspects a client's Yjs update BEFORE it is applied to a room, so that a refused update never
 * touches the document (nothing to revert, nothing broadcast):
 *
 * - `isNoOpUpdate`: the update carries nothing the document lacks. A read-only or frozen
 *   connection may send such updates (a stock y-websocket client always answers sync step 1
 *   with a step 2, even when it has nothing new); anything else from it is refused.
 * - `findStructureViolation`: the update would create, delete or re-attribute template
 *   structure (replyItem / replyBlock / textField nodes, their attributes, the `meta` map), add
 *   content where only the server may add it, or use node/mark types the editor schema lacks.
 *
 * Why decode instead of apply-then-check: Yjs cannot undo a transaction exactly, and peers
 * would already have seen it. Decoding costs time proportional to the update, not the document.
 */
import * as Y from "yjs";
import { STRUCTURAL_NODE_NAMES, YDOC_FIELDS, YDOC_FRAGMENT, YDOC_META, editorSchema } from "../../shared/schema/editor.js";

type DecodedStruct = Y.Item | Y.GC | Y.Skip;
type DeleteSetLike = { clients: Map<number, { clock: number; len: number }[]> };

const STRUCTURAL = new Set<string>(STRUCTURAL_NODE_NAMES);

/** IDs the clients may never delete, overwrite or insert beside: the template's skeleton. */
export class ProtectedIds {
  /** client → clocks of items that are structural elements, their attributes or meta entries. */
  private readonly byClient = new Map<number, Set<number>>();
  /** "client:clock" of structural elements that accept content (textField). */
  private readonly contentHolders = new Set<string>();

  static fromDoc(doc: Y.Doc): ProtectedIds {
    const ids = new ProtectedIds();
    const visit = (el: Y.XmlElement) => {
      const item = el._item;
      if (!item) return;
      ids.add(item.id);
      // attribute items (current values) belong to the skeleton too
      el._map.forEach((attrItem) => ids.add(attrItem.id));
      if (el.nodeName === "textField") {
        ids.contentHolders.add(key(item.id));
        return;
      }
      for (const child of el.toArray()) if (child instanceof Y.XmlElement) visit(child);
    };
    for (const child of doc.getXmlFragment(YDOC_FRAGMENT).toArray()) if (child instanceof Y.XmlElement) visit(child);
    doc.getMap(YDOC_META)._map.forEach((item) => ids.add(item.id));
    return ids;
  }

  private add(id: Y.ID): void {
    let set = this.byClient.get(id.client);
    if (!set) this.byClient.set(id.client, (set = new Set()));
    set.add(id.clock);
  }

  has(id: Y.ID | null): boolean {
    return id !== null && (this.byClient.get(id.client)?.has(id.clock) ?? false);
  }

  isContentHolder(id: Y.ID): boolean {
    return this.contentHolders.has(key(id));
  }

  /** True if any protected id lies in [clock, clock + len) of `client`. */
  intersects(client: number, clock: number, len: number): boolean {
    const set = this.byClient.get(client);
    if (!set) return false;
    if (len < set.size) {
      for (let c = clock; c < clock + len; c++) if (set.has(c)) return true;
      return false;
    }
    for (const c of set) if (c >= clock && c < clock + len) return true;
    return false;
  }

  get size(): number {
    let n = 0;
    for (const s of this.byClient.values()) n += s.size;
    return n;
  }
}

const key = (id: Y.ID) => `${id.client}:${id.clock}`;

export interface DecodedUpdate {
  structs: DecodedStruct[];
  ds: DeleteSetLike;
}

/** Decodes an update; throws on malformed input (the caller closes the connection). */
export function decodeUpdate(update: Uint8Array): DecodedUpdate {
  return Y.decodeUpdate(update) as unknown as DecodedUpdate;
}

/** True if applying the update would change nothing in `doc`. */
export function isNoOpUpdate(doc: Y.Doc, decoded: DecodedUpdate): boolean {
  for (const s of decoded.structs) {
    if (s instanceof Y.Skip) continue;
    if (s.id.clock + s.length > Y.getState(doc.store, s.id.client)) return false;
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const structs = doc.store.clients.get(client);
    for (const { clock, len } of ranges) {
      if (!structs || clock + len > Y.getState(doc.store, client)) return false;
      let i = Y.findIndexSS(structs, clock);
      while (i < structs.length) {
        const s = structs[i]!;
        if (s.id.clock >= clock + len) break;
        if (!(s instanceof Y.GC) && !(s as Y.Item).deleted) return false;
        i++;
      }
    }
  }
  return true;
}

let nodeNames: Set<string> | undefined;
let markNames: Set<string> | undefined;
function schemaNames(): { nodes: Set<string>; marks: Set<string> } {
  if (!nodeNames || !markNames) {
    const schema = editorSchema();
    nodeNames = new Set(Object.keys(schema.nodes).filter((n) => n !== "doc" && n !== "text" && !STRUCTURAL.has(n)));
    markNames = new Set(Object.keys(schema.marks));
  }
  return { nodes: nodeNames, marks: markNames };
}

/** y-prosemirror stores overlapping marks of one type as "name--<hash>". */
function isKnownMark(keyName: string, marks: Set<string>): boolean {
  const base = keyName.includes("--") ? keyName.slice(0, keyName.indexOf("--")) : keyName;
  return marks.has(base);
}

/** Returns a reason (English, for the log) if the update must be refused, else null. */
export function findStructureViolation(decoded: DecodedUpdate, guard: ProtectedIds): string | null {
  for (const [client, ranges] of decoded.ds.clients) {
    for (const { clock, len } of ranges) {
      if (guard.intersects(client, clock, len)) return "deletes template structure";
    }
  }
  const { nodes, marks } = schemaNames();
  for (const s of decoded.structs) {
    if (!(s instanceof Y.Item)) continue;
    if (guard.has(s.origin) || guard.has(s.rightOrigin)) return "inserts beside or overwrites template structure";
    const parent = s.parent as unknown;
    if (typeof parent === "string") {
      if (parent !== YDOC_FIELDS) return `writes to root type "${parent}"`;
    } else if (parent instanceof Y.ID) {
      if (guard.has(parent) && !(guard.isContentHolder(parent) && s.parentSub === null)) return "changes a template node";
    }
    const content = s.content;
    if (content instanceof Y.ContentType) {
      const type = content.type;
      if (type instanceof Y.XmlElement) {
        if (!nodes.has(type.nodeName)) return `unknown or protected node type "${type.nodeName}"`;
      } else if (!(type instanceof Y.XmlText) && !(type instanceof Y.Map) && !(type instanceof Y.Array)) {
        return "unsupported shared type";
      }
    } else if (content instanceof Y.ContentFormat) {
      if (!isKnownMark(content.key, marks)) return `unknown mark "${content.key}"`;
    } else if (content instanceof Y.ContentEmbed || content instanceof Y.ContentDoc || content instanceof Y.ContentBinary || content instanceof Y.ContentJSON) {
      return "unsupported content kind";
    }
  }
  return null;
}
