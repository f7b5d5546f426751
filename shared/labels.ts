/**
 * The Danish names of the shared vocabulary (shared/vocabulary.ts), used by the client, the
 * server's mails and the exports alike, so a role or a state has one name everywhere.
 */
import type { DocumentRole, MailKind, WorkflowState } from "./vocabulary.js";

export const ROLE_LABELS: Record<DocumentRole, string> = {
  koordinator: "Koordinator",
  redaktoer: "Kommunal redaktør",
  kommentator: "Kommentator",
  laeser: "Læser",
  styrelse: "Social- og Boligstyrelsen",
};

export const STATE_LABELS: Record<WorkflowState, string> = {
  udkast: "Udkast",
  til_godkendelse: "Til godkendelse",
  godkendt: "Godkendt af alle kommuner",
  indsendt: "Indsendt",
};

/** Danish names of the kinds of mail, for the preferences and the outbox. */
export const MAIL_KIND_LABELS: Record<MailKind, string> = {
  invitation: "Invitationer",
  password_reset: "Nulstilling af adgangskode",
  approval_requested: "Svar sendt til godkendelse",
  reminder: "Påmindelser fra koordinatoren",
  mention: "Når nogen nævner mig i en kommentar",
  deadline: "Intern frist nærmer sig (7 og 2 dage før)",
  approved_by_all: "Godkendt af alle kommuner",
  submitted: "Svaret er indsendt",
};
