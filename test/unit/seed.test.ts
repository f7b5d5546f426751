/**
 * The seed (deterministic Yjs update of the template skeleton and initial values) and the
 * ReplyContent round trip through a Y.Doc (extractReplyContent / writeReplyContent).
 */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import type { Node as PMNode } from "@tiptap/pm/model";
import { SEED_CLIENT_ID, buildSeedDocJSON, createSeedUpdate, initialFieldValues } from "../../shared/template/seed";
import { TEMPLATE, allBlocks, allTextFields } from "../../shared/template/definition";
import { extractReplyContent } from "../../shared/content/extract";
import { writeReplyContent } from "../../shared/content/write";
import { readAllFields } from "../../shared/content/fields";
import { YDOC_FRAGMENT, YDOC_META, editorSchema } from "../../shared/schema/editor";
import { REGIONS, municipalitiesOf } from "../../shared/regions";
import { checkCompleteness } from "../../shared/template/completeness";
import { ProtectedIds, decodeUpdate, findStructureViolation } from "../../server/collab/guard";
import { checkContext, completeReplyContent, paragraphs, withText } from "../helpers/completeReply";

const REGION = "nordjylland";

function seededDoc(regionId = REGION): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, createSeedUpdate(regionId));
  return doc;
}

function idsOf(root: PMNode, typeName: string): string[] {
  const ids: string[] = [];
  root.descendants((node) => {
    if (node.type.name === typeName) ids.push(node.attrs.id as string);
    return node.type.name !== "textField";
  });
  return ids;
}

/** Records the updates `write` makes to `doc`. */
function updatesOf(doc: Y.Doc, write: () => void): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const onUpdate = (u: Uint8Array) => updates.push(u);
  doc.on("update", onUpdate);
  try {
    write();
  } finally {
    doc.off("update", onUpdate);
  }
  return updates;
}

describe("createSeedUpdate", () => {
  it("is byte-identical across calls, for every region", () => {
    for (const region of REGIONS.regions) {
      const a = createSeedUpdate(region.id);
      const b = createSeedUpdate(region.id);
      expect(Buffer.from(a).equals(Buffer.from(b)), region.id).toBe(true);
    }
    expect(Buffer.from(createSeedUpdate("nordjylland")).equals(Buffer.from(createSeedUpdate("midtjylland")))).toBe(false);
  });

  it("is a no-op when applied twice", () => {
    const doc = seededDoc();
    const before = Y.encodeStateAsUpdate(doc);
    const updates = updatesOf(doc, () => Y.applyUpdate(doc, createSeedUpdate(REGION)));
    expect(updates).toEqual([]);
    expect(Buffer.from(Y.encodeStateAsUpdate(doc)).equals(Buffer.from(before))).toBe(true);
  });

  it("writes with the seed client id only", () => {
    const doc = seededDoc();
    expect([...doc.store.clients.keys()]).toEqual([SEED_CLIENT_ID]);
  });

  it("converts to a valid editor document with every item, block and text field in template order", () => {
    const doc = seededDoc();
    const root = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(YDOC_FRAGMENT), editorSchema());
    expect(() => root.check()).not.toThrow();
    expect(idsOf(root, "replyItem")).toEqual(TEMPLATE.items.map((i) => i.id));
    expect(idsOf(root, "replyBlock")).toEqual(allBlocks().map((b) => b.id));
    expect(idsOf(root, "textField")).toEqual(allTextFields().map((t) => t.id));
    root.descendants((node) => {
      if (node.type.name === "textField") expect(node.toJSON().content).toEqual([{ type: "paragraph" }]);
      return node.type.name !== "textField";
    });
    expect(root.toJSON()).toEqual(editorSchema().nodeFromJSON(buildSeedDocJSON()).toJSON());
  });

  it("stores the template id and version and the region's initial values", () => {
    const doc = seededDoc();
    expect(doc.getMap(YDOC_META).toJSON()).toEqual({ templateId: "sbst-fornyet-behandling-2025", templateVersion: 1 });
    const fields = readAllFields(doc);
    expect(fields["hoved.afsender"]).toBe("Kommunalbestyrelserne i Region Nordjylland v/ KKR Nordjylland – rammeaftalesekretariatet");
    expect(fields["i2.parter.kommuner"]).toEqual(
      municipalitiesOf(REGION)
        .map((m) => m.code)
        .sort(),
    );
    expect(fields["i4.milepaele"]).toEqual([
      { id: "m1", betegnelse: "Politisk behandling i kommunalbestyrelserne" },
      { id: "m2", betegnelse: "Godkendelse af tilbuddet i Socialtilsynet" },
      { id: "m3", betegnelse: "Rekruttering og kompetenceudvikling" },
      { id: "m4", betegnelse: "Fuld kapacitet" },
    ]);
    expect(Object.keys(fields).sort()).toEqual(Object.keys(initialFieldValues(REGION)).sort());
  });

  it("refuses an unknown region", () => {
    expect(() => createSeedUpdate("atlantis")).toThrow(/unknown region/);
  });
});

