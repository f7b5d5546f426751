/**
 * Whether a storage error is a unique-constraint (or primary-key) violation, on either backend.
 * Commands that let a unique key decide a race ("only one approval per kommune", "only one seal")
 * treat exactly this error as "someone was first"; any other error is a real failure.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("code" in error)) return false;
  const code = (error as { code: unknown }).code;
  // PostgreSQL: unique_violation. SQLite (better-sqlite3): the extended result codes.
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}
