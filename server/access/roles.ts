import type { Principal } from "../auth/principal.js";
import type { DocumentRole, DocumentRow, Store } from "../storage/types.js";
import { effectiveRole } from "./policy.js";

/** The principal's role on the document (null: no access), from their membership and organisation. */
export async function roleOf(store: Store, principal: Principal, document: DocumentRow): Promise<DocumentRole | null> {
  return effectiveRole(principal, document, await store.getMembership(document.id, principal.user.id));
}
