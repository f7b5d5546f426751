/**
 * The second factor (issue 15, item 9): TOTP (RFC 6238, 30-second steps, 6 digits) with otplib,
 * for password accounts; single sign-on brings the provider's own. A code is accepted one step
 * either side (clocks drift) and only once: the step used is recorded atomically, so a code seen
 * over someone's shoulder is spent.
 */
import type { Store } from "../storage/types.js";

const TOLERANCE_SECONDS = 30;
export const TOTP_ISSUER = "Regionssvar";

/** otplib is loaded when someone first sets up or uses a second factor. */
let library: Promise<typeof import("otplib")> | null = null;
const otp = () => (library ??= import("otplib"));

export async function newTotpSecret(): Promise<string> {
  return (await otp()).generateSecret();
}

/** The otpauth:// URI an authenticator app reads (as a QR code or pasted). */
export async function totpUri(secret: string, email: string): Promise<string> {
  return (await otp()).generateURI({ issuer: TOTP_ISSUER, label: email, secret });
}

/** The time step of a valid code for `secret`, or null. */
export async function checkTotp(secret: string, code: string, afterTimeStep?: number): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await (
    await otp()
  ).verify({ secret, token: code, epochTolerance: TOLERANCE_SECONDS, ...(afterTimeStep !== undefined ? { afterTimeStep } : {}) });
  // The functional API's result type covers HOTP too; a TOTP match carries its time step.
  return result.valid && "timeStep" in result && typeof result.timeStep === "number" ? result.timeStep : null;
}

/** Verifies a sign-in code against the user's active secret, spending its time step. */
export async function verifyUserTotp(store: Store, userId: string, code: string): Promise<boolean> {
  const state = await store.getTotp(userId);
  if (!state.secret) return false;
  const step = await checkTotp(state.secret, code, state.lastStep ?? undefined);
  return step !== null && (await store.useTotpStep(userId, step));
}
