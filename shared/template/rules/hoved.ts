/** Rules of the document header (spec §1). The spec gives them no ids; they are named HOVED.*. */
import { fieldLabel, lineRule, mangler, ugyldig, type Rule } from "./rule.js";
import { missing, invalid } from "./messages.js";

const BLOCK = "hoved";

/**
 * A plausible e-mail address: one "@", no spaces or separators, a dotted domain with a top-level
 * part of at least two characters. Deliverability is not checkable here; typos like a missing
 * domain or a pasted name are.
 */
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}[\p{L}\p{N}-]*[\p{L}\p{N}]$/u;

const email: Rule = {
  id: "HOVED.KONTAKT.EMAIL",
  blockId: BLOCK,
  severity: "fejl",
  check: ({ values }) => {
    const key = "hoved.kontakt.email";
    const v = values.line(key);
    if (!v) return mangler(key, missing(fieldLabel(key)));
    return EMAIL.test(v) ? null : ugyldig(key, invalid(`${fieldLabel(key)} »${v}« er ikke en gyldig e-mailadresse`));
  },
};

const region: Rule = {
  id: "HOVED.REGION",
  blockId: BLOCK,
  severity: "fejl",
  check: ({ ctx, values }) => {
    const id: unknown = ctx.regionId;
    if (values.isRegion(id)) return null;
    return typeof id !== "string" || id.trim() === ""
      ? mangler("hoved.region", missing("Region"))
      : ugyldig("hoved.region", invalid(`Svarets region »${id}« findes ikke blandt de fem regioner`));
  },
};

export const HOVED_RULES: readonly Rule[] = [
  region,
  lineRule("HOVED.AFSENDER", BLOCK, "hoved.afsender"),
  lineRule("HOVED.KONTAKT.NAVN", BLOCK, "hoved.kontakt.navn"),
  lineRule("HOVED.KONTAKT.ORGANISATION", BLOCK, "hoved.kontakt.organisation"),
  email,
];
