import { createHash } from "node:crypto";
import { canonicalJson } from "../../shared/content/canonical.js";

/**
 * SHA-256 (hex) of the RFC 8785 canonical JSON of a value. It gives the reply's two hashes, which
 * carry the spec's names everywhere (docs/design/reply-template.md §6): `indholdsHash` over the
 * content a version froze, `forseglingsHash` over the sealed record. Only SQL spells them
 * `content_hash` and `seal_hash` (migration 0002).
 */
export function sha256Canonical(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value), "utf8").digest("hex");
}
