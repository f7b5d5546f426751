/**
 * External security plugins in one place: cookies, CSRF tokens, security headers (with a strict
 * Content-Security-Policy for the built client) and rate limiting.
 */
import fp from "fastify-plugin";
import cookie from "@fastify/cookie";
import csrf from "@fastify/csrf-protection";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import type { Config } from "../config.js";

/** Name of the cookie that holds the CSRF secret (rotated at sign-in and sign-out). */
export function csrfCookieName(config: Pick<Config, "HTTPS">): string {
  return config.HTTPS ? "__Host-rs_csrf" : "rs_csrf";
}

export const securityPlugin = fp<{ config: Config }>(async (app, { config }) => {
  await app.register(cookie);
  await app.register(csrf, {
    sessionPlugin: "@fastify/cookie",
    cookieKey: csrfCookieName(config),
    cookieOpts: { path: "/", httpOnly: true, sameSite: "strict", secure: config.HTTPS, signed: false },
    getToken: (req) => req.headers["x-csrf-token"] as string | undefined,
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // ProseMirror and Tiptap set inline styles on nodes
        imgSrc: ["'self'", "data:"],
        // 'self' covers the app's own ws:/wss: origin (CSP Level 3); bare ws: wss: would allow any host.
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    hsts: config.HTTPS,
  });
  // No browser feature the app does not use; private API answers are never cached (shared computers, proxies).
  app.addHook("onSend", async (request, reply) => {
    reply.header("permissions-policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()");
    if (request.url.startsWith("/api/")) reply.header("cache-control", "no-store");
  });
  // Global limit off; routes opt in with `config.rateLimit` (sign-in, invitations).
  await app.register(rateLimit, { global: false });
});
