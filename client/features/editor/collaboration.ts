/**
 * How the Yjs binding (y-tiptap's ySyncPlugin) treats shared content the editor cannot build. By
 * default it deletes such an element from the shared document, for everyone. Content can be
 * incomplete for a moment: an update that builds on one not yet received is held pending by Yjs,
 * and the element it touches may not fit the schema until the rest arrives. With `onInvalidContent`
 * set, the binding keeps the element, shows the rest, and writes nothing of this editor's until the
 * content fits again. Content that never fits does not reach a client: the server's guard admits
 * only schema-valid content.
 */
export const COLLABORATION_SYNC_OPTIONS = {
  onInvalidContent: (): void => {
    // Nothing to do: the element renders once the update it waits for arrives.
  },
};
