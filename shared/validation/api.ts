/**
 * Request and response shapes of the HTTP API, shared by the server routes (validation) and the
 * client (types). Every error response is `{ error: { code, message } }` with a Danish message.
 */
import { z } from "zod";
import { DocumentRole, OrganisationKind, WorkflowState } from "../vocabulary.js";

export const LoginBody = z.object({
  // NFKC, trimmed, lower-case: the form sign-in looks accounts up and counts attempts by.
  email: z
    .string()
    .max(1024)
    .transform((email) => email.normalize("NFKC").trim().toLowerCase())
    .pipe(
      z.string().min(1, "Skriv din e-mailadresse.").max(254, "E-mailadressen er for lang.").pipe(z.email("Skriv en gyldig e-mailadresse, fx navn@kommune.dk.")),
    ),
  password: z.string().min(1, "Skriv din adgangskode.").max(1024),
  /** The second factor's code, when the account has one (asked for after "totp_required"). */
  code: z.string().trim().max(10).optional(),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const DocumentIdParams = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
});

export { DocumentRole, OrganisationKind, WorkflowState };

export interface OrganisationDto {
  id: string;
  kind: z.infer<typeof OrganisationKind>;
  name: string;
  regionId: string | null;
  kommunekode: string | null;
}

export interface UserDto {
  id: string;
  email: string;
  name: string;
  organisation: OrganisationDto;
  /** The account has a password (it can change it and add a second factor); false for single sign-on only. */
  hasPassword: boolean;
}

/** GET /api/me and POST /api/auth/login. `csrfToken` goes in the `x-csrf-token` header of every mutating request. */
export interface MeResponse {
  user: UserDto;
  csrfToken: string;
}

export interface DocumentSummaryDto {
  id: string;
  title: string;
  regionId: string;
  regionName: string;
  state: z.infer<typeof WorkflowState>;
  role: z.infer<typeof DocumentRole>;
  updatedAt: string;
}

/** A row of "Mine svar": the summary plus the deadline and where the completeness check stands. */
export interface DocumentListItemDto extends DocumentSummaryDto {
  deadline: string; // YYYY-MM-DD
  completeness: {
    /** Blocking rules met, over all items. */
    met: number;
    total: number;
    errors: number;
    warnings: number;
  };
}

/** GET /api/documents */
export interface DocumentListResponse {
  documents: DocumentListItemDto[];
}

/** GET /api/documents/:id */
export interface DocumentResponse {
  document: DocumentSummaryDto & {
    templateId: string;
    templateVersion: number;
    municipalities: { code: string; name: string; officialName: string }[];
    familieambulatorium: { name: string; uncertain: boolean };
    deadline: string; // YYYY-MM-DD
    /** YYYY-MM-DD: a frozen reply's completeness is judged at the day it was frozen; null for a draft (today). */
    checkDate: string | null;
    /** A "supplerende svar": the sealed reply it supplements. */
    supplements: LinkedReplyDto | null;
    /** The supplerende svar made from this reply, oldest first. */
    supplementedBy: LinkedReplyDto[];
  };
}

export interface LinkedReplyDto {
  id: string;
  title: string;
  state: z.infer<typeof WorkflowState>;
}

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** Identity the server stamps into each connection's awareness state under `user`. */
export interface AwarenessUser {
  userId: string;
  name: string;
  organisation: string;
  kommunekode: string | null;
  role: z.infer<typeof DocumentRole>;
  color: string;
}
