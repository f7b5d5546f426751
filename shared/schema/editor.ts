/**
 * The ONE editor schema, shared by the browser editor and the server (headless).
 *
 * Document shape (fixed by the template; only the server creates or removes structural nodes):
 *
 *   doc
 *   └─ replyItem[id]            one per template item: hoved, indledning, i1, i2, i3, i4, bilag
 *      └─ replyBlock[id]        one per template block, e.g. "i1.hjemmel"
 *         └─ textField[id]      one per rich-text field, e.g. "i1.hjemmel.tekst"
 *            └─ block+          free rich text: paragraphs, lists, tables, sub-headings
 *
 * The template's headings and guidance are NOT text in the document: the client renders them
 * from the template data by id, so they cannot be deleted or retyped, and the export takes the
 * headings from the same data. Typed field values (choices, dates, numbers, rows) live beside the
 * text in the Y.Map `fields` of the same Y.Doc (see shared/content/fields.ts).
 *
 * The client adds node views and interaction plugins with `.extend()`; that never changes the
 * schema. Any change here bumps EDITOR_SCHEMA_VERSION.
 */
import { Mark, Node, mergeAttributes, getSchema, type AnyExtension } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { TableKit } from "@tiptap/extension-table";

/** Name of the Y.XmlFragment that holds the rich text (Tiptap Collaboration's default). */
export const YDOC_FRAGMENT = "default";
/** Name of the Y.Map that holds typed field values. */
export const YDOC_FIELDS = "fields";
/** Name of the Y.Map that holds document metadata written by the server (template id and version). */
export const YDOC_META = "meta";

export const STRUCTURAL_NODE_NAMES = ["replyItem", "replyBlock", "textField"] as const;

/** Only http(s) and mailto links are allowed; everything else (javascript:, data:, …) is dropped. */
export function isSafeLinkHref(href: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(href.trim());
}

function idAttribute(dataName: string) {
  return {
    id: {
      default: null as string | null,
      parseHTML: (el: HTMLElement) => el.getAttribute(dataName),
      renderHTML: (attrs: Record<string, unknown>) => ({ [dataName]: attrs.id }),
    },
  };
}

export const Document = Node.create({
  name: "doc",
  topNode: true,
  content: "replyItem+",
});

export const ReplyItem = Node.create({
  name: "replyItem",
  content: "replyBlock+",
  isolating: true,
  defining: true,
  selectable: false,
  draggable: false,
  addAttributes: () => idAttribute("data-item"),
  parseHTML: () => [{ tag: "section[data-item]" }],
  renderHTML: ({ HTMLAttributes }) => ["section", mergeAttributes(HTMLAttributes, { class: "reply-item" }), 0],
});

export const ReplyBlock = Node.create({
  name: "replyBlock",
  content: "textField*",
  isolating: true,
  defining: true,
  selectable: false,
  draggable: false,
  addAttributes: () => idAttribute("data-block"),
  parseHTML: () => [{ tag: "div[data-block]" }],
  renderHTML: ({ HTMLAttributes }) => ["div", mergeAttributes(HTMLAttributes, { class: "reply-block" }), 0],
});

export const TextField = Node.create({
  name: "textField",
  content: "block+",
  isolating: true,
  defining: true,
  selectable: false,
  draggable: false,
  addAttributes: () => idAttribute("data-field"),
  parseHTML: () => [{ tag: "div[data-field]" }],
  renderHTML: ({ HTMLAttributes }) => ["div", mergeAttributes(HTMLAttributes, { class: "text-field" }), 0],
});

/**
 * Anchor of a comment thread: a mark whose only attribute is the thread id. Thread bodies live
 * on the server, never in the document. `excludes: ""` lets threads overlap.
 */
export const CommentMark = Mark.create({
  name: "comment",
  inclusive: false,
  excludes: "",
  spanning: true,
  addAttributes: () => ({
    threadId: {
      default: null as string | null,
      parseHTML: (el: HTMLElement) => el.getAttribute("data-thread"),
      renderHTML: (attrs: Record<string, unknown>) => ({ "data-thread": attrs.threadId }),
    },
  }),
  parseHTML: () => [{ tag: "span[data-thread]" }],
  renderHTML: ({ HTMLAttributes }) => ["span", mergeAttributes(HTMLAttributes, { class: "comment-anchor" }), 0],
});

/** The extensions that define the schema. The client configures the same list plus view-only ones. */
export function editorSchemaExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      document: false,
      undoRedo: false, // Collaboration brings its own undo that only undoes one's own changes
      trailingNode: false, // would append a paragraph at doc level, which the template forbids
      codeBlock: false,
      code: false,
      horizontalRule: false,
      heading: { levels: [4, 5] },
      link: {
        openOnClick: false,
        autolink: true,
        protocols: ["http", "https", "mailto"],
        isAllowedUri: (url: string) => isSafeLinkHref(url),
      },
    }),
    TableKit.configure({ table: { resizable: false } }),
    Document,
    ReplyItem,
    ReplyBlock,
    TextField,
    CommentMark,
  ];
}

let cachedSchema: ReturnType<typeof getSchema> | undefined;
/** The ProseMirror schema, built headless (no DOM needed). */
export function editorSchema() {
  cachedSchema ??= getSchema(editorSchemaExtensions());
  return cachedSchema;
}
