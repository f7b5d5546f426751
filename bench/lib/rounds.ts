/**
 * Several rounds of the same measurement, folded into one figure per metric: the best (lowest)
 * value. Other work on a shared machine can only make a server slower or bigger, never faster,
 * so the best of a few rounds (run in alternating server order) is the closest estimate of the
 * server's own cost. Counts and labels come from the first round; a flag holds only if it held
 * in every round.
 */
export function bestOf<T>(runs: T[]): T {
  if (runs.length === 0) throw new Error("no runs to fold");
  return fold(runs as unknown[]) as T;
}

/** Set by the scenario, not measured: the first round's value stands. */
const GIVEN = new Set([
  "clients",
  "edits",
  "rooms",
  "perRoom",
  "connections",
  "editsPerSecondPerRoom",
  "frames",
  "docBytesV1",
  "docBytesV2",
  "contentBytes",
  "content",
  "coldLoadNote",
]);
/** Worse when larger, and a loss in any round counts: the largest value stands. */
const WORST = new Set(["undelivered"]);

function fold(values: unknown[], key = ""): unknown {
  const first = values[0];
  if (GIVEN.has(key)) return first;
  if (WORST.has(key)) return Math.max(...values.map(Number));
  if (typeof first === "number") {
    const numbers = values.filter((v): v is number => typeof v === "number" && !Number.isNaN(v));
    return numbers.length === 0 ? first : Math.min(...numbers);
  }
  if (typeof first === "boolean") return values.every((v) => v === true);
  if (first === null || typeof first !== "object" || Array.isArray(first)) return first;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(first)) {
    // a field that is null in some round (no cold load possible) stays as the first round has it
    const column = values.map((v) => (v as Record<string, unknown> | null)?.[key]);
    out[key] = column.some((v) => v === null || v === undefined) ? column[0] : fold(column, key);
  }
  return out;
}
