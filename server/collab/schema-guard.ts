/**
 * Admits only content the editor schema can hold, BEFORE a client's update is applied (issue 15,
 * item 2). `guard.ts` protects the template's skeleton; this module checks what clients may add
 * below it, item by item, at the place the item would land:
 *
 * - in a rich-text element (a textField or a node inside one): child elements of a node type the
 *   schema allows in that parent, a Y.XmlText only where the parent holds inline content, and
 *   attributes the node type declares, with primitive values;
 * - in a Y.XmlText: characters, and formats of the schema's marks with their declared attributes;
 * - in the `fields` map and below it: values, Y.Maps and Y.Arrays (typed field values; their
 *   own validation is repair-fields.ts).
 *
 * Anything else — a Y.Map, Y.Array, Y.XmlHook or raw value inside the text, an embed, binary or
 * JSON content, an unknown format — is refused, so one editor can no longer store content that
 * breaks the reply for everyone.
 *
 * Two places cannot be checked here. An item next to garbage-collected content (its paragraph
 * was deleted meanwhile) is dropped by Yjs itself, so it passes. An item that depends on content
 * this instance has not received yet (a client that moved from another instance) waits in Yjs
 * until that content arrives; it is checked as `guard.ts` always did (known node types and marks,
 * no embeds, binaries or hooks), since refusing it would cut off an honest client.
 *
 * Where an item lands: an update names an item's parent only when it has no neighbours;
 * otherwise Yjs takes parent and key from the left (or right) neighbour, which may be in the
 * document or earlier in the same update.
 */
import * as Y from "yjs";
import type { NodeType, Schema } from "@tiptap/pm/model";
import { YDOC_FIELDS, editorSchema } from "../../shared/schema/editor.js";
import type { DecodedUpdate } from "./guard.js";
import type { SharedType } from "./shared-type.js";

/** Where an item lands: its parent type, the map key (null for a list child) and the root's name. */
interface Place {
  parent: SharedType;
  parentSub: string | null;
  root: string;
}

/** A place; "dropped" where Yjs will discard the item; "unknown" where the server lacks what it depends on. */
type Resolved = Place | "dropped" | "unknown";

interface SchemaRules {
  schema: Schema;
  /** node type → node types its content expression can hold */
  children: Map<string, Set<string>>;
}

let rules: SchemaRules | undefined;
function schemaRules(): SchemaRules {
  if (rules) return rules;
  const schema = editorSchema();
  const children = new Map<string, Set<string>>();
  for (const type of Object.values(schema.nodes)) children.set(type.name, reachableTypes(type));
  rules = { schema, children };
  return rules;
}

/** Every node type that can appear anywhere in `type`'s content expression. */
function reachableTypes(type: NodeType): Set<string> {
  const found = new Set<string>();
  const seen = new Set<unknown>();
  const queue = [type.contentMatch];
  while (queue.length > 0) {
    const match = queue.pop()!;
    if (seen.has(match)) continue;
    seen.add(match);
    for (let i = 0; i < match.edgeCount; i++) {
      const edge = match.edge(i);
      found.add(edge.type.name);
      queue.push(edge.next);
    }
  }
  return found;
}

const isPrimitive = (value: unknown) => value === null || ["string", "number", "boolean"].includes(typeof value);
/** An attribute value as ProseMirror nodes hold them: a primitive, or a list of them (a table cell's colwidth). */
const isAttributeValue = (value: unknown) => isPrimitive(value) || (Array.isArray(value) && value.every(isPrimitive));

/** Resolves where items land, looking in the update first and then in the document. */
class PlaceResolver {
  private readonly inUpdate = new Map<number, Y.Item[]>();
  private readonly memo = new Map<Y.Item, Resolved>();

  constructor(
    private readonly doc: Y.Doc,
    decoded: DecodedUpdate,
  ) {
    for (const s of decoded.structs) {
      if (!(s instanceof Y.Item)) continue;
      let list = this.inUpdate.get(s.id.client);
      if (!list) this.inUpdate.set(s.id.client, (list = []));
      list.push(s);
    }
  }

  /** The struct with this id: from the update, the document, "gc" if collected, null if missing. */
  private find(id: Y.ID): { item: Y.Item; fromUpdate: boolean } | "gc" | null {
    for (const s of this.inUpdate.get(id.client) ?? []) {
      if (id.clock >= s.id.clock && id.clock < s.id.clock + s.length) return { item: s, fromUpdate: true };
    }
    if (id.clock >= Y.getState(this.doc.store, id.client)) return null;
    const found = Y.getItem(this.doc.store, id);
    return found instanceof Y.Item ? { item: found, fromUpdate: false } : "gc";
  }

  place(item: Y.Item): Resolved {
    const known = this.memo.get(item);
    if (known !== undefined) return known;
    this.memo.set(item, "unknown"); // a cycle in a crafted update stays unresolved
    const place = this.resolve(item);
    this.memo.set(item, place);
    return place;
  }

