/**
 * The agency's deadline for the reply (request l. 76–77, 365–367): 31 May 2025, a Danish date.
 * A later submission is allowed but flagged "Indsendt efter fristen".
 */
import { copenhagenDate } from "./danish.js";

export const SUBMISSION_DEADLINE = "2025-05-31";

/** True when a reply sealed at `sealedAt` (an instant) was sealed after the deadline's day in Copenhagen. */
export function submittedLate(sealedAt: string): boolean {
  return copenhagenDate(sealedAt) > SUBMISSION_DEADLINE;
}
