import type { Store } from "../storage/types.js";

/** Appends one security-relevant event to the hash-chained audit log. */
export function recordAudit(
  store: Store,
  entry: { actorUserId: string | null; event: string; documentId?: string | null; details: Record<string, unknown> },
): Promise<unknown> {
  return store.appendAudit({
    at: new Date().toISOString(),
    actorUserId: entry.actorUserId,
    event: entry.event,
    documentId: entry.documentId ?? null,
    details: entry.details,
  });
}
