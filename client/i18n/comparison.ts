/** Texts of the agency's side-by-side comparison of the submitted replies (/overblik/sammenligning). In Danish. */
import { formatNumber } from "./da.js";

export const comparisonTexts = {
  title: "Sammenligning af de indsendte svar",
  link: "Sammenlign svarene",
  back: "Tilbage til det nationale overblik",
  intro: "Regionernes indsendte svar side om side, punkt for punkt. Kun den forseglede tekst vises; udkast indgår ikke.",
  forbidden: "Sammenligningen er kun for Social- og Boligstyrelsen.",
  loadError: "Sammenligningen kunne ikke hentes.",
  emptyTitle: "Ingen regioner har indsendt endnu",
  empty: "Når en region har indsendt sit svar, vises det her.",
  caption: "Regionernes indsendte svar side om side",
  corner: "Punkt",
  status: "Status",
  notSubmitted: "Ikke indsendt",
  download: "Hent som Excel (XLSX)",
  submittedCount: (n: number, total: number) => `${formatNumber(n)} af ${formatNumber(total)} regioner har indsendt.`,
  nationalTitle: "Kapacitet på landsplan",
  sharedOnce: "En enhed, som to regioner deler, tælles én gang.",
  refresh: "Opdater",
};
