/**
 * Is the synced document one this client can show? It must hold the server-seeded template
 * (replyItem nodes) of the template version this client knows. If not, the page shows an error
 * and never mounts the editor: an empty fragment is never filled client-side.
 */
import * as Y from "yjs";
import { YDOC_FRAGMENT, YDOC_META } from "../../../shared/schema/editor.js";
import { TEMPLATE } from "../../../shared/template/definition.js";
import { da } from "../../i18n/da.js";

export function templateProblem(ydoc: Y.Doc): string | null {
  const fragment = ydoc.getXmlFragment(YDOC_FRAGMENT);
  const hasItems = fragment.toArray().some((node) => node instanceof Y.XmlElement && node.nodeName === "replyItem");
  if (!hasItems) return da.editor.noTemplate;
  const version = ydoc.getMap(YDOC_META).get("templateVersion");
  if (typeof version === "number" && version !== TEMPLATE.version) return da.editor.templateMismatch(version, TEMPLATE.version);
  return null;
}
