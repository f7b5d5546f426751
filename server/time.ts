/** Today's date in Europe/Copenhagen as YYYY-MM-DD (the reply's dates are Danish dates). */
export function copenhagenToday(now = new Date()): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Copenhagen" }).format(now);
}
