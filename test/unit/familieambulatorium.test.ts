/**
 * The familieambulatorium is a party to the reply (issue 18, item 4). Where regions.json is unsure
 * of its name, the region confirms it in the reply; the check asks for that, and the letter names
 * the confirmed name instead of the uncertain one.
 */
import { describe, expect, it } from "vitest";
import { REGIONS, findRegion } from "../../shared/regions.js";
import { checkCompleteness } from "../../shared/template/completeness.js";
import { CONFIRMED_FAMILIEAMBULATORIUM } from "../../shared/template/definition.js";
import { buildReplyView } from "../../shared/export/view.js";
import { completeReplyContent, withFields } from "../helpers/completeReply.js";

const check = (regionId: string, content = completeReplyContent(regionId)) =>
  checkCompleteness(content, { regionId, regions: REGIONS, today: "2025-05-20" }).findings.filter((f) => f.ruleId === "I1.9.FAMILIEAMBULATORIUM");
const partiesLine = (regionId: string, content: ReturnType<typeof completeReplyContent>) =>
  buildReplyView(content, { regionId, letter: true })
    .items.flatMap((i) => i.blocks)
    .find((b) => b.id === "i2.parter")!
    .fields.find((f) => f.label === "Familieambulatorier");

describe("the familieambulatorium as a party", () => {
  it("asks an uncertain region to confirm the name, and nobody else", () => {
    expect(findRegion("sjaelland")!.familieambulatorium.uncertain).toBe(true);
    const unconfirmed = withFields(completeReplyContent("sjaelland"), { [CONFIRMED_FAMILIEAMBULATORIUM]: undefined });
    const [finding] = check("sjaelland", unconfirmed);
    expect(finding).toMatchObject({ severity: "fejl", status: "mangler", fieldId: CONFIRMED_FAMILIEAMBULATORIUM });
    expect(finding!.message).toContain("»Familieambulatoriet, Region Sjælland« er usikker");
    expect(check("sjaelland")).toEqual([]);
    expect(check("nordjylland")).toEqual([]);
  });

  it("names the confirmed familieambulatorium in the letter, never the uncertain one", () => {
    const content = withFields(completeReplyContent("sjaelland"), { [CONFIRMED_FAMILIEAMBULATORIUM]: "Familieambulatoriet, Holbæk Sygehus" });
    expect(partiesLine("sjaelland", content)).toEqual({ label: "Familieambulatorier", value: "Familieambulatoriet, Holbæk Sygehus" });
    // No field of the letter names the uncertain one, and the confirmation is not a line of its own.
    const fields = buildReplyView(content, { regionId: "sjaelland", letter: true }).items.flatMap((i) => i.blocks.flatMap((b) => b.fields));
    expect(fields.filter((f) => "value" in f && f.value.includes("Familieambulatoriet, Region Sjælland"))).toEqual([]);
    expect(fields.filter((f) => f.label.includes("bekræftet af regionen"))).toEqual([]);
  });
});
