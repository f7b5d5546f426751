/**
 * Which roles an organisation can hold, and organisations grouped by kind, for the people panel.
 * The rule is the shared policy's (shared/policy.ts), the same the server enforces (400 "bad_role").
 */
import type { PeopleResponse } from "../../../shared/validation/people.js";
import { people } from "../../i18n/people.js";
import { roleFitsKind } from "../../../shared/policy.js";
import { OrganisationKind, type MemberRole } from "../../../shared/vocabulary.js";

export type { MemberRole };
export type Organisation = PeopleResponse["organisations"][number];

/** Most to least rights: the order roles are offered in. */
export const ROLES: readonly MemberRole[] = ["koordinator", "redaktoer", "kommentator", "laeser"];

/** The roles an organisation of this kind may hold (shared/policy.ts). */
export function rolesFor(kind: string): MemberRole[] {
  const known = OrganisationKind.safeParse(kind);
  return known.success ? ROLES.filter((role) => roleFitsKind(role, known.data)) : [];
}

const KIND_ORDER = ["sekretariat", "kommune", "familieambulatorium", "styrelse"];

/** Organisations in <optgroup>s: the secretariat first, then the kommuner, then the rest; names sorted in Danish. */
export function groupOrganisations(organisations: readonly Organisation[]): { kind: string; label: string; organisations: Organisation[] }[] {
  const byKind = new Map<string, Organisation[]>();
  for (const o of organisations) byKind.set(o.kind, [...(byKind.get(o.kind) ?? []), o]);
  const kinds = [...byKind.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return kinds.map((kind) => ({
    kind,
    label: people.organisationKinds[kind] ?? people.otherOrganisations,
    organisations: [...byKind.get(kind)!].sort((a, b) => a.name.localeCompare(b.name, "da")),
  }));
}

function rank(kind: string): number {
  const i = KIND_ORDER.indexOf(kind);
  return i === -1 ? KIND_ORDER.length : i;
}
