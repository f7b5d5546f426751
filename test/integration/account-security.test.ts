/**
 * Authentication at ASVS level 2 (issue 15, item 9): a password can be changed (other sessions
 * end) and reset by mail (no hint whether an address has an account, the link works once), and
 * a second factor (TOTP) can be set up: then sign-in needs a code, and each code works once.
 */
import { afterEach, describe, expect, it } from "vitest";
import { generate } from "otplib";
import { startServer, type TestServer } from "../helpers/server.js";
import { login } from "../helpers/clients.js";
import { callApi, type ApiResult } from "../helpers/api.js";
import { startSmtp, type TestSmtp } from "../helpers/smtp.js";

const EMAIL = "redaktoer.aalborg@regionssvar.dk";
const NEW_PASSWORD = "en helt ny og lang adgangskode";

let server: TestServer | undefined;
let smtp: TestSmtp | undefined;
afterEach(async () => {
  await server?.close();
  await smtp?.close();
  server = smtp = undefined;
});

const signIn = (s: TestServer, body: Record<string, string>): Promise<ApiResult> => callApi(s, null, "POST", "/api/auth/login", { email: EMAIL, ...body });
const codeAt = (secret: string, offsetSeconds: number) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });

describe("password change and reset", () => {
  it("changes the password only with the current one, and ends the other sessions", async () => {
    server = await startServer();
    const here = await login(server, EMAIL);
    const elsewhere = await login(server, EMAIL);
    const change = (currentPassword: string, newPassword: string) => callApi(server!, here, "POST", "/api/auth/password", { currentPassword, newPassword });
    expect((await change("forkert", NEW_PASSWORD)).body.error.code).toBe("wrong_password");
    expect((await change("test-demo-password", "kort")).body.error.code).toBe("weak_password");
    expect((await change("test-demo-password", NEW_PASSWORD)).status).toBe(204);
    expect((await callApi(server, elsewhere, "GET", "/api/me")).status).toBe(401);
    expect((await callApi(server, here, "GET", "/api/me")).status).toBe(200);
    expect((await signIn(server, { password: "test-demo-password" })).status).toBe(401);
    expect((await signIn(server, { password: NEW_PASSWORD })).status).toBe(200);
  });

  it("resets a forgotten password by a single-use mailed link, saying nothing about unknown addresses", async () => {
    smtp = await startSmtp();
    server = await startServer({ config: { SMTP_URL: smtp.url, MAIL_POLL_MS: 100 } });
    const signedIn = await login(server, EMAIL);
    const ask = (email: string) => callApi(server!, null, "POST", "/api/auth/password-reset", { email });
    expect((await ask("findes.ikke@aalborg.dk")).status).toBe(204);
    expect((await ask(EMAIL)).status).toBe(204);
    const [mail] = await smtp.waitForMails((m) => m.subject.startsWith("Nulstil"));
    expect(smtp.mails.filter((m) => m.to === "findes.ikke@aalborg.dk")).toEqual([]);
    expect(mail!.to).toBe(EMAIL);
    const token = /\/nulstil\/([A-Za-z0-9_-]+)/.exec(mail!.text)![1]!;
    const reset = (password: string) => callApi(server!, null, "POST", `/api/auth/password-reset/${token}`, { password });
    expect((await reset("kort")).body.error.code).toBe("weak_password"); // the link survives a refused password
    expect((await reset(NEW_PASSWORD)).status).toBe(204);
    expect((await reset(`${NEW_PASSWORD} igen`)).status).toBe(410);
    expect((await callApi(server, signedIn, "GET", "/api/me")).status).toBe(401);
    expect((await signIn(server, { password: NEW_PASSWORD })).status).toBe(200);
  });
});

describe("second factor (TOTP)", () => {
  it("once set up, sign-in needs a code from the app, and each code works once", async () => {
    server = await startServer();
    const session = await login(server, EMAIL);
    const { secret } = (await callApi(server, session, "POST", "/api/auth/totp/setup")).body as { secret: string; uri: string };
    expect((await callApi(server, session, "POST", "/api/auth/totp/enable", { code: "000000" })).body.error.code).toBe("wrong_code");
    expect((await callApi(server, session, "POST", "/api/auth/totp/enable", { code: await codeAt(secret, 0) })).status).toBe(204);
    expect((await callApi(server, session, "GET", "/api/auth/totp")).body).toEqual({ enabled: true });

    const without = await signIn(server, { password: "test-demo-password" });
    expect([without.status, without.body.error.code]).toEqual([401, "totp_required"]);
    expect((await signIn(server, { password: "test-demo-password", code: "123456" })).body.error.code).toBe("wrong_code");
    expect((await signIn(server, { password: "test-demo-password", code: await codeAt(secret, 0) })).body.error.code).toBe("wrong_code"); // spent at enrolment
    const next = await codeAt(secret, 30);
    expect((await signIn(server, { password: "test-demo-password", code: next })).status).toBe(200);
    expect((await signIn(server, { password: "test-demo-password", code: next })).body.error.code).toBe("wrong_code"); // replayed

    expect((await callApi(server, session, "POST", "/api/auth/totp/disable", { password: "forkert" })).status).toBe(400);
    expect((await callApi(server, session, "POST", "/api/auth/totp/disable", { password: "test-demo-password" })).status).toBe(204);
    expect((await signIn(server, { password: "test-demo-password" })).status).toBe(200);
  });
});
