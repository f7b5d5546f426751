/** Texts of the "Bilag" panel, in Danish. */
export const attachmentTexts = {
  title: "Bilag",
  intro: (count: number, size: string) =>
    `Vedhæft bilag som PDF, Word (DOCX) eller Excel (XLSX), højst ${count} filer på hver ${size}. De indgår i det forseglede svar.`,
  introLocked: "Bilagene er låst sammen med teksten. De indgår i det forseglede svar med deres fingeraftryk.",
  loading: "Henter bilag …",
  loadError: "Bilagene kunne ikke hentes.",
  empty: "Der er ingen bilag endnu.",
  add: "Tilføj et bilag",
  working: "Arbejder …",
  added: (name: string) => `${name} er tilføjet.`,
  removed: (name: string) => `${name} er fjernet.`,
  remove: "Fjern",
  removeLabel: (name: string) => `Fjern ${name}`,
  tooLarge: (name: string, max: string) => `${name} er for stor. Et bilag må højst fylde ${max}.`,
  facts: (kind: string, size: string, by: string, when: string) => `(${kind}, ${size}) – tilføjet af ${by}, ${when}`,
};
