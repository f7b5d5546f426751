/**
 * Server events (MESSAGE_EVENT, `varString json`): small notices that tell a page what to refetch
 * or show. They carry no content; the HTTP API stays the source of truth. One schema for the
 * server that sends them, the instances that relay them (REDIS_URL) and the client that reads
 * them (which ignores anything else).
 */
import { z } from "zod";
import { WorkflowState } from "../validation/api.js";

export const ServerEventSchema = z.discriminatedUnion("type", [
  /** The server can (not) commit updates right now: "saved" acknowledgements are withheld meanwhile. */
  z.object({ type: z.literal("save-health"), healthy: z.boolean() }),
  z.object({ type: z.literal("workflow"), state: WorkflowState }),
  /** A thread was created, answered, edited, resolved or reopened. */
  z.object({ type: z.literal("threads"), threadId: z.string().max(100) }),
  z.object({ type: z.literal("approvals") }),
  /** A bilag file was added or removed. */
  z.object({ type: z.literal("attachments") }),
  /** Changes of this user were refused after the freeze and kept for them. */
  z.object({ type: z.literal("rejected-changes"), userId: z.string().max(100) }),
  /** Members, roles or invitations of the document changed. */
  z.object({ type: z.literal("people") }),
  /** The coordinator restored a saved version: the text was replaced under everyone's carets. */
  z.object({ type: z.literal("restored"), versionName: z.string().max(300) }),
]);

export type ServerEvent = z.infer<typeof ServerEventSchema>;

/** Events that concern the whole document and are relayed to every instance. */
export type DocumentEvent = Exclude<ServerEvent, { type: "save-health" }>;

export function parseServerEvent(json: string): ServerEvent | null {
  try {
    const result = ServerEventSchema.safeParse(JSON.parse(json));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
