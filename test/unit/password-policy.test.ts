/** The password rules (issue 15, item 9): the service's name padded with digits and signs is still the service's name. */
import { describe, expect, it } from "vitest";
import { checkPassword } from "../../server/auth/password-policy.js";

const EMAIL = "anne.soerensen@aalborg.dk";

describe("password policy", () => {
  it("refuses context words however they are padded", async () => {
    for (const password of ["Regionssvar2026!!!!", "regionssvar-2026-2026", "!!Kommune1234567890", "AdgangsKode2026!!!!!", "anne.soerensen123456"]) {
      expect(await checkPassword(password, EMAIL), password).not.toBeNull();
    }
  });

  it("accepts long passphrases, also with a context word among other words", async () => {
    for (const password of ["lang og god adgangskode til svaret", "Mit regionssvar skrives i Aalborg", "heste spiser grønne æbler om natten"]) {
      expect(await checkPassword(password, EMAIL), password).toBeNull();
    }
  });

  it("refuses short, common and repeated passwords", async () => {
    expect(await checkPassword("kort", EMAIL)).toMatch(/mindst 15 tegn/);
    expect(await checkPassword("passwordpassword", EMAIL)).not.toBeNull();
    expect(await checkPassword("abcabcabcabcabcabc", EMAIL)).not.toBeNull();
  });
});
