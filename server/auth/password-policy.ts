/**
 * Password rules after NIST SP 800-63B (rev. 4): a minimum length (15 for a password that is
 * the only factor), a generous maximum, no composition rules, and a check against a list of
 * common and breached passwords (shipped with @zxcvbn-ts/language-common, ~49,000 entries) and
 * against context words (the service's name, the user's e-mail). Messages are Danish.
 */

export const MIN_PASSWORD_LENGTH = 15;
export const MAX_PASSWORD_LENGTH = 256;

/** The list is large (several MB in memory): loaded at the first password set, not at every start. */
let common: Promise<Set<string>> | null = null;
function commonPasswords(): Promise<Set<string>> {
  common ??= import("@zxcvbn-ts/language-common").then(({ dictionary }) => new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase())));
  return common;
}
const CONTEXT_WORDS = ["regionssvar", "kommune", "region", "styrelse", "password", "adgangskode"];

/** Returns a Danish message explaining why the password is refused, or null if it is accepted. */
export async function checkPassword(password: string, email: string): Promise<string | null> {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `Adgangskoden skal være på mindst ${MIN_PASSWORD_LENGTH} tegn (nu ${length}). Brug gerne flere ord.`;
  if (length > MAX_PASSWORD_LENGTH) return `Adgangskoden må højst være på ${MAX_PASSWORD_LENGTH} tegn.`;
  const lower = password.toLowerCase();
  const core = lower.replace(/[\d\W_]+$/u, "");
  const COMMON = await commonPasswords();
  if (COMMON.has(lower) || COMMON.has(core)) return "Adgangskoden er for almindelig eller kendt fra datalæk. Vælg en anden.";
  if (/^(.)\1+$/u.test(password) || /^(.{1,4})\1+$/u.test(password)) return "Adgangskoden må ikke bestå af gentagne tegn.";
  const localPart = email.split("@")[0]?.toLowerCase() ?? "";
  // A context word padded with digits and signs ("Regionssvar2026!!!!") is that word: compare
  // letters only, and refuse a password whose letters are a context word with at most three more.
  const letters = lower.replace(/[^a-zæøå]/g, "");
  const contextHit = [...CONTEXT_WORDS, localPart.replace(/[^a-zæøå]/g, "")].find(
    (w) => w.length >= 4 && letters.includes(w) && letters.length - w.length <= 3,
  );
  if (contextHit || (localPart.length >= 4 && lower.includes(localPart))) return "Adgangskoden må ikke indeholde din e-mailadresse eller tjenestens navn.";
  return null;
}
