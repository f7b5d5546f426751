import type * as Y from "yjs";

/**
 * Any Yjs shared type, as Yjs itself types them (Transaction.changed, item.parent). The `any` is
 * Yjs's; this alias keeps it in one place.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SharedType = Y.AbstractType<Y.YEvent<any>>;
