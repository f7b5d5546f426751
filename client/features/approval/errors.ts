/** The Danish message of a failed API call (the server's own words when it sent some). */
import { ApiError } from "../../api.js";
import { da } from "../../i18n/da.js";

export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : da.errors.generic;
}

/** Called after a workflow step succeeded, with what to tell the user. */
export type OnDone = (message: string) => void;
