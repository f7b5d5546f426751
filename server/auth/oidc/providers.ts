/**
 * The configured OpenID Connect providers (OIDC_PROVIDERS_FILE, a JSON file validated here).
 * Each provider maps verified claims to one of our organisations: by an organisation id claim
 * (e.g. a CVR number from a MitID Erhverv broker), or else by the domain of a verified e-mail
 * (e.g. a kommune's Entra ID tenant). `ssoOnly` makes the organisations a provider maps sign in
 * only through it: their password sign-in and invitation links are refused.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";

const Id = z.string().regex(/^[a-z0-9-]{1,40}$/);

export const OidcProviderConfig = z.object({
  id: Id,
  /** Shown on the button: "Log ind med <name>". */
  name: z.string().min(1).max(80),
  issuer: z.string().url(),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  scopes: z.array(z.string()).default(["openid", "email", "profile"]),
  /** e-mail domain → organisation id, e.g. {"aalborg.dk": "kommune-851"}. */
  emailDomains: z.record(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/), z.string()).default({}),
  /** An organisation id claim and its values → organisation id, e.g. {"claim": "cvr", "values": {"29189420": "kommune-851"}}. */
  organisationClaim: z.object({ claim: z.string().min(1), values: z.record(z.string(), z.string()) }).optional(),
  ssoOnly: z.boolean().default(false),
  /** Only for tests and local development: allows an http:// issuer. */
  allowInsecureHttp: z.boolean().default(false),
});
export type OidcProviderConfig = z.infer<typeof OidcProviderConfig>;

const ProvidersFile = z.object({ providers: z.array(OidcProviderConfig) });

/** The providers of the file, or none; a file that does not validate stops the start with a readable error. */
export function loadOidcProviders(file: string | undefined): OidcProviderConfig[] {
  if (!file) return [];
  const parsed = ProvidersFile.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success)
    throw new Error(`OIDC_PROVIDERS_FILE ${file} is invalid:\n${parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  const ids = parsed.data.providers.map((p) => p.id);
  if (new Set(ids).size !== ids.length) throw new Error(`OIDC_PROVIDERS_FILE ${file}: provider ids must be unique`);
  return parsed.data.providers;
}

/** The organisations that sign in only through single sign-on. */
export function ssoOnlyOrganisations(providers: OidcProviderConfig[]): Map<string, OidcProviderConfig> {
  const only = new Map<string, OidcProviderConfig>();
  for (const provider of providers.filter((p) => p.ssoOnly)) {
    for (const organisationId of [...Object.values(provider.emailDomains), ...Object.values(provider.organisationClaim?.values ?? {})])
      only.set(organisationId, provider);
  }
  return only;
}
