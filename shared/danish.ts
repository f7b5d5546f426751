/**
 * The one set of Danish formatters, for the client, the server, the completeness messages, mail
 * and the sealed letter: dates, times (always in Europe/Copenhagen), numbers and lists. The
 * month names are spelled out here rather than taken from Intl, so every place and every ICU
 * version writes the same words.
 */
const MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];
const TIME_ZONE = "Europe/Copenhagen";

const copenhagenParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const numberFormat = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 1 });

function partsOf(instant: Date): Record<"year" | "month" | "day" | "hour" | "minute", string> {
  const parts = copenhagenParts.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return { year: part("year"), month: part("month"), day: part("day"), hour: part("hour"), minute: part("minute") };
}

/** The calendar date in Copenhagen of an instant, as YYYY-MM-DD (00:30 on 1 June there is 1 June). */
export function copenhagenDate(instant: Date | string): string {
  const date = typeof instant === "string" ? new Date(instant) : instant;
  const { year, month, day } = partsOf(date);
  return `${year}-${month}-${day}`;
}

/** Today's date in Copenhagen as YYYY-MM-DD (the reply's dates are Danish dates). */
export function copenhagenToday(now: Date = new Date()): string {
  return copenhagenDate(now);
}

/** "2025-05-31" (a calendar date) → "31. maj 2025". Other strings are returned unchanged. */
export function formatDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])}. ${month} ${m[1]}` : isoDate;
}

/** "2026-03" → "marts 2026". Other strings are returned unchanged. */
export function formatMonthYear(monthYear: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(monthYear);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${month} ${m[1]}` : monthYear;
}

/** An ISO timestamp → "3. maj 2025 kl. 14.05" in Copenhagen time. Other strings are returned unchanged. */
export function formatDateTime(isoTimestamp: string): string {
  const date = new Date(isoTimestamp);
  if (Number.isNaN(date.getTime())) return isoTimestamp;
  const p = partsOf(date);
  return `${formatDate(`${p.year}-${p.month}-${p.day}`)} kl. ${p.hour}.${p.minute}`;
}

/** A number with Danish separators: thousands with ".", decimals with "," ("12.000.000", "4,5"). */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** ["A"] → "A"; ["A", "B", "C"] → "A, B og C". */
export function danishList(names: readonly string[], conjunction: "og" | "eller" = "og"): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} ${conjunction} ${names[names.length - 1]}`;
}
