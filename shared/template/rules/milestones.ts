/** Milestone tables (items 2.3 and 4): half-filled rows and chronological order. */
import { fieldLabel, mangler, ugyldig, type Rule } from "./rule.js";
import { danishList, invalid, missing, monthLabel } from "./messages.js";
import { asLine, asMonthYear, type Values } from "./values.js";

interface Milestone {
  betegnelse: string;
  maaned: string;
}

export function readMilestones(values: Values, key: string): { complete: Milestone[]; partialRows: number[] } {
  const complete: Milestone[] = [];
  const partialRows: number[] = [];
  values.rows(key).forEach((row, i) => {
    const state = values.rowState(key, row);
    if (state === "empty") return;
    const betegnelse = asLine(values.cell(row, "betegnelse"));
    const maaned = asMonthYear(values.cell(row, "maaned"));
    if (state === "complete" && betegnelse && maaned) complete.push({ betegnelse, maaned });
    else partialRows.push(i + 1);
  });
  return { complete, partialRows };
}

/** Advarsel: the filled milestones are not in chronological order (equal months are fine). */
export function orderRule(id: string, blockId: string, key: string): Rule {
  return {
    id,
    blockId,
    severity: "advarsel",
    check: ({ values }) => {
      const { complete } = readMilestones(values, key);
      for (let i = 1; i < complete.length; i++) {
        const before = complete[i - 1]!;
        const after = complete[i]!;
        if (after.maaned < before.maaned) {
          return ugyldig(
            key,
            invalid(
              `${fieldLabel(key)} står ikke i tidsmæssig rækkefølge: »${after.betegnelse}« (${monthLabel(after.maaned)}) står efter »${before.betegnelse}« (${monthLabel(before.maaned)})`,
            ),
          );
        }
      }
      return null;
    },
  };
}

/** A half-filled milestone row (spec §0: `ugyldig`); `requireOne` also reports a table with no filled row. */
export function filledRule(id: string, blockId: string, key: string, requireOne: boolean): Rule {
  return {
    id,
    blockId,
    severity: "advarsel",
    check: ({ values }) => {
      const { complete, partialRows } = readMilestones(values, key);
      const label = fieldLabel(key);
      if (requireOne && complete.length === 0) return mangler(key, missing(label, "angiv betegnelse og måned/år for mindst én milepæl"));
      if (partialRows.length === 0) return null;
      return ugyldig(key, invalid(`${label} – række ${danishList(partialRows.map(String))} mangler betegnelse eller måned/år`));
    },
  };
}
