/**
 * The seed of a new reply: the template skeleton (every item, block and text field, each text
 * field holding one empty paragraph), the template id and version in `meta`, and the initial
 * field values of the region.
 *
 * The seed update is deterministic: a fresh Y.Doc with the fixed client id SEED_CLIENT_ID writes
 * the same content in the same order, so two calls give byte-identical updates and applying the
 * seed twice (two server instances racing, or a replay) changes nothing.
 */
import * as Y from "yjs";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import type { FieldValue, PMNodeJSON, RowValue } from "./types.js";
import { SUGGESTED_MILESTONES, TEMPLATE, findField } from "./definition.js";
import { REGIONS, findRegion, municipalitiesOf, type RegionsData } from "../regions.js";
import { YDOC_FRAGMENT, YDOC_META, editorSchema } from "../schema/editor.js";
import { writeFieldValue } from "../content/write.js";

/** Yjs client id of every seed write. Clients never use it: Yjs picks random 32-bit ids. */
export const SEED_CLIENT_ID = 1;

export function buildSeedDocJSON(): PMNodeJSON {
  return {
    type: "doc",
    content: TEMPLATE.items.map((item) => ({
      type: "replyItem",
      attrs: { id: item.id },
      content: item.blocks.map((block) => ({
        type: "replyBlock",
        attrs: { id: block.id },
        content: block.texts.map((text) => ({ type: "textField", attrs: { id: text.id }, content: [{ type: "paragraph" }] })),
      })),
    })),
  };
}

/** The values a new reply starts with; throws for a region that regions.json does not know. */
export function initialFieldValues(regionId: string, regions: RegionsData = REGIONS): Record<string, FieldValue> {
  const region = findRegion(regionId, regions);
  if (!region) throw new Error(`unknown region ${regionId}`);
  const milestones: RowValue[] = SUGGESTED_MILESTONES.map((betegnelse, i) => ({ id: `m${i + 1}`, betegnelse }));
  return {
    "hoved.afsender": `Kommunalbestyrelserne i ${region.name} v/ ${region.coordinatingSecretariat.name}`,
    "i2.parter.kommuner": municipalitiesOf(regionId, regions).map((m) => m.code),
    "i4.milepaele": milestones,
  };
}

export function createSeedUpdate(regionId: string): Uint8Array {
  const values = initialFieldValues(regionId);
  const doc = new Y.Doc();
  doc.clientID = SEED_CLIENT_ID; // before any write: every item of the seed gets this client id
  try {
    doc.transact(() => {
      prosemirrorJSONToYXmlFragment(editorSchema(), buildSeedDocJSON(), doc.getXmlFragment(YDOC_FRAGMENT));
      const meta = doc.getMap(YDOC_META);
      meta.set("templateId", TEMPLATE.templateId);
      meta.set("templateVersion", TEMPLATE.version);
      for (const [key, value] of Object.entries(values)) {
        const def = findField(key);
        if (!def) throw new Error(`seed value for unknown field ${key}`);
        writeFieldValue(doc, def, value);
      }
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
