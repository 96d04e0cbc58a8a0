import { sql, type InferInsertModel, type InferSelectModel } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });
const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const createdAt = () => at("created_at").notNull().defaultNow();

export const roles = ["writer", "editor", "moderator", "admin"] as const;
export const roleEnum = pgEnum("role", roles);
export type Role = (typeof roles)[number];

export const articleStatuses = ["draft", "review", "scheduled", "published"] as const;
export const articleStatusEnum = pgEnum("article_status", articleStatuses);
export type ArticleStatus = (typeof articleStatuses)[number];

export const commentModes = ["open", "moderated", "closed"] as const;
export const commentModeEnum = pgEnum("comment_mode", commentModes);
export type CommentMode = (typeof commentModes)[number];

export const commentStatuses = ["pending", "approved", "spam", "rejected"] as const;
export const commentStatusEnum = pgEnum("comment_status", commentStatuses);
export type CommentStatus = (typeof commentStatuses)[number];

export const socialNetworks = [
  "mastodon",
  "bluesky",
  "youtube",
  "facebook",
  "instagram",
  "x",
  "newsletter",
  "rss",
  "custom",
] as const;
export const socialNetworkEnum = pgEnum("social_network", socialNetworks);
export type SocialNetwork = (typeof socialNetworks)[number];

