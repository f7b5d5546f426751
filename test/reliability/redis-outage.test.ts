/**
 * Battery item 3: two server instances on PostgreSQL fan out through Redis; Redis is killed and
 * started again while clients on both instances type. During the outage each instance's clients
 * only see each other; once Redis is back every client must converge on everything anyone
 * typed, and every acknowledged token must be in the database. The test runs its own
 * redis-server on a free port, so the machine's shared Redis is never stopped.
 * Short form 2 outages; long form (RELIABILITY_LONG=1) 10.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../server/storage/index.js";
import { seedDemo } from "../../server/seed/demo.js";
import { startChildServer, waitForExit, TEST_PASSWORD, type ChildServer } from "../helpers/server.js";
import { createTempPostgres } from "../helpers/postgres.js";
import { tempDataDir } from "../helpers/tmp.js";
import { login } from "../helpers/clients.js";
import { seededRandom } from "../helpers/random.js";
import { fieldText } from "../helpers/ydoc.js";
import { form, testSeed } from "./support/form.js";
import { startOwnRedis, type OwnRedis } from "./support/redis.js";
import { connectTypist, tokensOf, type Typist } from "./support/typist.js";
import { converge } from "./support/kill-cycles.js";
import { storedDoc, withStore } from "./support/stored.js";
import { sleep } from "../helpers/wait.js";

const OUTAGES = form(2, 10);
const CLIENTS_PER_INSTANCE = 3;
const SEED = testSeed();
const DOC = "svar-syddanmark";
const FIELD = "i1.indsats.tekst";
const EDITORS = ["redaktoer.odense@regionssvar.dk", "redaktoer.esbjerg@regionssvar.dk", "redaktoer.assens@regionssvar.dk"];
/** Injected typing pace per client. */
const TICK_MS = 25;
/** Injected: typing before Redis goes down, how long it stays down, typing after it is back (min, spread in ms). */
const BEFORE_OUTAGE_MS = [200, 500] as const;
const OUTAGE_MS = [500, 2500] as const;
const AFTER_OUTAGE_MS = [0, 400] as const;
const between = (random: () => number, [min, spread]: readonly [number, number]) => min + random() * spread;
/** Bar: clients converge this soon after Redis is back (generous on a loaded 2-core machine). */
const CONVERGE_MS = 15_000;

let database: { url: string; drop: () => Promise<void> };
let redis: OwnRedis;
const data = tempDataDir();
const servers: ChildServer[] = [];
const typists: Typist[] = [];

beforeAll(async () => {
  [database, redis] = await Promise.all([createTempPostgres(), startOwnRedis()]);
  const store = await openStore({ databaseUrl: database.url, dataDir: data.dir });
  await seedDemo(store, TEST_PASSWORD);
  await store.close();
}, 60_000);
afterAll(async () => {
  for (const t of typists) t.destroy();
  for (const s of servers) {
    s.process.kill("SIGKILL");
    await waitForExit(s.process);
  }
  await redis?.close();
  await database?.drop();
  data.remove();
});

describe(`Redis outage with two instances (seed ${SEED})`, () => {
  it(
    `converges and loses nothing over ${OUTAGES} outages`,
    async () => {
      const random = seededRandom(SEED);
      const env = { DATABASE_URL: database.url, REDIS_URL: redis.url, REDIS_CHANNEL_PREFIX: `t${randomBytes(4).toString("hex")}` };
      servers.push(...(await Promise.all([startChildServer(data.dir, env), startChildServer(data.dir, env)])));
      for (const [s, server] of servers.entries()) {
        for (let i = 0; i < CLIENTS_PER_INSTANCE; i++) {
          const index = s * CLIENTS_PER_INSTANCE + i;
          typists.push(connectTypist(server, await login(server, EDITORS[index % EDITORS.length]!), DOC, index, { field: FIELD }));
        }
      }
      await converge(typists, 30_000, "start");
      const convergeTimes: number[] = [];
      let outageMs = 0;
      for (let outage = 0; outage < OUTAGES; outage++) {
        let typing = true;
        const loop = (async () => {
          while (typing) {
            for (const t of typists) t.type();
            await sleep(TICK_MS);
          }
        })();
        await sleep(between(random, BEFORE_OUTAGE_MS));
        await redis.stop();
        const down = between(random, OUTAGE_MS);
        outageMs += down;
        await sleep(down);
        await redis.start();
        const back = Date.now();
        await sleep(between(random, AFTER_OUTAGE_MS));
        typing = false;
        await loop;
        await converge(typists, CONVERGE_MS, `outage ${outage} (seed ${SEED})`);
        convergeTimes.push(Date.now() - back);
      }
      const acknowledged = new Set(typists.flatMap((t) => [...t.acknowledged]));
      const typed = new Set(typists.flatMap((t) => [...t.typed]));
      const stored = await withStore({ dataDir: data.dir, databaseUrl: database.url }, async (store) => {
        const doc = await storedDoc(store, DOC);
        const tokens = new Set(tokensOf(fieldText(doc, FIELD)));
        doc.destroy();
        return tokens;
      });
      const lost = [...acknowledged].filter((t) => !stored.has(t));
      console.log(
        `Redis outage: ${OUTAGES} outages (${(outageMs / 1000).toFixed(1)} s down in all), 2 instances, ${typists.length} clients, ${typed.size} tokens typed, ` +
          `${acknowledged.size} acknowledged, ${lost.length} lost, converged ${Math.max(...convergeTimes)} ms after Redis returned (worst), seed ${SEED}`,
      );
      expect(lost).toEqual([]);
    },
    form(180_000, 600_000),
  );
});
