/**
 * Stable presence colours: every organisation (municipality) keeps the same colour in every
 * session and browser, so people learn to recognise "Aalborg is green". All colours have at
 * least 4.5:1 contrast against white text labels.
 */
const PALETTE = [
  "#1f5fa8",
  "#b3261e",
  "#1b7a3d",
  "#7a3fa0",
  "#a14d00",
  "#006d77",
  "#8a2c5d",
  "#4a5a12",
  "#2c4f9e",
  "#9c2f2f",
  "#23613f",
  "#5d3c8f",
  "#8c5200",
  "#0d5c63",
  "#7b2449",
  "#52602a",
];

export function colorForOrganisation(organisationKey: string): string {
  let hash = 2166136261;
  for (let i = 0; i < organisationKey.length; i++) {
    hash ^= organisationKey.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return PALETTE[(hash >>> 0) % PALETTE.length] ?? PALETTE[0]!;
}
