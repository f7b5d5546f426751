/**
 * Texts of people management (the "Personer" panel) and the invitation page, in Danish. The role
 * names themselves are `da.roles` (client/i18n/da.ts). Code stays English.
 */
import type { MemberRole } from "../../shared/vocabulary.js";
import { formatNumber } from "./da.js";

export const PASSWORD_RULE = "Mindst 15 tegn. Brug gerne en sætning af flere ord.";

export const people = {
  /** Read before an error next to a field (visually hidden). */
  errorPrefix: "Fejl: ",
  /** What each role may do, shown as help next to the role choice and on the invitation page. */
  roleHelp: {
    koordinator: "Regionens sekretariat: redigerer, inviterer personer og styrer godkendelsen.",
    redaktoer: "Redigerer og kommenterer og godkender svaret for sin egen kommune.",
    kommentator: "Læser og kommenterer, men redigerer ikke (fx familieambulatoriet).",
    laeser: "Kan kun læse svaret.",
  } satisfies Record<MemberRole, string>,

  /** Headings of the organisation groups, by organisation kind. */
  organisationKinds: {
    sekretariat: "Koordinerende sekretariat",
    kommune: "Kommuner",
    familieambulatorium: "Familieambulatorium",
    styrelse: "Styrelsen",
  } as Record<string, string>,
  otherOrganisations: "Andre",

  panel: {
    title: "Personer",
    intro: "Alle, der har adgang til svaret, og deres rolle.",
    membersTitle: "Med i svaret",
    count: (n: number) => (n === 1 ? "1 person" : `${formatNumber(n)} personer`),
    none: "Ingen personer har adgang endnu.",
    you: "(dig)",
    pending: "Afventer",
    pendingHelp: "Har endnu ikke valgt adgangskode",
    role: "Rolle",
    /** Completes "Rolle" for screen readers: "Rolle for Anne Jensen". */
    roleFor: (name: string) => `for ${name}`,
    invitationsTitle: "Åbne invitationer",
    invitationExpires: (when: string) => `Udløber ${when}`,
    noInvitations: "Ingen åbne invitationer.",
    invitedAt: (when: string) => `Sendt ${when}`,
    renew: "Send nyt link",
    renewName: (email: string) => `Send nyt link til ${email}`,
    renewing: "Sender…",
    renewed: (email: string) => `Der er sendt et nyt link til ${email}. Det gamle link virker ikke længere.`,
    renewedHere: (email: string) => `Der er lavet et nyt link til ${email}. Det gamle link virker ikke længere.`,
    revoke: "Tilbagekald",
    revokeName: (email: string) => `Tilbagekald invitationen til ${email}`,
    revokeTitle: (email: string) => `Tilbagekald invitationen til ${email}?`,
    revokeBody: "Linket holder op med at virke med det samme. Du kan invitere personen igen senere.",
    revokeConfirm: "Tilbagekald invitationen",
    revoking: "Tilbagekalder…",
    revoked: (email: string) => `Invitationen til ${email} er tilbagekaldt.`,
    actionFailed: (message: string) => `Det lykkedes ikke: ${message}`,
    loadError: "Listen over personer kunne ikke hentes.",
    retry: "Prøv igen",
    loading: "Henter personer…",
    roleChangeNote: "En ændret rolle gælder med det samme – også for personer, der har svaret åbent lige nu.",
    roleChanged: (name: string, role: string) => `${name} er nu ${role.toLowerCase()}. Ændringen gælder med det samme, også hvis personen har svaret åbent.`,
    roleChangeFailed: (name: string, message: string) => `Rollen for ${name} blev ikke ændret: ${message}`,
    remove: "Fjern",
    removeName: (name: string) => `Fjern ${name} fra svaret`,
    removeTitle: (name: string) => `Fjern ${name} fra svaret?`,
    removeBody: (name: string, organisation: string) =>
      `${name} (${organisation}) mister adgangen til svaret med det samme, og et åbent svar lukkes for personen. Det, personen har skrevet og kommenteret, bliver stående.`,
    removeConfirm: "Fjern personen",
    removing: "Fjerner…",
    removed: (name: string) => `${name} er fjernet fra svaret.`,
    cancel: "Annuller",
  },

  invite: {
    title: "Invitér en person",
    intro: "Personen får et link, som kun kan bruges én gang. Med linket vælger personen selv sin adgangskode.",
    name: "Navn",
    email: "E-mail",
    emailHelp: "Fx fornavn.efternavn@kommune.dk",
    organisation: "Organisation",
    chooseOrganisation: "Vælg organisation…",
    role: "Rolle",
    chooseRole: "Vælg rolle…",
    chooseOrganisationFirst: "Vælg først en organisation. Rollerne afhænger af organisationen.",
    roleRule: "Kun kommuner kan være kommunale redaktører, og kun sekretariatet kan være koordinator.",
    submit: "Opret invitation",
    submitting: "Opretter invitation…",
    errorTitle: "Invitationen blev ikke oprettet",
    roleDoesNotFit: "Rollen passer ikke til organisationen. Vælg en anden rolle.",
    createdTitle: (name: string) => `Invitationen til ${name} er oprettet`,
    link: "Invitationslink",
    linkHelp: "Linket kan kun bruges én gang.",
    expires: (when: string) => `Linket udløber ${when}.`,
    noEmail:
      "Der er ingen mailserver i denne installation: mailen med linket ligger i udbakken, og linket vises kun her. Giv linket til personen på en sikker måde, fx i en krypteret besked.",
    mailed: (email: string) => `Linket er sendt til ${email} på mail. Kun personen selv får linket.`,
    copy: "Kopiér link",
    copied: "Linket er kopieret.",
    copyFailed: "Linket kunne ikke kopieres. Markér det, og kopiér det selv.",
    addedDirectly: (name: string, role: string) => `${name} havde allerede en konto og er nu med i svaret som ${role.toLowerCase()}.`,
    another: "Invitér en person mere",
  },

  invitation: {
    pageTitle: "Invitation",
    loading: "Henter invitationen…",
    title: "Vælg din adgangskode",
    invited: (name: string, organisation: string) => `Du er inviteret som ${name}, ${organisation}.`,
    reply: "Svar",
    role: "Din rolle",
    email: "E-mail",
    signedInAs: (name: string) =>
      `Du er logget ind som ${name} i denne browser. Når du vælger adgangskode, bliver du logget ind som den inviterede person i stedet.`,
    password: "Vælg adgangskode",
    repeat: "Gentag adgangskode",
    show: "Vis adgangskoderne",
    submit: "Gem adgangskode og åbn svaret",
    submitting: "Gemmer…",
    errorTitle: "Adgangskoden blev ikke gemt",
    missing: "Vælg en adgangskode.",
    missingRepeat: "Skriv adgangskoden igen.",
    mismatch: "De to adgangskoder er ikke ens. Skriv den samme adgangskode i begge felter.",
    goneTitle: "Invitationen kan ikke bruges",
    gone: "Invitationen er udløbet eller allerede brugt. Bed koordinatoren om en ny.",
    goneSignIn: "Har du allerede valgt en adgangskode, kan du logge ind.",
    signIn: "Gå til Log ind",
    loadError: "Invitationen kunne ikke hentes.",
    retry: "Prøv igen",
  },
};
