/**
 * Builds the web client once before the browser tests when it is missing or older than its
 * sources (the same rule as `npm start`).
 */
import { ensureClientBuilt } from "../scripts/client-build.mjs";

export default function setup(): void {
  ensureClientBuilt();
}
