/**
 * Version of the editor schema (shared/schema/editor.ts). Bump it whenever a node, mark or
 * attribute changes. The server refuses clients that announce an older version at connect
 * (CloseCode.SCHEMA_OUTDATED), so an old browser tab can never drop content it does not know.
 */
export const EDITOR_SCHEMA_VERSION = 1;
