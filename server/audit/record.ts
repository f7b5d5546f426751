import type { AuditInput, Store } from "../storage/types.js";

type AuditFields = { actorUserId: string | null; event: string; documentId?: string | null; details: Record<string, unknown> };

/** An audit event stamped now, for a workflow step that commits it with its change (store.commitTransition). */
export function auditEvent(entry: AuditFields): AuditInput {
  return {
    at: new Date().toISOString(),
    actorUserId: entry.actorUserId,
    event: entry.event,
    documentId: entry.documentId ?? null,
    details: entry.details,
  };
}

/** Appends one security-relevant event to the hash-chained audit log. */
export function recordAudit(store: Store, entry: AuditFields): Promise<unknown> {
  return store.appendAudit(auditEvent(entry));
}
