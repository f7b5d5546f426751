/**
 * Which browser origins may open a websocket or sign in. Browsers always send Origin on
 * websocket upgrades; a missing or "null" Origin is refused, because cookies would otherwise
 * let any page (or a sandboxed iframe) act as the signed-in user (cross-site websocket hijacking).
 */
import type { FastifyRequest } from "fastify";

export function allowedOrigins(configured: string): string[] {
  return configured
    .split(",")
    .map((o) => o.trim().replace(/\/$/, ""))
    .filter((o) => o.length > 0);
}

export function isAllowedOrigin(request: FastifyRequest, configured: string[], https: boolean): boolean {
  const origin = request.headers.origin;
  if (!origin || origin === "null") return false;
  if (configured.length > 0) return configured.includes(origin);
  const host = request.headers.host;
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`) && (!https || origin.startsWith("https://"));
}
