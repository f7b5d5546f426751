/**
 * Fan-out never waits for the disk (issue 19): one commit is made slow where the real commit runs
 * (a trigger on the update log that holds the SQLite connection for 3 s, as a slow fsync does),
 * while one editor types and another watches. The watcher keeps receiving the typing during the
 * slow commit, "saved" arrives only once the commit is done, and everything typed is stored.
 *
 * The test's clients run in the server's process: while a commit blocks the event loop they
 * cannot even type, so the watcher sees almost nothing before the first "saved".
 */
import { afterAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { startServer, type TestServer } from "../helpers/server.js";
import { connectClient, login, type TestClient } from "../helpers/clients.js";
import { sleep, waitFor } from "../helpers/wait.js";
import { appendText, fieldText } from "../helpers/ydoc.js";
import { storedDoc } from "../helpers/stored.js";
import type { KyselyStore } from "../../server/storage/kysely-store.js";

const DOC = "svar-nordjylland";
const FIELD = "i1.indsats.tekst";
/** How long the one slow commit holds the disk. */
const SLOW_COMMIT_MS = 3_000;
/** The typist's pace (pacing a load, not waiting for an outcome). */
const KEY_MS = 20;

let server: TestServer;
const clients: TestClient[] = [];
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.close();
});

describe("a slow commit", () => {
  it("does not hold up fan-out between two editors, and 'saved' waits for it", async () => {
    server = await startServer();
    const typist = connectClient(server, await login(server, "redaktoer.aalborg@regionssvar.dk"), DOC);
    const watcher = connectClient(server, await login(server, "redaktoer.thisted@regionssvar.dk"), DOC);
    clients.push(typist, watcher);
    await waitFor(() => typist.provider.synced && watcher.provider.synced && typist.counter.saved >= typist.counter.sent);
    const before = fieldText(watcher.doc, FIELD).length;
    const savedBefore = typist.counter.saved;

    const db = (server.store as KyselyStore).kysely;
    await sql`create table slow_commit (ms integer)`.execute(db);
    await sql`create trigger slow_commit after insert on doc_updates when exists (select 1 from slow_commit)
      begin select sleep_ms((select ms from slow_commit)); delete from slow_commit; end`.execute(db);
    await sql`insert into slow_commit values (${SLOW_COMMIT_MS})`.execute(db);

    // Type until the first "saved" arrives; note how much of it the watcher had by then.
    let typed = 0;
    let seenAtFirstSave = -1;
    while (seenAtFirstSave < 0) {
      appendText(typist.doc, FIELD, "x");
      typed++;
      await sleep(KEY_MS);
      if (typist.counter.saved > savedBefore) seenAtFirstSave = fieldText(watcher.doc, FIELD).length - before;
    }
    // 3 s of typing at one key per 20 ms passed during the slow commit: far more than 20 keys.
    expect(seenAtFirstSave).toBeGreaterThan(20);
    expect((await sql<{ n: number }>`select count(*) as n from slow_commit`.execute(db)).rows[0]!.n).toBe(0); // that commit was the slow one

    await waitFor(() => typist.counter.saved >= typist.counter.sent, { timeoutMs: 20_000, message: "everything saved" });
    const stored = await storedDoc(server.store, DOC);
    expect(fieldText(stored, FIELD).length - before).toBe(typed);
  });
});
