/** Ed25519 signatures over canonical JSON (RFC 8785, the same form the hashes use). */
import { sign, verify, type KeyObject } from "node:crypto";
import { canonicalJson } from "../../shared/content/canonical.js";

export function signJson(privateKey: KeyObject, value: unknown): string {
  return sign(null, Buffer.from(canonicalJson(value), "utf8"), privateKey).toString("base64");
}

export function verifyJson(publicKey: KeyObject, value: unknown, signature: string): boolean {
  try {
    return verify(null, Buffer.from(canonicalJson(value), "utf8"), publicKey, Buffer.from(signature, "base64"));
  } catch {
    return false;
  }
}
