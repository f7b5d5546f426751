/**
 * The agency's comparison (shared/comparison.ts) as an XLSX workbook: one sheet "Sammenligning",
 * a header row of region names, the first column (the row labels) in bold, one row per point
 * item by item, and the national need against the capacity of the submitted replies. Numbers
 * are written as numbers so the agency can sum them. exceljs is large and is loaded only when a
 * file is asked for.
 */
import type { Worksheet } from "exceljs";
import { COMPARISON_ITEMS, submissionText } from "../../shared/comparison.js";
import { formatNumber } from "../../shared/danish.js";
import type { ComparisonResponse } from "../../shared/validation/responses.js";

export const SHEET_NAME = "Sammenligning";

function addRow(sheet: Worksheet, cells: (string | number | null)[], options: { bold?: boolean; numberFormat?: string } = {}): void {
  const row = sheet.addRow(cells);
  row.alignment = { vertical: "top", wrapText: true };
  if (options.bold) row.font = { bold: true };
  const { numberFormat } = options;
  if (!numberFormat) return;
  row.eachCell((cell, col) => {
    if (col > 1 && typeof cell.value === "number") cell.numFmt = numberFormat;
  });
}

export async function comparisonWorkbook(comparison: ComparisonResponse): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Regionssvar";
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: "frozen", xSplit: 1, ySplit: 1 }] });
  const { columns } = comparison;

  addRow(sheet, ["", ...columns.map((c) => c.regionName)], { bold: true });
  addRow(sheet, ["Status", ...columns.map((c) => submissionText(c.sealedAt))]);
  for (const item of COMPARISON_ITEMS) {
    addRow(sheet, [item.heading], { bold: true });
    for (const def of item.rows) {
      const cells = columns.map((c) => {
        if (c.values === null) return null;
        const n = def.number?.(c.values);
        return n === undefined || n === null ? def.text(c.values) : n;
      });
      addRow(sheet, [def.label, ...cells], def.numberFormat ? { numberFormat: def.numberFormat } : {});
    }
  }
  addRow(sheet, []);
  const { min, max } = comparison.nationalNeed;
  addRow(sheet, ["Nationalt behov (kvinder pr. år)", `${formatNumber(min)}–${formatNumber(max)}`]);
  addRow(sheet, ["Samlet kapacitet i de indsendte svar (kvinder pr. år)", comparison.nationalCapacity], { numberFormat: "#,##0" });
  addRow(sheet, ["Indsendte svar", `${comparison.submittedCount} af ${columns.length}`]);

  sheet.getColumn(1).width = 42;
  sheet.getColumn(1).font = { bold: true };
  columns.forEach((_, i) => (sheet.getColumn(i + 2).width = 34));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
