/** Queries of the second factor and password resets (issue 15, item 9), for KyselyStore. */
import type { Kysely } from "kysely";
import type { Tables } from "./schema.js";
import type { TotpState } from "./types.js";

type Db = Kysely<Tables>;

export async function getTotp(db: Db, userId: string): Promise<TotpState> {
  const r = await db.selectFrom("users").select(["totp_secret", "totp_pending_secret", "totp_last_step"]).where("id", "=", userId).executeTakeFirst();
  return {
    secret: r?.totp_secret ?? null,
    pendingSecret: r?.totp_pending_secret ?? null,
    lastStep: r?.totp_last_step == null ? null : Number(r.totp_last_step),
  };
}

export async function setTotpPending(db: Db, userId: string, secret: string | null): Promise<void> {
  await db.updateTable("users").set({ totp_pending_secret: secret }).where("id", "=", userId).execute();
}

/** Turns the second factor on with the pending secret (only if it is still the one the code proved). */
export async function enableTotp(db: Db, userId: string, secret: string, step: number): Promise<boolean> {
  const r = await db
    .updateTable("users")
    .set({ totp_secret: secret, totp_pending_secret: null, totp_last_step: step })
    .where("id", "=", userId)
    .where("totp_pending_secret", "=", secret)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function disableTotp(db: Db, userId: string): Promise<void> {
  await db.updateTable("users").set({ totp_secret: null, totp_pending_secret: null, totp_last_step: null }).where("id", "=", userId).execute();
}

/** Records a used time step; false when it (or a later one) was used already: a code works once. */
export async function useTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const r = await db
    .updateTable("users")
    .set({ totp_last_step: step })
    .where("id", "=", userId)
    .where((eb) => eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", step)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertPasswordReset(db: Db, row: { tokenHash: string; userId: string; createdAt: string; expiresAt: string }): Promise<void> {
  await db
    .insertInto("password_resets")
    .values({ token_hash: row.tokenHash, user_id: row.userId, created_at: row.createdAt, expires_at: row.expiresAt, used_at: null })
    .execute();
}

export async function getPasswordResetUser(db: Db, tokenHash: string, now: string): Promise<{ userId: string; email: string } | undefined> {
  const r = await db
    .selectFrom("password_resets")
    .innerJoin("users", "users.id", "password_resets.user_id")
    .select(["password_resets.user_id", "users.email"])
    .where("password_resets.token_hash", "=", tokenHash)
    .where("password_resets.used_at", "is", null)
    .where("password_resets.expires_at", ">", now)
    .executeTakeFirst();
  return r && { userId: r.user_id, email: r.email };
}

/** Uses an unexpired reset token once; the user it belongs to, or undefined. Every other open token of that user is voided too. */
export async function usePasswordReset(db: Db, tokenHash: string, at: string): Promise<string | undefined> {
  return db.transaction().execute(async (tx) => {
    const r = await tx
      .selectFrom("password_resets")
      .select("user_id")
      .where("token_hash", "=", tokenHash)
      .where("used_at", "is", null)
      .where("expires_at", ">", at)
      .executeTakeFirst();
    if (!r) return undefined;
    const used = await tx
      .updateTable("password_resets")
      .set({ used_at: at })
      .where("token_hash", "=", tokenHash)
      .where("used_at", "is", null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) return undefined;
    await tx.updateTable("password_resets").set({ used_at: at }).where("user_id", "=", r.user_id).where("used_at", "is", null).execute();
    return r.user_id;
  });
}
