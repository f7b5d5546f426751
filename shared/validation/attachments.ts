/** Bilag as files (issue 18): the kinds allowed, the limits, and the list the client shows. */
import { z } from "zod";

export const AttachmentKind = z.enum(["pdf", "docx", "xlsx"]);
export type AttachmentKind = z.infer<typeof AttachmentKind>;

/** Per file, and per reply: enough for minutes and extracts, small enough for a seal and a zip. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_MAX_COUNT = 20;

export const CONTENT_TYPES: Record<AttachmentKind, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export const AttachmentParams = z.object({ id: z.string().regex(/^[a-z0-9-]{1,64}$/), attachmentId: z.string().uuid() });
/** The file's name travels URL-encoded in a header beside the raw bytes. */
export const AttachmentFilename = z
  .string()
  .trim()
  .min(1, "Filen mangler et navn.")
  .max(200, "Filnavnet er for langt (højst 200 tegn).")
  .refine((name) => !/[\\/]/.test(name) && ![...name].some((ch) => ch.charCodeAt(0) < 32), "Filnavnet må ikke indeholde skråstreger eller styretegn.");

export interface AttachmentDto {
  id: string;
  filename: string;
  kind: AttachmentKind;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}
