/**
 * The user of a verified single sign-on: the one linked to the identity, or else the one with the
 * same e-mail in the same organisation (an invited person, or a password account moving to SSO),
 * linked now; or else a new user in the organisation, with no access to any reply until a
 * coordinator grants a role.
 */
import { randomUUID } from "node:crypto";
import { recordAudit } from "../../audit/record.js";
import type { Store, UserRow } from "../../storage/types.js";
import type { MappedPerson } from "./claims.js";

export async function accountFor(
  store: Store,
  providerId: string,
  person: MappedPerson,
): Promise<UserRow | { refused: "other_organisation" | "unknown_organisation" }> {
  const linked = await store.getIdentity(providerId, person.subject);
  if (linked) {
    const user = await store.getUser(linked.userId);
    if (user) return user;
  }
  if (!(await store.getOrganisation(person.organisationId))) return { refused: "unknown_organisation" };
  const now = new Date().toISOString();
  let user = await store.getUserByEmail(person.email);
  // The provider vouches for the address, but not for a move to another organisation.
  if (user && user.organisationId !== person.organisationId) return { refused: "other_organisation" };
  if (!user) {
    user = { id: randomUUID(), email: person.email, name: person.name, organisationId: person.organisationId, passwordHash: null, createdAt: now };
    await store.insertUser(user);
    await recordAudit(store, { actorUserId: user.id, event: "user.created", details: { via: providerId, organisationId: person.organisationId } });
  }
  await store.insertIdentity({ provider: providerId, subject: person.subject, userId: user.id, createdAt: now });
  await recordAudit(store, { actorUserId: user.id, event: "identity.linked", details: { provider: providerId } });
  return user;
}
