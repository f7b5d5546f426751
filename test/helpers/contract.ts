/**
 * The storage contract's backends: every contract file runs its suite against embedded SQLite
 * and a fresh PostgreSQL database, each seeded with one organisation, one user and three
 * documents (d1, d2, d3) in Nordjylland.
 */
import { afterAll, beforeAll, describe } from "vitest";
import { openStore } from "../../server/storage/index.js";
import type { Store } from "../../server/storage/types.js";
import { createTempPostgres } from "./postgres.js";
import { tempDataDir } from "./tmp.js";

interface Backend {
  name: string;
  open: () => Promise<{ store: Store; cleanup: () => Promise<void> }>;
}

export const CONTRACT_BACKENDS: Backend[] = [
  {
    name: "sqlite",
    open: async () => {
      const dir = tempDataDir();
      const store = await openStore({ dataDir: dir.dir });
      return { store, cleanup: async () => dir.remove() };
    },
  },
  {
    name: "postgres",
    open: async () => {
      const db = await createTempPostgres();
      const store = await openStore({ databaseUrl: db.url, dataDir: "unused" });
      return { store, cleanup: db.drop };
    },
  },
];

export const now = () => new Date().toISOString();

/** A fixed instant on 1 May 2026 at 10:mm, for rows whose order or expiry a test reads. */
export const at = (minute: number) => `2026-05-01T10:${String(minute).padStart(2, "0")}:00.000Z`;

/** Runs `suite` once per backend, with a seeded store it gets through `store()`. */
export function describeContract(title: string, suite: (store: () => Store) => void): void {
  for (const backend of CONTRACT_BACKENDS) {
    describe(`${title}: ${backend.name}`, () => {
      let store: Store;
      let cleanup: () => Promise<void>;
      beforeAll(async () => {
        ({ store, cleanup } = await backend.open());
        await store.upsertOrganisation({ id: "org-1", kind: "kommune", name: "Aalborg Kommune", regionId: "nordjylland", kommunekode: "851" });
        await store.insertUser({ id: "u1", email: "Person@Example.dk", name: "Person", organisationId: "org-1", passwordHash: "h", createdAt: now() });
        for (const id of ["d1", "d2", "d3"]) {
          await store.insertDocument({
            id,
            regionId: "nordjylland",
            title: id,
            templateId: "t",
            templateVersion: 1,
            state: "udkast",
            createdAt: now(),
            updatedAt: now(),
          });
        }
      });
      afterAll(async () => {
        await store.close();
        await cleanup();
      });
      suite(() => store);
    });
  }
}
