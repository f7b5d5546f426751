/** The client's forms check their input with the routes' own schemas (client/ui/validate.ts), in Danish. */
import { describe, expect, it } from "vitest";
import { check } from "../../client/ui/validate.js";
import { InviteBody } from "../../shared/validation/people.js";
import { ApproveBody, ReopenBody, VersionBody } from "../../shared/validation/workflow.js";
import { CommentBody } from "../../shared/validation/comments.js";
import { LoginBody } from "../../shared/validation/api.js";

describe("form validation with the route schemas", () => {
  it("names each invalid field of the invitation with the schema's Danish message", () => {
    const result = check(InviteBody, { name: " ", email: "ikke-en-adresse", organisationId: "", role: "" });
    expect(result).toEqual({
      ok: false,
      errors: {
        name: "Skriv personens navn.",
        email: "Skriv en gyldig e-mailadresse, fx navn@kommune.dk.",
        organisationId: "Vælg personens organisation.",
        role: "Vælg en rolle.",
      },
    });
    expect(check(InviteBody, { name: "Ane", email: "", organisationId: "k", role: "laeser" })).toMatchObject({
      errors: { email: "Skriv personens e-mailadresse." },
    });
  });

  it("gives the parsed value the route would receive", () => {
    expect(check(InviteBody, { name: " Ane ", email: " Ane@Kommune.DK ", organisationId: "k-101", role: "redaktoer" })).toEqual({
      ok: true,
      data: { name: "Ane", email: "ane@kommune.dk", organisationId: "k-101", role: "redaktoer" },
    });
    expect(check(VersionBody.shape.name, "  Til byrådet ")).toEqual({ ok: true, data: "Til byrådet" });
  });

  it("says what is missing on the single-field forms", () => {
    expect(check(ReopenBody.shape.reason, "ok")).toEqual({ ok: false, errors: { "": "Skriv en begrundelse (mindst 3 tegn)." } });
    expect(check(ApproveBody.shape.grundlag, "  ")).toEqual({ ok: false, errors: { "": "Angiv grundlaget for godkendelsen, fx en byrådsbeslutning." } });
    expect(check(VersionBody.shape.name, "")).toEqual({ ok: false, errors: { "": "Skriv et navn til versionen." } });
    expect(check(CommentBody, "x".repeat(5001))).toEqual({ ok: false, errors: { "": "Kommentaren er for lang (højst 5000 tegn)." } });
    expect(check(LoginBody, { email: "", password: "" })).toEqual({
      ok: false,
      errors: { email: "Skriv din e-mailadresse.", password: "Skriv din adgangskode." },
    });
  });
});
