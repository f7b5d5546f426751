/**
 * The demo seeded into an empty database by `npm start`: the five regions' organisations (every
 * kommune, the coordinating secretariat, the familieambulatorium), Social- og Boligstyrelsen, one
 * reply per region, and demo accounts for every role in every region. The accounts are
 * deterministic so README.md can list them; only the password is per installation.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { REGIONS, municipalitiesOf, type Region } from "../../shared/regions.js";
import { TEMPLATE } from "../../shared/template/definition.js";
import type { DocumentRole, OrganisationRow, Store } from "../storage/types.js";
import { hashPassword } from "../auth/passwords.js";

export const DEMO_EMAIL_DOMAIN = "regionssvar.dk";
export const AGENCY_ORGANISATION_ID = "sbst";

/** ASCII slug of a Danish name: "Hjørring" → "hjoerring". */
export function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export const documentIdOf = (regionId: string) => `svar-${regionId}`;
export const secretariatIdOf = (regionId: string) => `sekretariat-${regionId}`;
export const familieambulatoriumIdOf = (regionId: string) => `familieambulatorium-${regionId}`;
export const kommuneIdOf = (code: string) => `kommune-${code}`;

export interface DemoAccount {
  email: string;
  name: string;
  organisationId: string;
  regionId: string | null;
  role: DocumentRole;
}

const FIRST_NAMES = ["Mette", "Lars", "Anne", "Søren", "Camilla", "Jens", "Louise", "Mikkel", "Hanne", "Peter"];
const LAST_NAMES = ["Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen", "Madsen"];
const personName = (i: number) => `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[(i * 3 + 1) % LAST_NAMES.length]}`;

/**
 * The kommuner whose editors get demo accounts: in Nordjylland, the demo region, every kommune, so
 * the README's accounts alone can take its reply through approval to "Indsendt"; elsewhere the
 * largest kommune and two more.
 */
export const DEMO_REGION_ID = "nordjylland";
const DEMO_EDITOR_KOMMUNER: Record<string, string[]> = {
  hovedstaden: ["101", "147", "151"], // København, Frederiksberg, Ballerup
  sjaelland: ["265", "259", "253"], // Roskilde, Køge, Greve
  syddanmark: ["461", "561", "420"], // Odense, Esbjerg, Assens
  midtjylland: ["751", "615", "657"], // Aarhus, Horsens, Herning
};

/** Demo accounts: per region a coordinator, editors of three kommuner, a familieambulatorium commenter; one agency reader. */
export function demoAccounts(): DemoAccount[] {
  const accounts: DemoAccount[] = [];
  let n = 0;
  for (const region of REGIONS.regions) {
    accounts.push({
      email: `koordinator.${region.id}@${DEMO_EMAIL_DOMAIN}`,
      name: personName(n++),
      organisationId: secretariatIdOf(region.id),
      regionId: region.id,
      role: "koordinator",
    });
    const editorKommuner = municipalitiesOf(region.id).filter((m) => region.id === DEMO_REGION_ID || DEMO_EDITOR_KOMMUNER[region.id]?.includes(m.code));
    for (const m of editorKommuner) {
      accounts.push({
        email: `redaktoer.${slug(m.name)}@${DEMO_EMAIL_DOMAIN}`,
        name: personName(n++),
        organisationId: kommuneIdOf(m.code),
        regionId: region.id,
        role: "redaktoer",
      });
    }
    accounts.push({
      email: `familieambulatorium.${region.id}@${DEMO_EMAIL_DOMAIN}`,
      name: personName(n++),
      organisationId: familieambulatoriumIdOf(region.id),
      regionId: region.id,
      role: "kommentator",
    });
  }
  accounts.push({
    email: `styrelsen@${DEMO_EMAIL_DOMAIN}`,
    name: "Social- og Boligstyrelsen (demo)",
    organisationId: AGENCY_ORGANISATION_ID,
    regionId: null,
    role: "styrelse",
  });
  return accounts;
}

function organisationsOf(region: Region): OrganisationRow[] {
  return [
    { id: secretariatIdOf(region.id), kind: "sekretariat", name: region.coordinatingSecretariat.name, regionId: region.id, kommunekode: null },
    { id: familieambulatoriumIdOf(region.id), kind: "familieambulatorium", name: region.familieambulatorium.name, regionId: region.id, kommunekode: null },
    ...municipalitiesOf(region.id).map((m) => ({
      id: kommuneIdOf(m.code),
      kind: "kommune" as const,
      name: m.officialName,
      regionId: region.id,
      kommunekode: m.code,
    })),
  ];
}

export interface SeedResult {
  seeded: boolean;
  /** The generated password when DEMO_PASSWORD was not set (print it once). */
  generatedPassword?: string;
}

/** Seeds the demo into an empty database; does nothing if any user exists. */
export async function seedDemo(store: Store, demoPassword?: string): Promise<SeedResult> {
  if ((await store.countUsers()) > 0) return { seeded: false };
  const password = demoPassword ?? randomBytes(9).toString("base64url");
  const passwordHash = await hashPassword(password);
  const now = new Date().toISOString();

  await store.upsertOrganisation({ id: AGENCY_ORGANISATION_ID, kind: "styrelse", name: "Social- og Boligstyrelsen", regionId: null, kommunekode: null });
  for (const region of REGIONS.regions) {
    for (const org of organisationsOf(region)) await store.upsertOrganisation(org);
    await store.insertDocument({
      id: documentIdOf(region.id),
      regionId: region.id,
      title: `Svar fra kommunalbestyrelserne i ${region.name}`,
      templateId: TEMPLATE.templateId,
      templateVersion: TEMPLATE.version,
      state: "udkast",
      createdAt: now,
      updatedAt: now,
    });
  }
  for (const account of demoAccounts()) {
    const userId = randomUUID();
    await store.insertUser({ id: userId, email: account.email, name: account.name, organisationId: account.organisationId, passwordHash, createdAt: now });
    if (account.regionId && account.role !== "styrelse")
      await store.upsertMembership({ documentId: documentIdOf(account.regionId), userId, role: account.role });
    // The demo's agency reader gets the grant an operator would give with `npm run agency -- grant`.
    if (account.organisationId === AGENCY_ORGANISATION_ID) await store.putAgencyGrant({ userId, grantedAt: now, grantedBy: "demo seed" });
  }
  return demoPassword ? { seeded: true } : { seeded: true, generatedPassword: password };
}
