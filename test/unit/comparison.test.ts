/** The comparison's projection: a reply's content → the values and Danish text of the agency's side-by-side table. */
import { describe, expect, it } from "vitest";
import { COMPARISON_ITEMS, capacityReplyOf, comparisonValues, submissionText, type ComparisonValues } from "../../shared/comparison.js";
import { ComparisonValuesSchema } from "../../shared/validation/responses.js";
import { completeReplyContent, crossRegionalReplyContent, withFields } from "../helpers/completeReply.js";

const textOf = (values: ComparisonValues) =>
  Object.fromEntries(COMPARISON_ITEMS.flatMap((item) => item.rows.map((row) => [row.id, row.text(values)] as const)));

describe("comparison projection", () => {
  it("reads the compared points of a complete reply, with the template's labels", () => {
    const values = comparisonValues(completeReplyContent("nordjylland"));
    expect(ComparisonValuesSchema.parse(values)).toEqual(values);
    expect(values).toEqual({
      omfang: "Regional løsning (kommunerne i regionen)",
      partnere: [],
      tilknytning: "Afdeling på eksisterende tilbud",
      pladser: 14,
      kapacitet: 25,
      samarbejdsaftaleStatus: "Aftalen indgås senest",
      samarbejdsaftale: "2025-12",
      driftsherre: "Kommunalt – delt mellem flere kommunalbestyrelser",
      finansieringsmodeller: ["Takstfinansiering", "Objektiv finansiering"],
      etableringKr: 12_000_000,
      driftKrPrAar: 28_000_000,
      driftsstart: "2026-09",
    });
  });

  it("writes each row in Danish, item by item", () => {
    const text = textOf(comparisonValues(completeReplyContent("nordjylland")));
    expect(text).toEqual({
      model: "Regional løsning (kommunerne i regionen)\nAfdeling på eksisterende tilbud",
      pladser: "14",
      kapacitet: "25",
      samarbejdsaftale: "Aftalen indgås senest: december 2025",
      finansieringsmodel: "Takstfinansiering\nObjektiv finansiering",
      etablering: "12.000.000 kr.",
      drift: "28.000.000 kr.",
      driftsherre: "Kommunalt – delt mellem flere kommunalbestyrelser",
      driftsstart: "september 2026",
    });
    expect(COMPARISON_ITEMS.map((i) => i.item)).toEqual(["1", "2", "3", "4"]);
  });

  it("names the partner regions of a cross-regional solution", () => {
    const values = comparisonValues(crossRegionalReplyContent("nordjylland", "midtjylland"));
    expect(values.omfang).toMatch(/^Tværregional/);
    expect(values.partnere).toEqual(["Region Midtjylland"]);
    expect(textOf(values).model).toContain("Sammen med Region Midtjylland");
    expect(capacityReplyOf("nordjylland", crossRegionalReplyContent("nordjylland", "midtjylland"))).toMatchObject({
      regionId: "nordjylland",
      state: "indsendt",
      crossRegional: true,
      partners: ["midtjylland"],
    });
  });

  it("reads missing or malformed values as not stated, never throwing", () => {
    const broken = withFields(completeReplyContent("nordjylland"), {
      "i1.organisering.omfang": "noget andet",
      "i1.organisering.pladser": -3,
      "i1.organisering.kapacitet": "25",
      "i3.finansiering.modeller": ["ukendt"],
      "i3.finansiering.etableringKr": undefined,
      "i4.driftsstart": "2026-13",
    });
    const values = comparisonValues(broken);
    expect(values).toMatchObject({ omfang: null, pladser: null, kapacitet: null, finansieringsmodeller: [], etableringKr: null, driftsstart: null });
    expect(textOf(values)).toMatchObject({
      pladser: "Ikke angivet",
      etablering: "Ikke angivet",
      finansieringsmodel: "Ikke angivet",
      driftsstart: "Ikke angivet",
    });
    expect(textOf(values).model).toBe("Ikke angivet\nAfdeling på eksisterende tilbud");
    for (const content of [null, 42, "x", { fields: [] }, { fields: { "i1.organisering.pladser": 1.5 } }]) {
      expect(ComparisonValuesSchema.safeParse(comparisonValues(content)).success).toBe(true);
    }
  });

  it("says when a column was submitted, as a Copenhagen date", () => {
    expect(submissionText(null)).toBe("Ikke indsendt");
    expect(submissionText("2026-05-31T22:30:00.000Z")).toBe("Indsendt 1. juni 2026");
  });
});
