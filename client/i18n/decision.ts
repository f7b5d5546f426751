/** Texts of the decision behind an approval (shared/validation/decision.ts), in Danish. */
export const decisionTexts = {
  organ: "Hvem traf beslutningen?",
  delegeretTil: "Delegeret til",
  delegeretTilHelp: "Fx »Direktionen« eller »Social- og sundhedsudvalget«.",
  moedeDato: "Dato for mødet eller beslutningen",
  punkt: "Punkt på dagsordenen",
  referat: "Link til referatet",
  referatHelp: "Valgfrit, men anbefalet: styrelsen kan da læse beslutningen selv.",
  udfald: "Udfald",
  forbehold: "Forbeholdet",
  forbeholdHelp: "Skriv forbeholdet, som det står i beslutningen. Det trykkes i det forseglede svar.",
  summary: "Beslutningen, som den står i svaret",
  onBehalfTitle: "Registrér en kommunes beslutning",
  onBehalfIntro:
    "Hvis en kommune har truffet sin beslutning, men ikke selv kan registrere den, kan du gøre det på kommunens vegne. Det fremgår af det forseglede svar og af revisionssporet.",
  kommune: "Kommune",
  chooseKommune: "Vælg kommune",
  dokumentation: "Dokumentation",
  dokumentationHelp: "Hvordan kender du beslutningen? Fx »Referat modtaget pr. mail fra kommunens sekretariat 20.05.2025«.",
  register: "Registrér beslutningen",
  registered: (kommune: string) => `Beslutningen fra ${kommune} er registreret.`,
  missingKommune: "Vælg kommunen.",
};
