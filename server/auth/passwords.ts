/** Password hashing with argon2id (a maintained native binding), parameters per OWASP. */
/** The native binding loads at the first sign-in, not at start (a resting server never needs it). */
let argon2: Promise<typeof import("@node-rs/argon2")> | null = null;
const library = () => (argon2 ??= import("@node-rs/argon2"));

/** Algorithm.Argon2id (a const enum, which isolatedModules cannot import). */
const ARGON2ID = 2;

const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export async function hashPassword(password: string): Promise<string> {
  return (await library()).hash(password, OPTIONS);
}

/** A hash of a random password, verified against when the user does not exist, so a wrong
 * e-mail takes as long as a wrong password (no user enumeration by timing). */
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  const { verify } = await library();
  if (!passwordHash) {
    dummyHash ??= hashPassword("regionssvar-dummy-password-for-timing");
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
