/** Types of scripts/client-build.mjs (plain JS, so that `npm start` needs no TypeScript loader for it). */
export function clientIsStale(): boolean;
export function ensureClientBuilt(options?: { force?: boolean }): boolean;
