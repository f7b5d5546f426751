/**
 * Rows are parsed at the storage boundary, not cast: a value the code does not know (a role
 * "admin" written by hand, a JSON column that is not what it should be) fails here, naming the
 * table and column, instead of flowing on as a typed value and failing far away.
 */
import { z } from "zod";

export class StoredRowError extends Error {
  constructor(
    readonly where: string,
    cause: unknown,
  ) {
    super(`A stored row could not be read (${where})`, { cause });
  }
}

/** `schema.parse(value)`, with the table and column named on failure. */
export function decode<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new StoredRowError(where, result.error);
  return result.data;
}

/** A JSON text column parsed and checked against `schema`. */
export function decodeJson<T>(schema: z.ZodType<T>, text: string, where: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new StoredRowError(where, error);
  }
  return decode(schema, value, where);
}

export const StringList = z.array(z.string());
export const JsonObject = z.record(z.string(), z.unknown());
