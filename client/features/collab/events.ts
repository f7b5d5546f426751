/**
 * Server events (MESSAGE_EVENT, `varString json`) the client understands. Anything else, or
 * anything malformed, is ignored: events only refresh what the page shows.
 */
import type { DocumentSummaryDto } from "../../../shared/validation/api.js";

type WorkflowState = DocumentSummaryDto["state"];
const WORKFLOW_STATES: readonly WorkflowState[] = ["udkast", "til_godkendelse", "godkendt", "indsendt"];

export type ServerEvent =
  | { type: "save-health"; healthy: boolean }
  | { type: "workflow"; state: WorkflowState }
  | { type: "threads"; threadId: string }
  | { type: "approvals" }
  | { type: "rejected-changes"; userId: string };

export function parseServerEvent(json: string): ServerEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const e = value as Record<string, unknown>;
  switch (e.type) {
    case "save-health":
      return typeof e.healthy === "boolean" ? { type: "save-health", healthy: e.healthy } : null;
    case "workflow":
      return WORKFLOW_STATES.includes(e.state as WorkflowState) ? { type: "workflow", state: e.state as WorkflowState } : null;
    case "threads":
      return typeof e.threadId === "string" ? { type: "threads", threadId: e.threadId } : null;
    case "approvals":
      return { type: "approvals" };
    case "rejected-changes":
      return typeof e.userId === "string" ? { type: "rejected-changes", userId: e.userId } : null;
    default:
      return null;
  }
}