  private resolve(item: Y.Item): Resolved {
    const parent = item.parent as unknown;
    if (typeof parent === "string") {
      const root = this.doc.share.get(parent);
      return root ? { parent: root, parentSub: item.parentSub, root: parent } : "unknown";
    }
    if (parent instanceof Y.ID) {
      const holder = this.find(parent);
      if (holder === "gc") return "dropped";
      if (!holder) return "unknown";
      if (!(holder.item.content instanceof Y.ContentType)) return "unknown";
      const type = holder.item.content.type;
      if (!holder.fromUpdate) return withRoot(type, item.parentSub);
      const outer = this.place(holder.item);
      return typeof outer === "string" ? outer : { parent: type, parentSub: item.parentSub, root: outer.root };
    }
    const neighbourId = item.origin ?? item.rightOrigin;
    if (!neighbourId) return "unknown";
    const neighbour = this.find(neighbourId);
    if (neighbour === "gc") return "dropped";
    if (!neighbour) return "unknown";
    if (neighbour.fromUpdate) {
      const place = this.place(neighbour.item);
      return typeof place === "string" ? place : { ...place, parentSub: item.parentSub ?? place.parentSub };
    }
    const type = neighbour.item.parent;
    return type instanceof Y.AbstractType ? withRoot(type, item.parentSub ?? neighbour.item.parentSub) : "unknown";
  }
}

function withRoot(type: SharedType, parentSub: string | null): Resolved {
  const root = rootName(type);
  return root === null ? "unknown" : { parent: type, parentSub, root };
}

/** The name of the root type a document type belongs to (null if it is detached). */
function rootName(type: SharedType): string | null {
  let current: SharedType = type;
  while (current._item !== null) {
    const parent = current._item.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    current = parent;
  }
  try {
    return Y.findRootTypeKey(current);
  } catch {
    return null;
  }
}

/** Why `item` may not land at `place`, or null if it may. */
function refusal(item: Y.Item, place: Place, { schema, children }: SchemaRules): string | null {
  const content = item.content;
  if (content instanceof Y.ContentDeleted) return null;
  if (place.root === YDOC_FIELDS) {
    const ok =
      content instanceof Y.ContentAny ||
      content instanceof Y.ContentString ||
      (content instanceof Y.ContentType && (content.type instanceof Y.Array || (content.type instanceof Y.Map && !(content.type instanceof Y.XmlHook))));
    return ok ? null : "unsupported content in a typed field";
  }
  const { parent, parentSub } = place;
  if (parent instanceof Y.XmlText) {
    if (parentSub !== null) return "attribute on a text";
    if (content instanceof Y.ContentString) return null;
    if (content instanceof Y.ContentFormat) return formatRefusal(content, schema);
    return "unsupported content inside a text";
  }
  if (parent instanceof Y.XmlElement && !(parent instanceof Y.XmlHook)) {
    const parentType = schema.nodes[parent.nodeName];
    if (!parentType) return `content inside an unknown node "${parent.nodeName}"`;
    if (parentSub !== null) {
      const declared = parentType.spec.attrs ?? {};
      if (!(parentSub in declared)) return `attribute "${parentSub}" is not one of ${parent.nodeName}'s`;
      return content instanceof Y.ContentAny && content.arr.every(isAttributeValue) ? null : "attribute value is not a plain value";
    }
    if (!(content instanceof Y.ContentType)) return "raw content inside an element";
    const child = content.type;
    if (child instanceof Y.XmlText && !(child instanceof Y.XmlHook)) return parentType.inlineContent ? null : `text directly inside ${parent.nodeName}`;
    if (child instanceof Y.XmlElement && !(child instanceof Y.XmlHook)) {
      return children.get(parentType.name)?.has(child.nodeName) ? null : `"${child.nodeName}" is not allowed inside ${parent.nodeName}`;
    }
    return "unsupported shared type inside an element";
  }
  return "content in an unsupported place";
}

function formatRefusal(content: Y.ContentFormat, schema: Schema): string | null {
  const name = content.key.includes("--") ? content.key.slice(0, content.key.indexOf("--")) : content.key;
  const mark = schema.marks[name];
  if (!mark) return `unknown mark "${content.key}"`;
  const value = content.value as unknown;
  // null ends a format; `true` is how plain Yjs clients write an attribute-less mark such as bold.
  if (value === null || value === true) return null;
  if (typeof value !== "object" || Array.isArray(value)) return `mark "${name}" with a value that is not attributes`;
  const declared = mark.spec.attrs ?? {};
  for (const [key, attr] of Object.entries(value as Record<string, unknown>)) {
    if (!(key in declared) || !isAttributeValue(attr)) return `mark "${name}" with attribute "${key}"`;
  }
  return null;
}

/** For an item whose place is not known yet: could it be valid anywhere? */
function implausible(item: Y.Item, { schema }: SchemaRules): string | null {
  const content = item.content;
  if (content instanceof Y.ContentDeleted || content instanceof Y.ContentString || content instanceof Y.ContentAny) return null;
  if (content instanceof Y.ContentFormat) return formatRefusal(content, schema);
  if (content instanceof Y.ContentType) {
    const type = content.type;
    if (type instanceof Y.XmlHook) return "unsupported shared type";
    if (type instanceof Y.XmlElement) return schema.nodes[type.nodeName] ? null : `unknown node type "${type.nodeName}"`;
    if (type instanceof Y.XmlText || type instanceof Y.Map || type instanceof Y.Array) return null;
  }
  return "unsupported content kind";
}

/** Returns a reason (English, for the log) if the update holds content the schema cannot, else null. */
export function findSchemaViolation(decoded: DecodedUpdate, doc: Y.Doc): string | null {
  const resolver = new PlaceResolver(doc, decoded);
  const schemaRulesNow = schemaRules();
  for (const s of decoded.structs) {
    if (!(s instanceof Y.Item)) continue;
    const place = resolver.place(s);
    if (place === "dropped") continue;
    const reason = place === "unknown" ? implausible(s, schemaRulesNow) : refusal(s, place, schemaRulesNow);
    if (reason) return reason;
  }
  return null;
}