export const users = pgTable(
  "users",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: roleEnum("role").notNull(),
    passwordHash: text("password_hash").notNull(),
    active: boolean("active").notNull().default(true),
    /**
     * Carried in every session token and compared where the role is read: bumping it (sign-out,
     * password reset, role change, deactivation) ends every session of the person at once.
     */
    sessionVersion: integer("session_version").notNull().default(0),
    lastLoginAt: at("last_login_at"),
    createdAt: createdAt(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`)],
);

export const authors = pgTable("authors", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  bio: text("bio").notNull().default(""),
  userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
});

export const sections = pgTable("sections", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  position: integer("position").notNull().default(0),
  createdAt: createdAt(),
});

export const tags = pgTable("tags", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  createdAt: createdAt(),
});

export const articles = pgTable(
  "articles",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    slug: text("slug").notNull().unique(),
    sectionId: integer("section_id")
      .notNull()
      .references(() => sections.id),
    authorId: integer("author_id")
      .notNull()
      .references(() => authors.id),
    title: text("title").notNull(),
    standfirst: text("standfirst").notNull().default(""),
    body: text("body").notNull().default(""),
    /**
     * The body rendered to sanitized HTML when it was saved, so that a page render does not
     * parse Markdown. Used only while body_html_version is the renderer's current version
     * (lib/markdown.ts); a renderer change re-renders stale rows at the next migrate.
     */
    bodyHtml: text("body_html"),
    bodyHtmlVersion: integer("body_html_version"),
    /** public ids of the uploaded images the body shows: they are public while the article is */
    bodyMedia: text("body_media").array().notNull().default(sql`'{}'::text[]`),
    status: articleStatusEnum("status").notNull().default("draft"),
    /** when it went (or, for scheduled articles, goes) live */
    publishedAt: at("published_at"),
    /** the last editorial change after publication, shown as "Updated" */
    revisedAt: at("revised_at"),
    sourceName: text("source_name"),
    sourceUrl: text("source_url"),
    heroImageUrl: text("hero_image_url"),
    heroImageAlt: text("hero_image_alt"),
    heroImageCaption: text("hero_image_caption"),
    heroImageCredit: text("hero_image_credit"),
    heroImageWidth: integer("hero_image_width"),
    heroImageHeight: integer("hero_image_height"),
    mustRead: boolean("must_read").notNull().default(false),
    commentMode: commentModeEnum("comment_mode").notNull().default("moderated"),
    /** optimistic locking: every save increments it and names the version it started from */
    version: integer("version").notNull().default(1),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    updatedBy: integer("updated_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: at("updated_at").notNull().defaultNow(),
    // Full-text search document: the title weighs most, then the standfirst, then the body.
    search: tsvector("search").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', coalesce("title", '')), 'A') || setweight(to_tsvector('english', coalesce("standfirst", '')), 'B') || setweight(to_tsvector('english', coalesce("body", '')), 'C')`,
    ),
  },
  (t) => [
    // Lists are ordered `published_at desc, id desc` (PostgreSQL puts nulls first there), so
    // each index ends with exactly that: any other order or nulls placement and PostgreSQL
    // sorts every published article to find the newest few.
    index("articles_status_published_idx").on(t.status, t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("articles_section_published_idx").on(t.sectionId, t.status, t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("articles_author_published_idx").on(t.authorId, t.status, t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // the editors' Must Read flags, newest first: the home page's lead and the sidebar
    index("articles_must_read_idx")
      .on(t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.mustRead} and ${t.status} = 'published'`),
    index("articles_search_idx").using("gin", t.search),
    // which articles show an image: a reader may see it only when one of them is public
    index("articles_hero_image_url_idx").on(t.heroImageUrl).where(sql`${t.heroImageUrl} is not null`),
    index("articles_body_media_idx").using("gin", t.bodyMedia),
  ],
);

export const articleTags = pgTable(
  "article_tags",
  {
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    tagId: integer("tag_id")
      .notNull()
      .references(() => tags.id, { onDelete: "cascade" }),
  },
  // (tag, article): a tag's articles, newest created first, for Related News and tag pages.
  (t) => [primaryKey({ columns: [t.articleId, t.tagId] }), index("article_tags_tag_article_idx").on(t.tagId, t.articleId)],
);

/** A snapshot of an article at every save, so any earlier state can be viewed and restored. */
export const articleRevisions = pgTable(
  "article_revisions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    slug: text("slug").notNull(),
    standfirst: text("standfirst").notNull(),
    body: text("body").notNull(),
    status: articleStatusEnum("status").notNull(),
    /** section, author, tags, source, hero and flags as they were */
    fields: jsonb("fields").$type<Record<string, unknown>>().notNull().default({}),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("article_revisions_article_idx").on(t.articleId, t.createdAt.desc())],
);

export const articleCorrections = pgTable(
  "article_corrections",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("article_corrections_article_idx").on(t.articleId)],
);

export const comments = pgTable(
  "comments",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    parentId: integer("parent_id").references((): AnyPgColumn => comments.id, { onDelete: "cascade" }),
    authorName: text("author_name").notNull(),
    authorEmail: text("author_email").notNull(),
    authorWebsite: text("author_website"),
    body: text("body").notNull(),
    status: commentStatusEnum("status").notNull().default("pending"),
    /** taken off the page by readers' reports (comment_reports) until a moderator decides */
    hiddenByReports: boolean("hidden_by_reports").notNull().default(false),
    /** why the spam checks held or refused it, for the moderators */
    spamReasons: jsonb("spam_reasons").$type<string[]>().notNull().default([]),
    /** salted hash: the address itself is never stored */
    ipHash: text("ip_hash"),
    userAgent: text("user_agent"),
    /** one comment per submitted form, however often it is sent */
    idempotencyKey: text("idempotency_key").unique(),
    /** a hash of the folded body (lib/comments/spam.ts), so a repeat is found by the index */
    fingerprint: text("fingerprint"),
    /**
     * a hash of the commenter key the poster's browser keeps: on an open article, only a post
     * carrying the key of an approved comment by the same email is published at once
     */
    commenterKeyHash: text("commenter_key_hash"),
    moderatedBy: integer("moderated_by").references(() => users.id, { onDelete: "set null" }),
    moderatedAt: at("moderated_at"),
    /**
     * The comment this one answered when it was flattened under its thread's top-level comment
     * (an imported WordPress thread deeper than Gazette's one level).
     */
    inReplyToId: integer("in_reply_to_id").references((): AnyPgColumn => comments.id, { onDelete: "set null" }),
    /** the commenter ticked "Notify me of replies by email" (lib/comments/reply-alerts.ts) */
    notifyReplies: boolean("notify_replies").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index("comments_article_status_idx").on(t.articleId, t.status, t.createdAt),
    index("comments_status_created_idx").on(t.status, t.createdAt.desc()),
    index("comments_email_idx").on(sql`lower(${t.authorEmail})`),
    index("comments_article_fingerprint_idx").on(t.articleId, t.fingerprint, t.createdAt).where(sql`${t.fingerprint} is not null`),
  ],
);

export const bannedWordKinds = ["banned", "suspect"] as const;
export const bannedWords = pgTable(
  "banned_words",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    word: text("word").notNull(),
    /** banned words refuse a comment; suspect words hold it for a moderator */
    kind: text("kind", { enum: bannedWordKinds }).notNull(),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("banned_words_word_key").on(sql`lower(${t.word})`)],
);

export const bannedCommenterKinds = ["email", "ip"] as const;
export const bannedCommenters = pgTable(
  "banned_commenters",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    kind: text("kind", { enum: bannedCommenterKinds }).notNull(),
    /** a lower-cased email, or the salted hash of an IP address */
    value: text("value").notNull(),
    reason: text("reason").notNull().default(""),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("banned_commenters_kind_value_key").on(t.kind, t.value)],
);

export const socialAccounts = pgTable("social_accounts", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  network: socialNetworkEnum("network").notNull(),
  handle: text("handle").notNull(),
  profileUrl: text("profile_url").notNull(),
  /** what the count counts: Fans, Followers, Subscribers */
  noun: text("noun").notNull(),
  /** the action link's text: Like, Follow, Subscribe */
  verb: text("verb").notNull(),
  count: bigint("count", { mode: "number" }),
  /** a count typed by an admin, for networks without an open API */
  manual: boolean("manual").notNull().default(false),
  fetchedAt: at("fetched_at"),
  /** a drop of more than 90% waits here until an admin confirms it */
  pendingCount: bigint("pending_count", { mode: "number" }),
  lastError: text("last_error"),
  lastErrorAt: at("last_error_at"),
  position: smallint("position").notNull().default(0),
  visible: boolean("visible").notNull().default(true),
  createdAt: createdAt(),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

/** Who did what to which thing, for every staff action. Rows are only ever added. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    /** kept as text too, so the log still reads after a user is removed */
    actorEmail: text("actor_email"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("audit_log_created_idx").on(t.createdAt.desc())],
);

/** One row (id 1): the site's name, description, time zone and defaults. */
export const siteSettings = pgTable("site_settings", {
  id: smallint("id").primaryKey().default(1),
  siteName: text("site_name").notNull().default("Gazette"),
  description: text("description").notNull().default("Independent news, openly published."),
  timeZone: text("time_zone").notNull().default("UTC"),
  locale: text("locale").notNull().default("en-US"),
  defaultCommentMode: commentModeEnum("default_comment_mode").notNull().default("moderated"),
  /** Stay Connected shows 1.2M instead of 1,234,567 */
  compactCounts: boolean("compact_counts").notNull().default(false),
  /** the pages linked from the footer, in order */
  footerPageIds: jsonb("footer_page_ids").$type<number[]>().notNull().default([]),
  /** the spam classifier's score from which a comment waits for a moderator, and from which it is filed as spam */
  spamHoldAt: doublePrecision("spam_hold_at").notNull().default(0.7),
  spamMarkAt: doublePrecision("spam_mark_at").notNull().default(0.95),
  /** reports from this many distinct readers take a comment off the page until a moderator decides */
  reportsToHide: smallint("reports_to_hide").notNull().default(3),
  /** the site's logo, a path on the site (/media/…); none: the bundled /logo.png */
  logoUrl: text("logo_url"),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

/**
 * Rate-limit counters shared by every instance: sign-in throttling (rate-limiter-flexible's
 * Drizzle store) and comment limits (lib/comments/rate-limit.ts, the same key format).
 */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: timestamp("expire", { withTimezone: true, mode: "date" }),
});

/**
 * Sign-in attempts per account and per address (lib/auth/throttle.ts). An attempt is counted
 * before its password is checked, and sets the time the next attempt may be made as if it
 * failed; a success clears the account's row.
 */
export const signInAttempts = pgTable("sign_in_attempts", {
  key: text("key").primaryKey(),
  attempts: integer("attempts").notNull(),
  /** no attempt for this key is evaluated before then */
  allowedAt: at("allowed_at").notNull(),
  /** the attempt this row last admitted, to tell an admitted attempt from a refused one */
  countedAt: at("counted_at").notNull(),
  /** the count starts again after this */
  expire: at("expire").notNull(),
});

/**
 * Sessions ended by signing out, until their token would have expired anyway: a copy of the
 * cookie is refused on every instance, while the person's other sessions carry on.
 */
export const endedSessions = pgTable("ended_sessions", {
  sessionId: text("session_id").primaryKey(),
  expiresAt: at("expires_at").notNull(),
});

/**
 * Reads, one row per page and hour, added to by every instance's flush (lib/readership/jobs.ts):
 * `page` is `article:{id}`, `home`, `section:{slug}` or `other`. Only counts: no address, no
 * URL, no user agent, nothing that tells one reader from another.
 */
export const readsHourly = pgTable(
  "reads_hourly",
  {
    page: text("page").notNull(),
    hour: at("hour").notNull(),
    articleId: integer("article_id").references(() => articles.id, { onDelete: "cascade" }),
    views: integer("views").notNull().default(0),
    fromSearch: integer("from_search").notNull().default(0),
    fromSocial: integer("from_social").notNull().default(0),
    fromNewsletter: integer("from_newsletter").notNull().default(0),
    fromAggregator: integer("from_aggregator").notNull().default(0),
    fromInternal: integer("from_internal").notNull().default(0),
    fromDirect: integer("from_direct").notNull().default(0),
    fromOther: integer("from_other").notNull().default(0),
    mobile: integer("mobile").notNull().default(0),
    desktop: integer("desktop").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.page, t.hour] }),
    index("reads_hourly_hour_idx").on(t.hour),
    index("reads_hourly_article_hour_idx").on(t.articleId, t.hour),
  ],
);

export const reportReasons = ["spam", "abuse", "off-topic", "other"] as const;
export type ReportReason = (typeof reportReasons)[number];

/**
 * A reader's report on a comment: one row per reader (by salted address hash) and comment,
 * so that many reports make one item of moderator work. `resolvedAt` is set when a moderator
 * decides on the comment; reports after that start a new round.
 */
export const commentReports = pgTable(
  "comment_reports",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    commentId: integer("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    reporterHash: text("reporter_hash").notNull(),
    reason: text("reason", { enum: reportReasons }).notNull(),
    note: text("note").notNull().default(""),
    resolvedAt: at("resolved_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("comment_reports_open_key").on(t.commentId, t.reporterHash).where(sql`${t.resolvedAt} is null`),
    index("comment_reports_open_idx").on(t.createdAt.desc()).where(sql`${t.resolvedAt} is null`),
  ],
);

/**
 * The spam classifier's models, newest last; every instance scores with the newest. `labelled`
 * is how many of the site's decided comments it was trained on, so that the next training
 * waits until enough new decisions have come in.
 */
export const spamModels = pgTable("spam_models", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  model: jsonb("model").$type<import("@/lib/comments/classifier/model").Model>().notNull(),
  labelled: integer("labelled").notNull(),
  createdAt: createdAt(),
});

/** An uploaded image, checked by its content; its resized variants live in media_variants. */
export const media = pgTable("media", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  /** the id in its URL: random, so nobody finds a draft's image by counting */
  publicId: text("public_id")
    .notNull()
    .unique()
    .default(sql`replace(gen_random_uuid()::text, '-', '')`),
  sha256: text("sha256").notNull().unique(),
  mime: text("mime").notNull(),
  width: integer("width").notNull(),
  height: integer("height").notNull(),
  originalName: text("original_name"),
  createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
});

export const mediaVariants = pgTable(
  "media_variants",
  {
    mediaId: integer("media_id")
      .notNull()
      .references(() => media.id, { onDelete: "cascade" }),
    width: integer("width").notNull(),
    format: text("format").notNull(),
    bytes: bytea("bytes").notNull(),
  },
  (t) => [primaryKey({ columns: [t.mediaId, t.width, t.format] })],
);

export const pageStatuses = ["draft", "published"] as const;
export const pageStatusEnum = pgEnum("page_status", pageStatuses);
export type PageStatus = (typeof pageStatuses)[number];

/** A static page (About, Contact, Privacy), at /{slug} or, under a parent, /{parent}/{slug}. */
export const pages = pgTable(
  "pages",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    slug: text("slug").notNull(),
    parentId: integer("parent_id").references((): AnyPgColumn => pages.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    bodyHtml: text("body_html"),
    bodyHtmlVersion: integer("body_html_version"),
    status: pageStatusEnum("status").notNull().default("draft"),
    publishedAt: at("published_at"),
    version: integer("version").notNull().default(1),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    updatedBy: integer("updated_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  // A slug is unique among its siblings; top-level pages share the null parent.
  (t) => [uniqueIndex("pages_parent_slug_key").on(sql`coalesce(${t.parentId}, 0)`, t.slug)],
);

export const pageRevisions = pgTable(
  "page_revisions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    pageId: integer("page_id")
      .notNull()
      .references(() => pages.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    slug: text("slug").notNull(),
    parentId: integer("parent_id"),
    body: text("body").notNull(),
    status: pageStatusEnum("status").notNull(),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("page_revisions_page_idx").on(t.pageId, t.createdAt.desc())],
);

/** An old address (a path, or a path with its query such as "/?p=12") answered with a 301. */
export const redirects = pgTable("redirects", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  /** normalized by lib/redirects/paths.ts: decoded, no trailing slash */
  fromPath: text("from_path").notNull().unique(),
  toPath: text("to_path").notNull(),
  /** "wordpress" for the importer's, "admin" for those added by hand */
  source: text("source").notNull().default("admin"),
  createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
});

/**
 * What each imported WordPress thing became, so that importing again updates instead of
 * duplicating. `site` is the export's base site URL; `checksum` is of what the import wrote.
 */
export const wordpressIds = pgTable(
  "wordpress_ids",
  {
    site: text("site").notNull(),
    /** post, page, comment, author, section, tag */
    kind: text("kind").notNull(),
    /** the WordPress id, or for terms and authors their slug or login */
    wpId: text("wp_id").notNull(),
    targetId: integer("target_id").notNull(),
    checksum: text("checksum").notNull().default(""),
    importedAt: at("imported_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.site, t.kind, t.wpId] }), index("wordpress_ids_target_idx").on(t.kind, t.targetId)],
);
/**
 * Single messages waiting to be sent (confirmations now, reply alerts later): a reader's
 * request only adds a row, and the background sender talks to the relay (lib/mail/queue.ts).
 * A row is deleted once the relay has accepted it.
 */
export const mailQueue = pgTable(
  "mail_queue",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    /** when set, `html` is empty and the mail pass renders it from this (lib/mail/templates.ts) */
    template: jsonb("template").$type<{ kind: string; props: Record<string, unknown> }>(),
    /** "queued" until sent (then deleted) or "failed" for good */
    status: text("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: at("next_attempt_at").notNull().defaultNow(),
    lockedUntil: at("locked_until"),
    lastResponse: text("last_response"),
    createdAt: createdAt(),
  },
  (t) => [index("mail_queue_due_idx").on(t.nextAttemptAt, t.id).where(sql`${t.status} = 'queued'`)],
);

/**
 * One row per approved reply whose parent asked for reply alerts: the primary key is what keeps
 * a reply that is approved twice (approve, reject, approve) from alerting twice. `outcome` says
 * what was done: the alert queued, a confirmation asked for instead, or why nothing was sent.
 */
export const replyAlerts = pgTable(
  "reply_alerts",
  {
    replyId: integer("reply_id")
      .primaryKey()
      .references(() => comments.id, { onDelete: "cascade" }),
    parentId: integer("parent_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    outcome: text("outcome").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("reply_alerts_parent_idx").on(t.parentId)],
);

/**
 * Addresses that confirmed reply alerts, or stopped them, kept by hash only (as the newsletters'
 * suppressions are): the address itself is on the commenter's comment already. An opt-in
 * posted before `stoppedAt` stays stopped even after a later confirmation.
 */
export const replyAlertAddresses = pgTable("reply_alert_addresses", {
  emailHash: text("email_hash").primaryKey(),
  confirmedAt: at("confirmed_at"),
  stoppedAt: at("stopped_at"),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

// Newsletters (lib/newsletters): lists, confirmed subscribers, issues and one delivery row per
// recipient, the record of each send; the jobs themselves are on pg-boss (lib/newsletters/queue.ts).
export const newsletterKinds = ["digest", "breaking"] as const;
export const newsletterKindEnum = pgEnum("newsletter_kind", newsletterKinds);
export type NewsletterKind = (typeof newsletterKinds)[number];

export const newsletters = pgTable("newsletters", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  kind: newsletterKindEnum("kind").notNull(),
  /** digest: the sections it gathers (empty: every section) */
  sectionIds: jsonb("section_ids").$type<number[]>().notNull().default([]),
  /** digest: "HH:MM", the local time in the site's time zone */
  sendTime: text("send_time").notNull().default("07:00"),
  enabled: boolean("enabled").notNull().default(true),
  /** digest: articles published after this go in the next one */
  digestCursor: at("digest_cursor"),
  /** digest: the last local day ("2026-12-01") it was sent, or passed over for want of news */
  digestDay: text("digest_day"),
  position: integer("position").notNull().default(0),
  createdAt: createdAt(),
});

export const subscriberStatuses = ["pending", "confirmed"] as const;
export const subscriberStatusEnum = pgEnum("subscriber_status", subscriberStatuses);

export const subscribers = pgTable(
  "newsletter_subscribers",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    /** lower-cased */
    email: text("email").notNull().unique(),
    status: subscriberStatusEnum("status").notNull().default("pending"),
    confirmedAt: at("confirmed_at"),
    /** permanent (5xx) refusals in a row; reset by a delivery that succeeds */
    hardFailures: integer("hard_failures").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("newsletter_subscribers_status_idx").on(t.status, t.id)],
);

export const subscriptions = pgTable(
  "newsletter_subscriptions",
  {
    subscriberId: integer("subscriber_id")
      .notNull()
      .references(() => subscribers.id, { onDelete: "cascade" }),
    newsletterId: integer("newsletter_id")
      .notNull()
      .references(() => newsletters.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.newsletterId, t.subscriberId] }), index("newsletter_subscriptions_subscriber_idx").on(t.subscriberId)],
);

/** Proof of consent: when, from which form (or import), for which lists. */
export const consents = pgTable(
  "newsletter_consents",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    subscriberId: integer("subscriber_id")
      .notNull()
      .references(() => subscribers.id, { onDelete: "cascade" }),
    /** "double-opt-in" or "import-attested" */
    method: text("method").notNull(),
    /** the form's place ("home", "section:world", "article:12", "manage") or "import" */
    source: text("source").notNull(),
    newsletterIds: jsonb("newsletter_ids").$type<number[]>().notNull(),
    /** who attested consent for an import */
    attestedBy: integer("attested_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("newsletter_consents_subscriber_idx").on(t.subscriberId)],
);

/**
 * Addresses that must never be mailed again (unsubscribed or refusing mail), kept as a
 * SHA-256 of the lower-cased address: enough to refuse, not a list of people.
 */
export const suppressions = pgTable("newsletter_suppressions", {
  emailHash: text("email_hash").primaryKey(),
  reason: text("reason").notNull(),
  createdAt: createdAt(),
});

export const newsletterIssues = pgTable(
  "newsletter_issues",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    newsletterId: integer("newsletter_id")
      .notNull()
      .references(() => newsletters.id, { onDelete: "cascade" }),
    /** one issue per digest day or breaking article, whichever instance gets there first */
    dedupeKey: text("dedupe_key").notNull().unique(),
    subject: text("subject").notNull(),
    /** rendered once; per-recipient links are placeholders filled in at send time */
    html: text("html").notNull(),
    text: text("text").notNull(),
    articleIds: jsonb("article_ids").$type<number[]>().notNull().default([]),
    recipients: integer("recipients").notNull().default(0),
    createdAt: createdAt(),
    /** when its deliveries' jobs were put on the pg-boss queue (lib/newsletters/queue.ts) */
    jobsQueuedAt: at("jobs_queued_at"),
    finishedAt: at("finished_at"),
  },
  (t) => [index("newsletter_issues_newsletter_idx").on(t.newsletterId, t.createdAt.desc())],
);

export const deliveryStatuses = ["queued", "sending", "sent", "failed", "skipped"] as const;
export const deliveryStatusEnum = pgEnum("delivery_status", deliveryStatuses);
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export const deliveries = pgTable(
  "newsletter_deliveries",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    issueId: integer("issue_id")
      .notNull()
      .references(() => newsletterIssues.id, { onDelete: "cascade" }),
    /** null once the subscriber left: the row stays for the issue's counts */
    subscriberId: integer("subscriber_id").references(() => subscribers.id, { onDelete: "set null" }),
    status: deliveryStatusEnum("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: at("next_attempt_at").notNull().defaultNow(),
    /** a worker's claim; past it, another worker takes the row over */
    lockedUntil: at("locked_until"),
    /** the relay's reply to the last attempt */
    lastResponse: text("last_response"),
    sentAt: at("sent_at"),
  },
  (t) => [
    uniqueIndex("newsletter_deliveries_issue_subscriber_idx").on(t.issueId, t.subscriberId),
    index("newsletter_deliveries_due_idx").on(t.nextAttemptAt, t.id).where(sql`${t.status} in ('queued', 'sending')`),
  ],
);

/** Breaking alerts an editor asked for when publishing; sent once the article is live. */
export const breakingRequests = pgTable("newsletter_breaking_requests", {
  articleId: integer("article_id")
    .primaryKey()
    .references(() => articles.id, { onDelete: "cascade" }),
  requestedBy: integer("requested_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  handledAt: at("handled_at"),
});

/** Subscriber counts per list and day, for the newsroom's chart. */
export const newsletterCounts = pgTable(
  "newsletter_counts",
  {
    newsletterId: integer("newsletter_id")
      .notNull()
      .references(() => newsletters.id, { onDelete: "cascade" }),
    day: text("day").notNull(),
    subscribers: integer("subscribers").notNull(),
  },
  (t) => [primaryKey({ columns: [t.newsletterId, t.day] })],
);

export type User = InferSelectModel<typeof users>;
export type NewUser = InferInsertModel<typeof users>;
export type Author = InferSelectModel<typeof authors>;
export type Section = InferSelectModel<typeof sections>;
export type Tag = InferSelectModel<typeof tags>;
export type Article = InferSelectModel<typeof articles>;
export type NewArticle = InferInsertModel<typeof articles>;
export type Comment = InferSelectModel<typeof comments>;
export type NewComment = InferInsertModel<typeof comments>;
export type SocialAccount = InferSelectModel<typeof socialAccounts>;
export type Page = InferSelectModel<typeof pages>;
export type Redirect = InferSelectModel<typeof redirects>;
export type SiteSettings = InferSelectModel<typeof siteSettings>;
export type HourlyReads = InferInsertModel<typeof readsHourly>;
export type Newsletter = InferSelectModel<typeof newsletters>;
export type Subscriber = InferSelectModel<typeof subscribers>;
export type NewsletterIssue = InferSelectModel<typeof newsletterIssues>;
