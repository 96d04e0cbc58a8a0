import { relations, sql, type InferInsertModel, type InferSelectModel } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
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
    /** why the spam checks held or refused it, for the moderators */
    spamReasons: jsonb("spam_reasons").$type<string[]>().notNull().default([]),
    /** salted hash: the address itself is never stored */
    ipHash: text("ip_hash"),
    userAgent: text("user_agent"),
    /** one comment per submitted form, however often it is sent */
    idempotencyKey: text("idempotency_key").unique(),
    moderatedBy: integer("moderated_by").references(() => users.id, { onDelete: "set null" }),
    moderatedAt: at("moderated_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("comments_article_status_idx").on(t.articleId, t.status, t.createdAt),
    index("comments_status_created_idx").on(t.status, t.createdAt.desc()),
    index("comments_email_idx").on(sql`lower(${t.authorEmail})`),
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

/** An uploaded image, checked by its content; its resized variants live in media_variants. */
export const media = pgTable("media", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
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

export const articlesRelations = relations(articles, ({ one, many }) => ({
  section: one(sections, { fields: [articles.sectionId], references: [sections.id] }),
  author: one(authors, { fields: [articles.authorId], references: [authors.id] }),
  tags: many(articleTags),
  comments: many(comments),
  corrections: many(articleCorrections),
}));
export const articleTagsRelations = relations(articleTags, ({ one }) => ({
  article: one(articles, { fields: [articleTags.articleId], references: [articles.id] }),
  tag: one(tags, { fields: [articleTags.tagId], references: [tags.id] }),
}));
export const sectionsRelations = relations(sections, ({ many }) => ({ articles: many(articles) }));
export const authorsRelations = relations(authors, ({ one, many }) => ({
  user: one(users, { fields: [authors.userId], references: [users.id] }),
  articles: many(articles),
}));
export const tagsRelations = relations(tags, ({ many }) => ({ articles: many(articleTags) }));
export const commentsRelations = relations(comments, ({ one }) => ({
  article: one(articles, { fields: [comments.articleId], references: [articles.id] }),
  parent: one(comments, { fields: [comments.parentId], references: [comments.id] }),
}));

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
export type SiteSettings = InferSelectModel<typeof siteSettings>;
