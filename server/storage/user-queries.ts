/** Queries of organisations, users and sessions, for KyselyStore. */
import type { Kysely } from "kysely";
import type { Tables } from "./schema.js";
import { OrganisationKind } from "../../shared/vocabulary.js";
import type { OrganisationRow, SessionRow, UserRow } from "./types.js";
import { decode } from "./decode.js";

type Db = Kysely<Tables>;

export function organisationFromRow(r: Tables["organisations"]): OrganisationRow {
  return { id: r.id, kind: decode(OrganisationKind, r.kind, "organisations.kind"), name: r.name, regionId: r.region_id, kommunekode: r.kommunekode };
}

export function userFromRow(r: Tables["users"]): UserRow {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    organisationId: r.organisation_id,
    passwordHash: r.password_hash,
    createdAt: r.created_at,
  };
}

export async function upsertOrganisation(db: Db, org: OrganisationRow): Promise<void> {
  const row = { id: org.id, kind: org.kind, name: org.name, region_id: org.regionId, kommunekode: org.kommunekode };
  await db
    .insertInto("organisations")
    .values(row)
    .onConflict((oc) => oc.column("id").doUpdateSet({ kind: row.kind, name: row.name, region_id: row.region_id, kommunekode: row.kommunekode }))
    .execute();
}

export async function getOrganisation(db: Db, id: string): Promise<OrganisationRow | undefined> {
  const r = await db.selectFrom("organisations").selectAll().where("id", "=", id).executeTakeFirst();
  return r && organisationFromRow(r);
}

export async function listOrganisations(db: Db, regionId?: string): Promise<OrganisationRow[]> {
  let q = db.selectFrom("organisations").selectAll();
  if (regionId !== undefined) q = q.where("region_id", "=", regionId);
  return (await q.orderBy("name").execute()).map(organisationFromRow);
}

export async function insertUser(db: Db, user: UserRow): Promise<void> {
  await db
    .insertInto("users")
    .values({
      id: user.id,
      email: user.email.toLowerCase(),
      name: user.name,
      organisation_id: user.organisationId,
      password_hash: user.passwordHash,
      created_at: user.createdAt,
    })
    .execute();
}

export async function getUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const r = await db.selectFrom("users").selectAll().where("email", "=", email.toLowerCase()).executeTakeFirst();
  return r && userFromRow(r);
}

export async function getUser(db: Db, id: string): Promise<UserRow | undefined> {
  const r = await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
  return r && userFromRow(r);
}

export async function countUsers(db: Db): Promise<number> {
  const r = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function setUserPassword(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", userId).execute();
}

export async function insertSession(db: Db, s: SessionRow): Promise<void> {
  await db
    .insertInto("sessions")
    .values({
      id: s.id,
      user_id: s.userId,
      created_at: s.createdAt,
      expires_at: s.expiresAt,
      revoked_at: s.revokedAt,
      sso_provider: s.sso?.provider ?? null,
      id_token: s.sso?.idToken ?? null,
    })
    .execute();
}

export async function getSession(db: Db, id: string): Promise<SessionRow | undefined> {
  const r = await db.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();
  return (
    r && {
      id: r.id,
      userId: r.user_id,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      revokedAt: r.revoked_at,
      sso: r.sso_provider && r.id_token ? { provider: r.sso_provider, idToken: r.id_token } : null,
    }
  );
}

export async function revokeSession(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable("sessions").set({ revoked_at: at }).where("id", "=", id).where("revoked_at", "is", null).execute();
}

export async function revokeUserSessions(db: Db, userId: string, at: string, exceptSessionId?: string): Promise<string[]> {
  return db.transaction().execute(async (tx) => {
    const open = (await tx.selectFrom("sessions").select("id").where("user_id", "=", userId).where("revoked_at", "is", null).execute())
      .map((r) => r.id)
      .filter((id) => id !== exceptSessionId);
    if (open.length === 0) return [];
    await tx.updateTable("sessions").set({ revoked_at: at }).where("id", "in", open).execute();
    return open;
  });
}
