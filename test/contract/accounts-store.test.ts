/**
 * The storage contract for accounts: users and passwords, the second factor, password resets,
 * agency grants and memberships, on every backend.
 */
import { beforeEach, expect, it } from "vitest";
import type { Store } from "../../server/storage/types.js";
import { at, describeContract } from "../helpers/contract.js";

describeContract("accounts contract", (seeded) => {
  let store: Store;
  beforeEach(() => {
    store = seeded();
  });

  it("reads a user by id and changes the password hash", async () => {
    expect(await store.getUser("u1")).toMatchObject({ id: "u1", organisationId: "org-1", passwordHash: "h" });
    await store.setUserPassword("u1", "h2");
    expect((await store.getUser("u1"))?.passwordHash).toBe("h2");
    expect(await store.getUser("nobody")).toBeUndefined();
  });

  it("turns the second factor on only with the secret being set up, and a code's step works once", async () => {
    expect(await store.getTotp("u1")).toEqual({ secret: null, pendingSecret: null, lastStep: null });
    await store.setTotpPending("u1", "SECRET-A");
    expect(await store.enableTotp("u1", "SECRET-B", 100)).toBe(false);
    expect(await store.enableTotp("u1", "SECRET-A", 100)).toBe(true);
    expect(await store.getTotp("u1")).toEqual({ secret: "SECRET-A", pendingSecret: null, lastStep: 100 });
    expect(await store.useTotpStep("u1", 100)).toBe(false);
    expect(await store.useTotpStep("u1", 99)).toBe(false);
    expect(await store.useTotpStep("u1", 101)).toBe(true);
    await store.disableTotp("u1");
    expect(await store.getTotp("u1")).toEqual({ secret: null, pendingSecret: null, lastStep: null });
  });

  it("uses a password reset once, and voids the person's other open resets", async () => {
    await store.insertPasswordReset({ tokenHash: "r1", userId: "u1", createdAt: at(0), expiresAt: at(30) });
    await store.insertPasswordReset({ tokenHash: "r2", userId: "u1", createdAt: at(1), expiresAt: at(30) });
    await store.insertPasswordReset({ tokenHash: "old", userId: "u1", createdAt: at(0), expiresAt: at(5) });
    expect((await store.getPasswordResetUser("r1", at(10)))?.userId).toBe("u1");
    expect(await store.getPasswordResetUser("old", at(10))).toBeUndefined();
    expect(await store.usePasswordReset("old", at(10))).toBeUndefined();
    expect(await store.usePasswordReset("r1", at(10))).toBe("u1");
    expect(await store.usePasswordReset("r1", at(11))).toBeUndefined();
    expect(await store.getPasswordResetUser("r2", at(11))).toBeUndefined();
  });

  it("grants, revokes and grants again the agency's national reading", async () => {
    expect(await store.getAgencyGrant("u1")).toBeUndefined();
    await store.putAgencyGrant({ userId: "u1", grantedAt: at(0), grantedBy: "drift" });
    expect(await store.getAgencyGrant("u1")).toEqual({ userId: "u1", grantedAt: at(0), grantedBy: "drift", revokedAt: null });
    expect(await store.revokeAgencyGrant("u1", at(1))).toBe(true);
    expect(await store.revokeAgencyGrant("u1", at(2))).toBe(false);
    expect((await store.getAgencyGrant("u1"))?.revokedAt).toBe(at(1));
    await store.putAgencyGrant({ userId: "u1", grantedAt: at(3), grantedBy: "drift 2" });
    expect(await store.getAgencyGrant("u1")).toEqual({ userId: "u1", grantedAt: at(3), grantedBy: "drift 2", revokedAt: null });
  });

  it("lists a document's memberships", async () => {
    await store.upsertMembership({ documentId: "d3", userId: "u1", role: "kommentator" });
    expect(await store.listMemberships("d3")).toEqual([{ documentId: "d3", userId: "u1", role: "kommentator" }]);
    expect(await store.listMemberships("d2")).toEqual([]);
  });
});
