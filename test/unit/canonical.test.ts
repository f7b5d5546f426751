import { describe, expect, it } from "vitest";
import { canonicalContent, canonicalJson } from "../../shared/content/canonical.js";
import { sha256Canonical } from "../../server/workflow/content-hash.js";
import type { ReplyContent } from "../../shared/template/types.js";

const content = (texts: ReplyContent["texts"], fields: ReplyContent["fields"] = {}): ReplyContent => ({
  templateId: "sbst-fornyet-behandling-2025",
  templateVersion: 1,
  texts,
  fields,
});

describe("canonical content", () => {
  it("serialises keys in RFC 8785 order regardless of insertion order", () => {
    expect(canonicalJson({ b: 1, a: [true, "æøå"], c: { y: 1, x: 2 } })).toBe('{"a":[true,"æøå"],"b":1,"c":{"x":2,"y":1}}');
  });

  it("ignores comment anchors: a commented text hashes like the plain text", () => {
    const plain = content({ f: [{ type: "paragraph", content: [{ type: "text", text: "Fælles plan for kvinden" }] }] });
    const commented = content({
      f: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Fælles " },
            { type: "text", text: "plan", marks: [{ type: "comment", attrs: { threadId: "t1" } }] },
            { type: "text", text: " for kvinden" },
          ],
        },
      ],
    });
    expect(sha256Canonical(canonicalContent(commented, "nordjylland"))).toBe(sha256Canonical(canonicalContent(plain, "nordjylland")));
  });

  it("changes the hash when a word, a field value or the region changes", () => {
    const base = content({ f: [{ type: "paragraph", content: [{ type: "text", text: "tekst" }] }] }, { "i4.driftsstart": "2027-01" });
    const h = (c: ReplyContent, region = "nordjylland") => sha256Canonical(canonicalContent(c, region));
    expect(h(base)).not.toBe(h(content({ f: [{ type: "paragraph", content: [{ type: "text", text: "Tekst" }] }] }, { "i4.driftsstart": "2027-01" })));
    expect(h(base)).not.toBe(h(content(base.texts, { "i4.driftsstart": "2027-02" })));
    expect(h(base)).not.toBe(h(base, "hovedstaden"));
    expect(h(base)).toMatch(/^[0-9a-f]{64}$/);
  });
});
