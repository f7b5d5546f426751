/** The Danish message of a failed request: the server's own reason, or the generic one. */
import { ApiError } from "../api.js";
import { da } from "../i18n/da.js";

export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : da.errors.generic;
}
