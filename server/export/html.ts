/**
 * The reply as a print-friendly HTML page (GET /api/documents/:id/preview). Every string from
 * the document is escaped; links keep only http(s)/mailto targets.
 */
import type { PMNodeJSON } from "../../shared/template/types.js";
import type { FieldView, ReplyView } from "../../shared/export/view.js";
import { isSafeLinkHref } from "../../shared/schema/editor.js";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const BLOCK_TAGS: Record<string, string> = {
  paragraph: "p",
  bulletList: "ul",
  orderedList: "ol",
  listItem: "li",
  blockquote: "blockquote",
  table: "table",
  tableRow: "tr",
  tableCell: "td",
  tableHeader: "th",
};

function renderText(node: PMNodeJSON): string {
  let html = escapeHtml(node.text ?? "");
  for (const mark of node.marks ?? []) {
    if (mark.type === "bold") html = `<strong>${html}</strong>`;
    else if (mark.type === "italic") html = `<em>${html}</em>`;
    else if (mark.type === "underline") html = `<u>${html}</u>`;
    else if (mark.type === "strike") html = `<s>${html}</s>`;
    else if (mark.type === "link") {
      const href = String(mark.attrs?.href ?? "");
      if (isSafeLinkHref(href)) html = `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${html}</a>`;
    }
  }
  return html;
}

export function renderNodes(nodes: PMNodeJSON[]): string {
  return nodes
    .map((node) => {
      if (node.type === "text") return renderText(node);
      if (node.type === "hardBreak") return "<br>";
      const inner = renderNodes(node.content ?? []);
      if (node.type === "heading") {
        const level = node.attrs?.level === 5 ? 5 : 4;
        return `<h${level}>${inner}</h${level}>`;
      }
      if (node.type === "table") return `<table><tbody>${inner}</tbody></table>`;
      const tag = BLOCK_TAGS[node.type];
      return tag ? `<${tag}>${inner}</${tag}>` : inner;
    })
    .join("");
}

function renderField(field: FieldView): string {
  if ("table" in field) {
    if (field.table.rows.length === 0) return `<p class="field"><span class="label">${escapeHtml(field.label)}:</span> <span class="empty">(ingen)</span></p>`;
    const head = field.table.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join("");
    const rows = field.table.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`).join("");
    return `<table class="field-table"><caption>${escapeHtml(field.label)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
  }
  const value = field.value === "" ? `<span class="empty">(ikke udfyldt)</span>` : escapeHtml(field.value);
  return `<p class="field"><span class="label">${escapeHtml(field.label)}:</span> ${value}</p>`;
}

const STYLE = `
body{font-family:Georgia,"Times New Roman",serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}
h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2.2rem;border-bottom:1px solid #999}h3{font-size:1.1rem;margin-top:1.6rem}
h4.text-label{font-size:1rem;margin:1rem 0 .3rem}.label{font-weight:bold}.empty{color:#555;font-style:italic}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #777;padding:.25rem .5rem;text-align:left;vertical-align:top}
caption{text-align:left;font-weight:bold;padding:.25rem 0}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}h3{break-after:avoid}table{break-inside:avoid}}`;

export function renderReplyHtml(view: ReplyView, heading: string): string {
  const body = view.items
    .map((item) => {
      const blocks = item.blocks
        .map((block) => {
          const texts = block.texts
            .map(
              (t) =>
                `<section class="text">${t.label === null ? "" : `<h4 class="text-label">${escapeHtml(t.label)}</h4>`}${t.fields.map(renderField).join("")}${renderNodes(t.content)}</section>`,
            )
            .join("");
          const heading = block.heading === null ? "" : `<h3>${escapeHtml(block.heading)}</h3>`;
          return `<section class="block">${heading}${block.fields.map(renderField).join("")}${texts}</section>`;
        })
        .join("");
      return `<section class="item"><h2>${escapeHtml(item.heading)}</h2>${blocks}</section>`;
    })
    .join("");
  return `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>${escapeHtml(heading)}</title><style>${STYLE}</style></head><body><main><h1>${escapeHtml(heading)}</h1>${body}</main></body></html>`;
}
