/**
 * How much of a person's refused (post-freeze) changes the server keeps (issue 15, item 7): they
 * are kept so nobody loses text, but one editor sending update after update while the reply is
 * frozen must not fill the disk (76 MB in 7 s was measured). Past a limit a refused update is
 * dropped and the person is told (the rejected-changes list says the limit is reached).
 */
import type { Store } from "../storage/types.js";

export interface RefusedLimits {
  perPersonCount: number;
  perPersonBytes: number;
  perDocumentCount: number;
  perDocumentBytes: number;
}

export const DEFAULT_REFUSED_LIMITS: RefusedLimits = {
  perPersonCount: 50, // a day offline is a handful of reconnects, each one update
  perPersonBytes: 5 * 1024 * 1024,
  perDocumentCount: 1000, // 29 kommuner at most, each with room to spare
  perDocumentBytes: 50 * 1024 * 1024,
};

/** True if `bytes` more for this person still fit. */
export async function refusedFits(store: Store, limits: RefusedLimits, documentId: string, userId: string, bytes: number): Promise<boolean> {
  const [person, document] = await Promise.all([store.rejectedUsage(documentId, userId), store.rejectedUsage(documentId, null)]);
  return (
    person.count < limits.perPersonCount &&
    person.bytes + bytes <= limits.perPersonBytes &&
    document.count < limits.perDocumentCount &&
    document.bytes + bytes <= limits.perDocumentBytes
  );
}

/** True if this person's kept changes have reached a limit (new ones are no longer kept). */
export async function refusedFull(store: Store, limits: RefusedLimits, documentId: string, userId: string): Promise<boolean> {
  return !(await refusedFits(store, limits, documentId, userId, 0));
}
