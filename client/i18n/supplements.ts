/** Texts of "supplerende svar", in Danish. */
export const supplementTexts = {
  title: "Supplerende svar",
  intro:
    "Et indsendt svar ændres aldrig. Skal det rettes eller suppleres, oprettes et supplerende svar ud fra den indsendte tekst. Det godkendes og indsendes for sig og træder i stedet for dette svar.",
  create: "Opret supplerende svar",
  banner: "Dette er et supplerende svar. Det retter og supplerer",
};
