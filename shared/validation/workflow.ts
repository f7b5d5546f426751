/** Workflow, approval and seal: request bodies and responses. */
import { z } from "zod";
import { Decision, type DecisionOutcome } from "./decision.js";

export const RequestApprovalBody = z.object({ acknowledgedWarnings: z.array(z.string().max(100)).max(100).default([]) });
export const ReopenBody = z.object({
  reason: z.string().trim().min(3, "Skriv en begrundelse (mindst 3 tegn).").max(1000, "Begrundelsen er for lang (højst 1000 tegn)."),
});
/**
 * An approval names the text it approves (its hash) and the decision behind it. `grundlag`, the
 * decision as free text, is what API clients from before structured decisions send.
 */
export const ApproveBody = z
  .object({
    beslutning: Decision.optional(),
    grundlag: z
      .string()
      .trim()
      .min(3, "Angiv grundlaget for godkendelsen, fx en byrådsbeslutning.")
      .max(300, "Grundlaget er for langt (højst 300 tegn).")
      .optional(),
    indholdsHash: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .refine((b) => b.beslutning !== undefined || b.grundlag !== undefined, { message: "Angiv beslutningen bag godkendelsen.", path: ["beslutning"] });
/** The coordinator registers a kommune's decision on its behalf, with the evidence it was given. */
export const ApproveOnBehalfBody = z.object({
  kommunekode: z.string().regex(/^\d{3}$/),
  beslutning: Decision,
  dokumentation: z
    .string()
    .trim()
    .min(10, "Beskriv dokumentationen for beslutningen (fx referatets link eller mail fra kommunen).")
    .max(1000, "Højst 1000 tegn."),
  indholdsHash: z.string().regex(/^[0-9a-f]{64}$/),
});
export const VersionBody = z.object({ name: z.string().trim().min(1, "Skriv et navn til versionen.").max(200, "Navnet er for langt (højst 200 tegn).") });
export const VersionParams = z.object({ id: z.string().regex(/^[a-z0-9-]{1,64}$/), versionId: z.string().uuid() });
/** The coordinator's reminder to the kommuner that have not approved; the note goes into the mail as written. */
export const RemindBody = z.object({ note: z.string().trim().max(500).optional() });

export const AgencySharingBody = z.object({ shared: z.boolean() });

export const InternalDeadlineBody = z.object({
  internalDeadline: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
});

export interface ApprovalStatusDto {
  kommunekode: string;
  kommune: string;
  /** The kommune's recorded decision; `udfald` "ikke_godkendt" is a no. */
  approval: { godkendtAf: string; tidspunkt: string; grundlag: string; udfald: DecisionOutcome; bemaerkning: string | null } | null;
}

export interface WorkflowResponse {
  state: "udkast" | "til_godkendelse" | "godkendt" | "indsendt";
  /** SHA-256 of the frozen text, when there is one: what an approval must name. */
  frozenHash: string | null;
  frozenAt: string | null;
  acknowledgedWarnings: string[];
  internalDeadline: string | null;
  /** The coordinator lets the agency read the draft before submission. */
  sharedWithAgency: boolean;
  deadline: string;
  approvals: ApprovalStatusDto[];
  seal: { indholdsHash: string; forseglingsHash: string; sealedAt: string } | null;
}

export interface FinalResponse {
  documentId: string;
  sealedAt: string;
  indholdsHash: string;
  forseglingsHash: string;
  /**
   * Recomputed now: the record against its hashes, the signed statement against the server's
   * public key (`signature`), the stored seal and the stored PDF and DOCX against the statement.
   */
  /** `bilag`: every bilag file the record names is stored with the bytes it was sealed with. */
  verification: { indholdsHash: boolean; forseglingsHash: boolean; bilag: boolean; signature: boolean; matchesSeal: boolean; pdf: boolean; docx: boolean };
  /** Which key signed the statement (GET /api/signing-key publishes the current one); null if unsigned. */
  signatureKeyId: string | null;
  record: unknown;
}
