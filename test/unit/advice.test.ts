/** The case worker's advarsler (shared/template/rules/advice.ts) near their thresholds: each fires just past it and not before. */
import { describe, expect, it } from "vitest";
import { REGIONS } from "../../shared/regions.js";
import { checkCompleteness } from "../../shared/template/completeness.js";
import type { ReplyContent } from "../../shared/template/types.js";
import { completeReplyContent, withField, withFields, withRowCell, withText } from "../helpers/completeReply.js";

const fired = (content: ReplyContent, ruleId: string) =>
  checkCompleteness(content, { regionId: "nordjylland", regions: REGIONS, today: "2025-05-20" }).findings.some((f) => f.ruleId === ruleId);
const base = completeReplyContent("nordjylland");
const staff = (rows: [string, number, "egen" | "tilkoeb"][]) =>
  withField(
    base,
    "i1.kompetencer.tabel",
    rows.map(([faggruppe, aarsvaerk, levering], i) => ({ id: `k${i}`, faggruppe, aarsvaerk, levering })),
  );

describe("case-worker advarsler at their thresholds", () => {
  it("average stay: 60 days is enough, 59 is not", () => {
    // 10 places: 60 women give 61 days, 62 women give 59.
    expect(fired(withFields(base, { "i1.organisering.pladser": 10, "i1.organisering.kapacitet": 60 }), "R.KAPACITET.OPHOLD")).toBe(false);
    expect(fired(withFields(base, { "i1.organisering.pladser": 10, "i1.organisering.kapacitet": 62 }), "R.KAPACITET.OPHOLD")).toBe(true);
  });

  it("round-the-clock staff counts only the unit's own årsværk", () => {
    expect(
      fired(
        staff([
          ["Socialrådgiver", 2, "egen"],
          ["Sygeplejerske", 2, "egen"],
          ["Familiebehandler", 2, "egen"],
        ]),
        "R.BEMANDING.DOEGN",
      ),
    ).toBe(false);
    expect(
      fired(
        staff([
          ["Socialrådgiver", 1, "egen"],
          ["Sygeplejerske", 2, "egen"],
          ["Psykolog", 6, "tilkoeb"],
        ]),
        "R.BEMANDING.DOEGN",
      ),
    ).toBe(true);
  });

  it("past milestones of an agreement already made are not questioned", () => {
    const past = withRowCell(base, "i2.tidsplan.milepaele", 0, "maaned", "2025-03");
    expect(fired(past, "R.AFTALE.MILEPAEL-FORTID")).toBe(true);
    expect(fired(withFields(past, { "i2.tidsplan.status": "indgaaet", "i2.tidsplan.maaned": "2025-04" }), "R.AFTALE.MILEPAEL-FORTID")).toBe(false);
  });

  it("financing that is settled in words is not flagged; 'endnu ikke aftalt' is", () => {
    const text = (t: string) => withText(base, "i3.finansiering.drift", `Driften finansieres som en kombination af objektiv finansiering og takst. ${t}`);
    expect(fired(text("Fordelingsnøglen er afklaret i KKR."), "R.FINANSIERING.AFKLARET")).toBe(false);
    expect(fired(text("Fordelingsnøglen er endnu ikke aftalt."), "R.FINANSIERING.AFKLARET")).toBe(true);
  });

  it("repeated element text counts from five words", () => {
    const same = (t: string) => withText(withText(base, "i1.elementer.E01.hvordan", t), "i1.elementer.E02.hvordan", t);
    expect(fired(same("Se beskrivelsen ovenfor."), "R.ELEMENTER.GENTAGET")).toBe(false);
    expect(fired(same("Indgår som en del af den samlede indsats."), "R.ELEMENTER.GENTAGET")).toBe(true);
  });
});
