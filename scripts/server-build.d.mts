/** Types of scripts/server-build.mjs (plain JS, so that `npm start` needs no TypeScript loader for it). */
export function serverIsStale(): boolean;
export function buildServer(): Promise<void>;
