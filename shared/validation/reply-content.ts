/**
 * ReplyContent (shared/template/types.ts) as a zod schema, for content that comes back from
 * storage as JSON (versions, the sealed record). Objects are loose: a field added later to the
 * JSON passes through unchanged, so a hash over the parsed value equals the hash over the stored one.
 */
import { z } from "zod";
import type { PMNodeJSON, ReplyContent } from "../template/types.js";

const Mark = z.looseObject({ type: z.string(), attrs: z.record(z.string(), z.unknown()).optional() });

export const PMNodeJSONSchema: z.ZodType<PMNodeJSON> = z.lazy(() =>
  z.looseObject({
    type: z.string(),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(PMNodeJSONSchema).optional(),
    text: z.string().optional(),
    marks: z.array(Mark).optional(),
  }),
);

const Cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const FieldValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.array(z.record(z.string(), Cell)), z.null()]);

export const ReplyContentSchema: z.ZodType<ReplyContent> = z.looseObject({
  templateId: z.string(),
  templateVersion: z.number(),
  texts: z.record(z.string(), z.array(PMNodeJSONSchema)),
  fields: z.record(z.string(), FieldValueSchema),
});
