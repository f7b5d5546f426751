import { createHash } from "node:crypto";
import { canonicalJson } from "../../shared/content/canonical.js";

/** SHA-256 (hex) of the RFC 8785 canonical JSON of a value. */
export function sha256Canonical(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value), "utf8").digest("hex");
}
