/**
 * Configuration from the environment, validated once at start. Every variable has a default
 * so `npm start` needs nothing; README.md lists them all (keep the two in step).
 */
import { z } from "zod";

const bool = z.enum(["true", "false", "1", "0", ""]).transform((v) => v === "true" || v === "1");

export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  /** The server's Ed25519 signing key (PEM, created on first start); default: signing-key.pem in DATA_DIR. Keep it out of database backups' reach. */
  SIGNING_KEY_FILE: z.string().min(1).optional(),
  /** The address people open the app at (links in invitations); default: this server's own address. Never taken from a request's Host header. */
  PUBLIC_URL: z.string().url().optional(),
  /** Directory of the SQLite database (and nothing else). */
  DATA_DIR: z.string().default("./data"),
  /** postgres://… switches storage to PostgreSQL. */
  DATABASE_URL: z.string().url().optional(),
  /** redis://… enables scale-out fan-out between several instances. */
  REDIS_URL: z.string().url().optional(),
  /** Namespace of the Redis channels (several deployments or test runs can share one Redis). */
  REDIS_CHANNEL_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/)
    .default("rs"),
  /** Public origin(s) the browser uses, comma-separated; websocket upgrades from other origins are refused. Empty: same host as the request. */
  ALLOWED_ORIGINS: z.string().default(""),
  /** Set when served over https: cookies become `__Host-` + Secure. */
  HTTPS: bool.default(false),
  /** Password of the demo accounts; generated and printed once at seeding when unset. */
  DEMO_PASSWORD: z.string().min(8).optional(),
  /** Seed the demo (regions, replies, accounts) into an empty database. */
  SEED_DEMO: bool.default(true),
  /** Session lifetime in hours. */
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** How often open websockets are checked against their session (expired or revoked ones close), in ms. */
  SESSION_CHECK_MS: z.coerce.number().int().min(100).default(5000),
  /** Largest websocket frame accepted, in bytes (a full reply is ~100 KB; pastes of tables can be large). */
  WS_MAX_FRAME_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(2 * 1024 * 1024),
  /** Largest document (encoded Yjs state with its history), in bytes; a bigger change is refused with 4413. */
  MAX_DOCUMENT_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .default(16 * 1024 * 1024),
  /** Collaboration sockets one user may have open on one instance (one per reply per tab); more are closed with 4429. */
  MAX_CONNECTIONS_PER_USER: z.coerce.number().int().min(1).default(30),
  /** Frames per second one user may send across all sockets (burst 5×); more close the socket with 4529. */
  USER_MESSAGES_PER_SECOND: z.coerce.number().int().min(1).default(400),
  /** Compact a document's update log into a snapshot after this many updates. */
  COMPACT_AFTER_UPDATES: z.coerce.number().int().min(1).default(500),
  /** Unload a room this long after its last client left, in ms (0 = at once, after persisting). */
  ROOM_UNLOAD_DELAY_MS: z.coerce.number().int().min(0).default(5000),
  /** smtp://user:pass@host:port or smtps://… : mail goes out through this server. Unset: mails stay in the outbox (/udbakke). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  /** Sender of the mails. */
  MAIL_FROM: z.string().min(3).default("Regionssvar <noreply@regionssvar.dk>"),
  /** How often the delivery loop looks for due mails, in ms (it also runs at once after each new mail). */
  MAIL_POLL_MS: z.coerce.number().int().min(50).default(5000),
  /** First retry of a failed send after this many ms; doubled per attempt, at most an hour. */
  MAIL_RETRY_BASE_MS: z.coerce.number().int().min(10).default(30_000),
  /**
   * JSON: organisation id → the e-mail domains of its people, e.g. {"kommune-851":["aalborg.dk"]}. An invitation
   * into such an organisation must go to an address in one of its domains (issue 15: a kommune's consent).
   */
  ORGANISATION_EMAIL_DOMAINS: z
    .string()
    .transform((text, ctx) => {
      try {
        return z.record(z.string(), z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/))).parse(JSON.parse(text));
      } catch {
        ctx.addIssue({ code: "custom", message: 'must be JSON like {"kommune-851":["aalborg.dk"]}' });
        return z.NEVER;
      }
    })
    .optional(),
  /** A JSON file of OpenID Connect providers for single sign-on (docs/operations.md); unset: password sign-in only. */
  OIDC_PROVIDERS_FILE: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Serve the built client from dist/client. */
  SERVE_CLIENT: bool.default(true),
});

export type Config = z.infer<typeof ConfigSchema>;

/** Parses the environment; throws a readable error listing every invalid variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const known = Object.fromEntries(Object.keys(ConfigSchema.shape).map((k) => [k, env[k] === "" ? undefined : env[k]]));
  const parsed = ConfigSchema.safeParse(known);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return { ...parsed.data, ...overrides };
}
