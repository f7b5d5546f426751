/**
 * The address people open the app at, for links the server writes (invitations): PUBLIC_URL, or
 * else the address this server listens on. Never a request's Host header, which whoever sends
 * the request chooses (a link in an invitation could otherwise point at an attacker's host).
 */
import type { AddressInfo } from "node:net";
import type { Config } from "./config.js";

export function publicBaseUrl(config: Pick<Config, "PUBLIC_URL" | "HTTPS" | "HOST" | "PORT">, listening: AddressInfo | string | null): string {
  if (config.PUBLIC_URL) return config.PUBLIC_URL.replace(/\/+$/, "");
  const port = typeof listening === "object" && listening ? listening.port : config.PORT;
  const host = config.HOST === "0.0.0.0" || config.HOST === "::" ? "127.0.0.1" : config.HOST;
  return `${config.HTTPS ? "https" : "http"}://${host.includes(":") ? `[${host}]` : host}:${port}`;
}
