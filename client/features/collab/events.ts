/**
 * Server events the client understands (shared/protocol/events.ts). Anything else, or anything
 * malformed, is ignored: events only refresh what the page shows.
 */
export { parseServerEvent, type ServerEvent } from "../../../shared/protocol/events.js";
