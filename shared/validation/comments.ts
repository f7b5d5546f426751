/** Comment threads: request bodies and the thread as the client sees it. */
import { z } from "zod";

/** Thread ids are chosen by the client (they go into the comment mark in the text). */
export const ThreadId = z.string().uuid();
export const CommentBody = z.string().trim().min(1, "Skriv en kommentar.").max(5000, "Kommentaren er for lang (højst 5000 tegn).");
export const Mentions = z.array(z.string().min(1).max(100)).max(20).default([]);

export const CreateThreadBody = z.object({
  threadId: ThreadId,
  quote: z.string().max(2000),
  blockId: z.string().max(100).nullable(),
  body: CommentBody,
  mentions: Mentions,
});
export const ReplyBody = z.object({ body: CommentBody, mentions: Mentions });
export const EditMessageBody = z.object({ body: CommentBody, mentions: Mentions });
export const ThreadParams = z.object({ id: z.string().regex(/^[a-z0-9-]{1,64}$/), threadId: ThreadId });
export const MessageParams = ThreadParams.extend({ messageId: z.string().uuid() });

export interface PersonRefDto {
  id: string;
  name: string;
  organisation: string;
}

export interface CommentMessageDto {
  id: string;
  author: PersonRefDto;
  body: string; // plain text: render as text, never as HTML
  mentions: { id: string; name: string }[];
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
}

export interface ThreadDto {
  id: string;
  quote: string;
  blockId: string | null;
  status: "open" | "resolved";
  /** The anchored text was deleted; the thread is kept with its original quote. */
  orphaned: boolean;
  createdBy: PersonRefDto;
  createdAt: string;
  resolvedBy: PersonRefDto | null;
  resolvedAt: string | null;
  messages: CommentMessageDto[];
  unread: boolean;
  mentionsMe: boolean;
}

export interface ThreadListResponse {
  threads: ThreadDto[];
  /** False when the document is sealed: comments are read-only. */
  canComment: boolean;
}
