/** The comment threads' state as the store keeps it and React reads it (threadStore.ts, threadHooks.ts). */
import type { ThreadDto } from "../../../shared/validation/comments.js";

export interface ThreadsState {
  status: "loading" | "error" | "ok";
  threads: ThreadDto[];
  /** May the signed-in person write comments now (role, and the reply is not submitted)? */
  canComment: boolean;
  /** The latest fetch failed: the message (what is shown may be stale). */
  error: string | null;
}

export interface Draft {
  threadId: string;
  quote: string;
  blockId: string | null;
}

export type FocusRequest = { target: "draft" } | { target: "thread"; threadId: string; moveFocus: boolean };

export interface CommentUi {
  /** The thread open (expanded) in the panel and outlined in the text. */
  active: string | null;
  /** A new thread being written; its mark is already in the text. */
  draft: Draft | null;
  /** The panel should scroll to (and maybe focus) this; cleared by the panel once done. */
  focus: FocusRequest | null;
  /** The latest news for screen readers; `seq` grows, so the same text is said again. */
  announcement: { text: string; seq: number } | null;
}