describe("extractReplyContent / writeReplyContent", () => {
  it("extracts the seeded document", () => {
    const content = extractReplyContent(seededDoc());
    expect(content.templateId).toBe(TEMPLATE.templateId);
    expect(content.templateVersion).toBe(TEMPLATE.version);
    expect(Object.keys(content.texts)).toEqual(allTextFields().map((t) => t.id));
    expect(Object.values(content.texts).every((t) => JSON.stringify(t) === JSON.stringify([{ type: "paragraph" }]))).toBe(true);
    expect(content.fields).toEqual(initialFieldValues(REGION));
  });

  it("round-trips a complete reply", () => {
    const doc = seededDoc();
    const complete = completeReplyContent(REGION);
    writeReplyContent(doc, complete);
    const extracted = extractReplyContent(doc);
    expect(extracted).toEqual(complete);
    expect(checkCompleteness(extracted, checkContext(REGION)).ok).toBe(true);
  });

  it("round-trips marks, lists and headings as the schema normalises them", () => {
    const doc = seededDoc();
    const rich = withText(completeReplyContent(REGION), "bilag.tekst", [
      { type: "heading", attrs: { level: 4 }, content: [{ type: "text", text: "Bilag" }] },
      {
        type: "paragraph",
        content: [
          { type: "text", text: "fed", marks: [{ type: "bold" }] },
          { type: "text", text: " og kommentar", marks: [{ type: "comment", attrs: { threadId: "t1" } }] },
        ],
      },
      { type: "orderedList", content: [{ type: "listItem", content: paragraphs("punkt") }] },
    ]);
    writeReplyContent(doc, rich);
    const once = extractReplyContent(doc);
    const again = seededDoc();
    writeReplyContent(again, once);
    expect(extractReplyContent(again)).toEqual(once);
    expect(once.texts["bilag.tekst"]![1]).toEqual({
      type: "paragraph",
      content: [
        { type: "text", text: "fed", marks: [{ type: "bold", attrs: {} }] },
        { type: "text", text: " og kommentar", marks: [{ type: "comment", attrs: { threadId: "t1" } }] },
      ],
    });
  });

  it("never touches the template structure (the server's guard accepts every update)", () => {
    const doc = seededDoc();
    const guard = ProtectedIds.fromDoc(doc);
    const updates = updatesOf(doc, () => {
      writeReplyContent(doc, completeReplyContent(REGION));
      writeReplyContent(doc, extractReplyContent(seededDoc())); // restore the seeded state
    });
    expect(updates.length).toBeGreaterThan(0);
    for (const u of updates) expect(findStructureViolation(decodeUpdate(u), guard)).toBeNull();
    const root = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(YDOC_FRAGMENT), editorSchema());
    expect(idsOf(root, "textField")).toEqual(allTextFields().map((t) => t.id));
  });

  it("restores an older version exactly, and rewriting the current state changes nothing", () => {
    const doc = seededDoc();
    const seeded = extractReplyContent(doc);
    writeReplyContent(doc, completeReplyContent(REGION));
    writeReplyContent(doc, seeded);
    expect(extractReplyContent(doc)).toEqual(seeded);
    expect(updatesOf(doc, () => writeReplyContent(doc, seeded))).toEqual([]);
  });

  it("writes every text field, with an empty paragraph where the content has none", () => {
    const doc = seededDoc();
    writeReplyContent(doc, completeReplyContent(REGION));
    const partial = withText(withText(completeReplyContent(REGION), "bilag.tekst", undefined), "indledning.tekst", []);
    writeReplyContent(doc, partial);
    const texts = extractReplyContent(doc).texts;
    expect(texts["bilag.tekst"]).toEqual([{ type: "paragraph" }]);
    expect(texts["indledning.tekst"]).toEqual([{ type: "paragraph" }]);
  });

  it("refuses content that does not fit the schema or the template, without writing anything", () => {
    const doc = seededDoc();
    const before = Y.encodeStateAsUpdate(doc);
    const badNode = withText(completeReplyContent(REGION), "i1.hjemmel.tekst", [{ type: "text", text: "løs tekst" }]);
    expect(() => writeReplyContent(doc, badNode)).toThrow();
    const badType = withText(completeReplyContent(REGION), "i1.hjemmel.tekst", [{ type: "replyItem", attrs: { id: "x" } }]);
    expect(() => writeReplyContent(doc, badType)).toThrow();
    expect(() => writeReplyContent(doc, { ...completeReplyContent(REGION), templateId: "andet" })).toThrow(/template/);
    expect(Buffer.from(Y.encodeStateAsUpdate(doc)).equals(Buffer.from(before))).toBe(true);
  });

  it("returns JSON that shares nothing with the document", () => {
    const doc = seededDoc();
    writeReplyContent(
      doc,
      withText(completeReplyContent(REGION), "bilag.tekst", [
        { type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "comment", attrs: { threadId: "t1" } }] }] },
      ]),
    );
    const first = extractReplyContent(doc);
    first.texts["bilag.tekst"]![0]!.content![0]!.marks![0]!.attrs!.threadId = "changed";
    expect(extractReplyContent(doc).texts["bilag.tekst"]![0]!.content![0]!.marks![0]!.attrs!.threadId).toBe("t1");
  });
});
