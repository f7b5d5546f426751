/** Bilag files (server/routes/attachments), over the one HTTP client. */
import type { AttachmentDto } from "../../../shared/validation/attachments.js";
import { documentPath, request } from "../../api.js";

const attachmentPath = (id: string, attachmentId: string) => `${documentPath(id)}/attachments/${encodeURIComponent(attachmentId)}`;

export const attachmentsApi = {
  list(id: string, signal?: AbortSignal): Promise<{ attachments: AttachmentDto[] }> {
    return request<{ attachments: AttachmentDto[] }>("GET", `${documentPath(id)}/attachments`, { signal });
  },
  add(id: string, file: File): Promise<{ attachments: AttachmentDto[] }> {
    return request<{ attachments: AttachmentDto[] }>("POST", `${documentPath(id)}/attachments`, { file });
  },
  remove(id: string, attachmentId: string): Promise<void> {
    return request<void>("DELETE", attachmentPath(id, attachmentId));
  },
  /** A plain link: the session cookie goes with it, and the server sends the file as a download. */
  downloadUrl(id: string, attachmentId: string): string {
    return attachmentPath(id, attachmentId);
  },
};
