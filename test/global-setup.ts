/**
 * Builds the web client and the compiled server once before the tests, when either is missing or
 * older than its sources (the same rule as `npm start`): the browser tests serve the client, and
 * the child-process tests (crash, kill -9, shutdown) run the compiled server as production does.
 */
import { ensureClientBuilt } from "../scripts/client-build.mjs";
import { buildServer, serverIsStale } from "../scripts/server-build.mjs";

export default async function setup(): Promise<void> {
  ensureClientBuilt();
  if (serverIsStale()) await buildServer();
}
