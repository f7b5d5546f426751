/**
 * Verified claims of an id token → the person and their organisation, or the reason to refuse.
 * Pure: the flow (flow.ts) has already checked the token's signature, issuer, audience, expiry
 * and nonce.
 */
import type { OidcProviderConfig } from "./providers.js";

export type ClaimsRefusal = "email_missing" | "email_not_verified" | "unknown_organisation";

export interface MappedPerson {
  subject: string;
  email: string;
  name: string;
  organisationId: string;
}

export function mapClaims(provider: OidcProviderConfig, claims: Record<string, unknown>): MappedPerson | { refused: ClaimsRefusal } {
  const email = typeof claims.email === "string" ? claims.email.normalize("NFKC").trim().toLowerCase() : "";
  if (!email || !email.includes("@")) return { refused: "email_missing" };
  // An unverified address proves nothing about who the person is, or where they work.
  if (claims.email_verified !== true) return { refused: "email_not_verified" };
  const byClaim = provider.organisationClaim && claims[provider.organisationClaim.claim];
  const organisationId =
    (typeof byClaim === "string" || typeof byClaim === "number" ? provider.organisationClaim?.values[String(byClaim)] : undefined) ??
    provider.emailDomains[email.split("@")[1]!];
  if (!organisationId) return { refused: "unknown_organisation" };
  const name = typeof claims.name === "string" && claims.name.trim() ? claims.name.trim().slice(0, 200) : email;
  return { subject: String(claims.sub), email, name, organisationId };
}
