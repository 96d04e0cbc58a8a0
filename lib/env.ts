import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const postgresUrl = z
  .url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" });

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATA_DIR: z.string().min(1).default("./.data"),
    DATABASE_URL: postgresUrl.optional(),
    DATABASE_REPLICA_URLS: z
      .string()
      .optional()
      .transform((value, ctx) => {
        const urls = (value ?? "").split(",").map((u) => u.trim()).filter(Boolean);
        // Named by position, never echoed: a replica URL carries its password.
        urls.forEach((url, i) => {
          if (!postgresUrl.safeParse(url).success) {
            ctx.addIssue({ code: "custom", message: `entry ${i + 1} is not a postgres:// URL` });
          }
        });
        return urls;
      }),
    /** the longest a statement, a connection attempt or one action's database work may take */
    DATABASE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
    /** how far a replica may fall behind before pages rendered from it are expired again regardless */
    DATABASE_REPLICA_MAX_LAG_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    /** on SIGTERM, how long requests in flight get before the server exits anyway */
    SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(600).default(10),
    REDIS_URL: z.url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" }).optional(),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)").optional(),
    SITE_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://news.example.com" }).optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    SEED_PASSWORD: z.string().min(10, "must be at least 10 characters").optional(),
    /** "1": fill an empty PostgreSQL database with the demo newsroom (the embedded default always is) */
    SEED_DEMO: z.enum(["0", "1"]).default("0"),
    /**
     * how many reverse proxies of the site's own (nginx, a CDN) add to X-Forwarded-For; 0 (no
     * proxy: the connection's address is the client's) unless the operator says otherwise
     */
    TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
    // Stay Connected: official APIs, asked in the background. Base URLs are configurable so
    // that tests (or a proxy) can stand in for the networks.
    SOCIAL_REFRESH_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(360),
    SOCIAL_MASTODON_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
    SOCIAL_BLUESKY_BASE_URL: z.url({ protocol: /^https?$/ }).default("https://public.api.bsky.app"),
    SOCIAL_YOUTUBE_BASE_URL: z.url({ protocol: /^https?$/ }).default("https://www.googleapis.com"),
    SOCIAL_FACEBOOK_BASE_URL: z.url({ protocol: /^https?$/ }).default("https://graph.facebook.com"),
    YOUTUBE_API_KEY: z.string().min(1).optional(),
    FACEBOOK_ACCESS_TOKEN: z.string().min(1).optional(),
    /** how often each instance writes the reads it counted (a crash loses at most this much) */
    READERSHIP_FLUSH_SECONDS: z.coerce.number().int().min(1).max(300).default(5),
    /** how long the hourly read counts are kept; the dashboard's charts look 30 days back */
    READERSHIP_RETAIN_DAYS: z.coerce.number().int().min(31).max(3650).default(400),
    /** how often the background pass checks whether Most Read moved (and refreshes its pages) */
    MOST_READ_REFRESH_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(3),
    // Newsletters and alerts (lib/mail). Without SMTP_URL mail is written to DATA_DIR/outbox/.
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL such as smtp://user:pass@host:587" }).optional(),
    MAIL_FROM: z.string().min(3).optional(),
    /** where .eml files go without SMTP_URL (default DATA_DIR/outbox) */
    MAIL_OUTBOX_DIR: z.string().min(1).optional(),
    /** messages a second across this instance's pooled connections; 0 for as fast as the relay takes them */
    MAIL_RATE_PER_SECOND: z.coerce.number().min(0).max(10_000).default(0),
    MAIL_POOL_SIZE: z.coerce.number().int().min(1).max(50).default(5),
    /** permanent (5xx) refusals in a row after which an address is suppressed */
    MAIL_HARD_FAILURE_LIMIT: z.coerce.number().int().min(1).max(100).default(3),
    /** "1" only in end-to-end runs: exposes /api/test/* (the query counter, tag revalidation) */
    GAZETTE_TEST_HOOKS: z.enum(["0", "1"]).default("0"),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_REPLICA_URLS.length > 0 && !env.DATABASE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["DATABASE_REPLICA_URLS"],
        message: "needs DATABASE_URL (the primary) to be set as well",
      });
    }
  });

export type Env = z.infer<typeof schema> & { SITE_URL: string; dataDir: string };

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses an environment; empty strings count as unset, as shells and .env files produce them. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "environment"}: ${issue.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const env = result.data;
  return {
    ...env,
    SITE_URL: (env.SITE_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
    dataDir: path.resolve(env.DATA_DIR),
  };
}

let cached: Env | undefined;

/**
 * The process environment, parsed once. A bad value ends the process with a message that
 * names the variable: a stack trace would bury the one line a person needs to read.
 */
export function env(): Env {
  if (cached) return cached;
  try {
    cached = parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`\n${error.message}\n\nFix the variable above (see README, "Configuration") and start again.\n`);
      process.exit(1);
    }
    throw error;
  }
  return cached;
}

/**
 * A secret generated once and kept under DATA_DIR, for the embedded default where nobody has
 * configured one. With a real database several instances share the secret, so it must come
 * from the environment instead.
 */
export function persistedSecret(name: string, current: Env = env()): string {
  mkdirSync(current.dataDir, { recursive: true });
  const file = path.join(current.dataDir, `${name}.secret`);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    // Another process wrote it first: use theirs, so both sign alike.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readFileSync(file, "utf8").trim();
    throw error;
  }
  return secret;
}

/**
 * AUTH_SECRET: required in production on a real database (several instances must sign sessions
 * alike), generated and kept on disk otherwise.
 */
export function authSecret(current: Env = env()): string {
  if (current.AUTH_SECRET) return current.AUTH_SECRET;
  if (current.DATABASE_URL && current.NODE_ENV === "production") {
    console.error(
      "\nInvalid configuration:\n  AUTH_SECRET: required in production with DATABASE_URL, so that every instance signs sessions alike (try: openssl rand -base64 32)\n",
    );
    process.exit(1);
  }
  return persistedSecret("auth");
}
