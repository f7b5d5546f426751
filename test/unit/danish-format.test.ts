/** Danish formatting of what the UI shows (dates, numbers) and reading of numbers typed the Danish way. */
import { describe, expect, it } from "vitest";
import { copenhagenToday, formatDate, formatDateTime, formatMonthYear, formatNumber } from "../../client/i18n/da.js";
import { parseDraft } from "../../client/features/editor/fields/inputs.js";
import { formatNumber as formatNumberForExport } from "../../shared/export/format.js";
import { copenhagenDate, danishList } from "../../shared/danish.js";
import { submittedLate } from "../../shared/deadline.js";
import { dateLabel, monthLabel } from "../../shared/template/rules/messages.js";

describe("Danish formatting", () => {
  it("dates: day, month name and year; times with 'kl.' in Copenhagen time", () => {
    expect(formatDate("2025-05-31")).toBe("31. maj 2025");
    expect(formatDate("2025-01-01")).toBe("1. januar 2025");
    expect(formatDateTime("2025-05-03T12:05:00Z")).toBe("3. maj 2025 kl. 14.05"); // summer time, UTC+2
    expect(formatDateTime("2025-12-24T23:30:00Z")).toBe("25. december 2025 kl. 00.30"); // winter time, UTC+1
    expect(formatMonthYear("2026-03")).toBe("marts 2026");
    expect(copenhagenToday(new Date("2025-05-31T22:30:00Z"))).toBe("2025-06-01");
    expect(formatDate("ikke en dato")).toBe("ikke en dato");
  });

  it("one set of formatters: the client, the letter and the completeness messages write the same words", () => {
    expect(copenhagenDate("2025-05-31T22:30:00Z")).toBe("2025-06-01"); // 00:30 on 1 June in Copenhagen
    expect(copenhagenDate("2025-05-31T21:59:00Z")).toBe("2025-05-31");
    expect(copenhagenDate("2025-10-26T22:30:00Z")).toBe("2025-10-26"); // winter time again: 23:30
    expect(copenhagenDate("2025-03-30T22:30:00Z")).toBe("2025-03-31"); // summer time: 00:30
    expect(danishList(["Aalborg", "Brønderslev", "Thisted"])).toBe("Aalborg, Brønderslev og Thisted");
    expect(dateLabel("2025-06-02")).toBe(formatDate("2025-06-02"));
    expect(monthLabel("2026-03")).toBe(formatMonthYear("2026-03"));
  });

  it("a reply sealed at 00:30 on 1 June in Copenhagen is late, one sealed at 23:30 on 31 May is not", () => {
    expect(submittedLate("2025-05-31T22:30:00Z")).toBe(true);
    expect(submittedLate("2025-05-31T21:30:00Z")).toBe(false);
  });

  it("numbers: '.' between thousands, ',' before decimals, the same as in the PDF", () => {
    expect(formatNumber(12_000_000)).toBe("12.000.000");
    expect(formatNumber(4.5)).toBe("4,5");
    expect(formatNumber(1460)).toBe("1.460");
    expect(formatNumber(25)).toBe("25");
    for (const n of [0, 7, 4.5, 1460, 12_000_000, 28_000_000.5]) expect(formatNumber(n)).toBe(formatNumberForExport(n));
  });

  it("reads numbers typed in Danish notation, plain, or as shown in the field", () => {
    expect(parseDraft("int", "12.000.000")).toEqual({ ok: true, value: 12_000_000 });
    expect(parseDraft("int", "12000000")).toEqual({ ok: true, value: 12_000_000 });
    expect(parseDraft("int", " 25 ")).toEqual({ ok: true, value: 25 });
    expect(parseDraft("number", "4,5")).toEqual({ ok: true, value: 4.5 });
    expect(parseDraft("number", "4.5")).toEqual({ ok: true, value: 4.5 });
    expect(parseDraft("number", "1.000")).toEqual({ ok: true, value: 1000 }); // one decimal at most: a thousand
    expect(parseDraft("number", "12.000,5")).toEqual({ ok: true, value: 12_000.5 });
    expect(parseDraft("int", "")).toEqual({ ok: true, value: null });
    for (const shown of [formatNumber(12_000_000), formatNumber(4.5)]) expect(parseDraft("number", shown).ok).toBe(true);
  });

  it("refuses what is ambiguous or not a number, with a Danish reason", () => {
    for (const [type, text] of [
      ["int", "4,5"],
      ["int", "12,000"],
      ["number", "12,000"], // English thousands: ambiguous
      ["number", "4,55"],
      ["int", "12.00"],
      ["int", "-3"],
      ["int", "tolv"],
    ] as const) {
      const result = parseDraft(type, text);
      expect(result.ok, `${type} "${text}"`).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/^Skriv et/);
    }
  });
});
