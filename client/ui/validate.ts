/**
 * A form checks its input with the route's own zod schema (shared/validation/), so the browser
 * and the server agree on what is valid and say it in the same Danish words.
 */
import type { z } from "zod";

export type Checked<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string> };

/** The parsed value, or the first message per field (keyed by the field's name; "" for a bare value). */
export function check<S extends z.ZodType>(schema: S, value: unknown): Checked<z.output<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : "";
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
