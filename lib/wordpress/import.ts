import type { Readable } from "node:stream";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articles, articleTags, authors, comments, pages, redirects, sections, tags, wordpressIds } from "@/db/schema";
import { reservedSlugs } from "@/lib/routes.mjs";
import { tags as cacheTags } from "@/lib/cache-tags";
import { articleBodyColumns, bodyColumns } from "@/lib/articles/body";
import { stripControls } from "@/lib/comments/input";
import { imageUrl } from "@/lib/media/addresses";
import { hashIp } from "@/lib/request";
import { normalizePath } from "@/lib/redirects/paths";
import { htmlToText, wordpressToMarkdown, decodeEntities, type AttachmentInfo } from "./body";
import {
  articleStatusFor,
  checksum,
  commentStatusFor,
  flattenComments,
  pageStatusFor,
  placementFor,
  slugFor,
  termSlug,
  wpDate,
  type SectionMap,
} from "./mapping";
import { readWxr, type WxrAuthor, type WxrChannel, type WxrItem, type WxrTerm } from "./wxr";

// The import runs in two passes over the file. The first reads it all (so a malformed file is
// refused before anything is written, and progress knows the total) and keeps only what items
// refer to across the file: attachments, terms, authors. The second writes, in one
// transaction: a failure anywhere leaves the database as it was, and a dry run is the same
// run rolled back.

export type ImportOptions = {
  dryRun?: boolean;
  sectionMap?: SectionMap;
  /** the secret commenters' IP addresses are hashed with (lib/request.ts uses the same) */
  ipSecret: string;
  /** fetch featured images into the media library; off, they stay remote URLs */
  fetchImages?: boolean;
  onProgress?: (done: number, total: number) => void;
};

type Counts = Record<string, number>;

export type ImportReport = {
  dryRun: boolean;
  site: string;
  wxrVersion: string;
  items: number;
  created: Counts;
  updated: Counts;
  unchanged: Counts;
  /** why things were left out, and how many */
  skipped: Counts;
  /** item by item: what was imported differently from how WordPress had it */
  notes: string[];
  /** featured images kept at their WordPress address */
  remoteImages: string[];
  /** cache tags of the existing articles the import changed (lib/cache-tags.ts) */
  changed: string[];
};

const maxNotes = 500;

/** The item's link with its own slug, the last one in the path, replaced by an old one. */
function oldSlugLink(link: string, name: string, old: string): string | null {
  if (!link || !name) return null;
  let url: URL;
  try {
    url = new URL(link, "http://x");
  } catch {
    return null;
  }
  const parts = url.pathname.split("/");
  const at = parts.findLastIndex((p) => p !== "" && (p === name || p.toLowerCase() === name.toLowerCase()));
  if (at < 0) return null;
  parts[at] = old;
  url.pathname = parts.join("/");
  return url.toString();
}

class DryRunRollback extends Error {}

type Scan = {
  channel: WxrChannel;
  authors: WxrAuthor[];
  terms: WxrTerm[];
  attachments: Map<string, AttachmentInfo>;
  /** each post's or page's attachments: their own addresses (attachment pages) redirect to it */
  attachmentPages: Map<string, { id: string; link: string }[]>;
  items: number;
};

async function scan(open: () => Readable | AsyncIterable<string | Buffer>): Promise<Scan> {
  const result: Scan = { channel: { title: "", link: "", baseSiteUrl: "", baseBlogUrl: "", wxrVersion: "" }, authors: [], terms: [], attachments: new Map(), attachmentPages: new Map(), items: 0 };
  for await (const event of readWxr(open())) {
    if (event.kind === "channel") result.channel = event.channel;
    else if (event.kind === "author") result.authors.push(event.author);
    else if (event.kind === "term") result.terms.push(event.term);
    else {
      result.items++;
      const item = event.item;
      if (item.type === "attachment") {
        result.attachments.set(item.id, {
          url: item.attachmentUrl || item.guid,
          alt: htmlToText(item.meta._wp_attachment_image_alt ?? ""),
          caption: htmlToText(item.excerpt),
        });
        const parent = item.parent.trim();
        if (parent && parent !== "0") {
          const list = result.attachmentPages.get(parent) ?? [];
          list.push({ id: item.id, link: item.link });
          result.attachmentPages.set(parent, list);
        }
      }
    }
  }
  return result;
}

/** Imports a WordPress export. `open` is called once per pass and must give the same file each time. */
export async function importWordpress(db: Db, open: () => Readable | AsyncIterable<string | Buffer>, options: ImportOptions): Promise<ImportReport> {
  const found = await scan(open);
  const site = (found.channel.baseSiteUrl || found.channel.baseBlogUrl || found.channel.link).replace(/\/+$/, "");
  const report: ImportReport = {
    dryRun: !!options.dryRun,
    site,
    wxrVersion: found.channel.wxrVersion,
    items: found.items,
    created: {},
    updated: {},
    unchanged: {},
    skipped: {},
    notes: [],
    remoteImages: [],
    changed: [],
  };
  try {
    await db.transaction(async (tx) => {
      const run = new ImportRun(tx, found, site, options, report);
      await run.prepare();
      let done = 0;
      for await (const event of readWxr(open())) {
        if (event.kind !== "item") continue;
        await run.item(event.item);
        options.onProgress?.(++done, found.items);
      }
      await run.finish();
      if (options.dryRun) throw new DryRunRollback();
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return report;
}

const add = (counts: Counts, key: string, n = 1) => {
  if (n) counts[key] = (counts[key] ?? 0) + n;
};

type PendingPage = { item: WxrItem; slug: string; title: string; body: string; status: "draft" | "published"; reason?: string };

class ImportRun {
  private authorIds = new Map<string, number>();
  private sectionIds = new Map<string, { id: number; slug: string }>();
  private tagIds = new Map<string, { id: number; slug: string }>();
  private pending: PendingPage[] = [];
  private blogPrefix: string;
  private categoryParents = new Map<string, string>();
  private fetched = new Map<string, { url: string; width: number; height: number } | null>();
  private defaultSectionId: number | undefined;
  private redirected = new Set<string>();
  private hostFailures = new Map<string, number>();

  constructor(
    private tx: Db,
    private found: Scan,
    private site: string,
    private options: ImportOptions,
    private report: ImportReport,
  ) {
    let prefix = "";
    try {
      prefix = new URL(found.channel.baseBlogUrl || found.channel.link || "http://x").pathname.replace(/\/+$/, "");
    } catch {
      // a relative or empty blog URL: the blog was at the root
    }
    this.blogPrefix = prefix;
    for (const t of found.terms) if (t.taxonomy === "category" && t.parentSlug) this.categoryParents.set(t.slug, t.parentSlug);
  }

  private note(text: string) {
    if (this.report.notes.length < maxNotes) this.report.notes.push(text);
    else if (this.report.notes.length === maxNotes) this.report.notes.push("… and more");
  }

  private async link(kind: string, wpId: string) {
    const [row] = await this.tx
      .select({ targetId: wordpressIds.targetId, checksum: wordpressIds.checksum })
      .from(wordpressIds)
      .where(and(eq(wordpressIds.site, this.site), eq(wordpressIds.kind, kind), eq(wordpressIds.wpId, wpId)));
    return row;
  }

  private async remember(kind: string, wpId: string, targetId: number, sum: string) {
    await this.tx
      .insert(wordpressIds)
      .values({ site: this.site, kind, wpId, targetId, checksum: sum })
      .onConflictDoUpdate({ target: [wordpressIds.site, wordpressIds.kind, wordpressIds.wpId], set: { targetId, checksum: sum, importedAt: new Date() } });
  }

  async prepare() {
    for (const a of this.found.authors) await this.author(a.login, a.displayName || a.login);
    const [first] = await this.tx.select({ id: sections.id }).from(sections).orderBy(sections.position, sections.id).limit(1);
    this.defaultSectionId = first?.id;
  }

  /** A byline (authors row) for a WordPress login; never a staff account. */
  private async author(login: string, name: string): Promise<number> {
    const known = this.authorIds.get(login);
    if (known) return known;
    const existing = await this.link("author", login);
    let id = existing?.targetId;
    if (id) {
      const [row] = await this.tx.select({ id: authors.id }).from(authors).where(eq(authors.id, id));
      id = row?.id;
    }
    if (!id) {
      const slug = await this.freeSlug(slugFor(login, name, "author"), async (s) => !!(await this.tx.select({ id: authors.id }).from(authors).where(eq(authors.slug, s)))[0]);
      const [row] = await this.tx.insert(authors).values({ slug, name: decodeEntities(name) }).returning({ id: authors.id });
      id = row!.id;
      add(this.report.created, "bylines");
      await this.remember("author", login, id, "");
    }
    this.authorIds.set(login, id);
    return id;
  }

  private async freeSlug(base: string, taken: (slug: string) => Promise<boolean>): Promise<string> {
    for (let n = 1; ; n++) {
      const slug = n === 1 ? base : `${base.slice(0, 76)}-${n}`;
      if (!(await taken(slug))) return slug;
    }
  }

  private async section(categorySlug: string, name: string, mapped: boolean): Promise<{ id: number; slug: string }> {
    const key = `${mapped ? "map" : "cat"}:${categorySlug}`;
    const known = this.sectionIds.get(key);
    if (known) return known;
    let slug = mapped ? categorySlug : termSlug(categorySlug, name);
    const [existing] = await this.tx.select({ id: sections.id, slug: sections.slug }).from(sections).where(eq(sections.slug, slug));
    let result = existing;
    if (!result) {
      const [page] = await this.tx.select({ id: pages.id }).from(pages).where(and(eq(pages.slug, slug), isNull(pages.parentId)));
      if (reservedSlugs.has(slug) || page) slug = `${slug}-news`;
      const [row] = await this.tx
        .insert(sections)
        .values({ slug, name: decodeEntities(name) || slug, position: 100 })
        .onConflictDoUpdate({ target: sections.slug, set: { slug } })
        .returning({ id: sections.id, slug: sections.slug });
      result = row!;
      add(this.report.created, "sections");
    }
    this.sectionIds.set(key, result);
    if (!mapped) await this.categoryRedirects(categorySlug, `/${result.slug}`, `/${result.slug}/feed.xml`);
    return result;
  }

  private categoryPath(slug: string): string {
    const parts = [slug];
    for (let p = this.categoryParents.get(slug); p && parts.length < 10 && !parts.includes(p); p = this.categoryParents.get(p)) parts.unshift(p);
    return parts.join("/");
  }

  private async categoryRedirects(categorySlug: string, to: string, feed?: string) {
    const paths = new Set([`/category/${categorySlug}`, `/category/${this.categoryPath(categorySlug)}`]);
    for (const p of paths) {
      await this.redirect(p, to);
      if (feed) await this.redirect(`${p}/feed`, feed);
    }
  }

  private async tag(slug: string, name: string, isCategory: boolean): Promise<number> {
    const key = `${isCategory ? "cat" : "tag"}:${slug}`;
    const known = this.tagIds.get(key);
    if (known) return known.id;
    const gazetteSlug = termSlug(slug, name);
    const [row] = await this.tx
      .insert(tags)
      .values({ slug: gazetteSlug, name: decodeEntities(name) })
      .onConflictDoUpdate({ target: tags.slug, set: { slug: gazetteSlug } })
      .returning({ id: tags.id, inserted: sql<boolean>`xmax = 0` });
    if (row!.inserted) add(this.report.created, "tags");
    this.tagIds.set(key, { id: row!.id, slug: gazetteSlug });
    if (isCategory) await this.categoryRedirects(slug, `/tag/${gazetteSlug}`);
    else await this.redirect(`/tag/${slug}`, `/tag/${gazetteSlug}`);
    return row!.id;
  }

  private async redirect(from: string, to: string) {
    const fromPath = normalizePath(from.startsWith("/") && !from.startsWith("//") ? `${this.blogPrefix}${from}` : from);
    if (!fromPath || fromPath === normalizePath(to) || this.redirected.has(fromPath)) return;
    this.redirected.add(fromPath);
    const [row] = await this.tx
      .insert(redirects)
      .values({ fromPath, toPath: to, source: "wordpress" })
      .onConflictDoUpdate({
        target: redirects.fromPath,
        set: { toPath: to },
        // an admin's own redirect wins over the importer's
        setWhere: sql`${redirects.source} = 'wordpress' and ${redirects.toPath} <> excluded.to_path`,
      })
      .returning({ inserted: sql<boolean>`xmax = 0` });
    if (!row) add(this.report.unchanged, "redirects");
    else add(row.inserted ? this.report.created : this.report.updated, "redirects");
  }

  private async itemRedirects(item: WxrItem, to: string, idParam: "p" | "page_id") {
    if (item.link) await this.redirect(item.link, to);
    // A post renamed in WordPress still answered at its old slugs (kept as _wp_old_slug).
    for (const old of item.oldSlugs) {
      const link = oldSlugLink(item.link, item.name, old);
      if (link) await this.redirect(link, to);
    }
    if (item.guid && /^https?:/.test(item.guid) && item.guid !== item.link) await this.redirect(item.guid, to);
    await this.redirect(`/?${idParam}=${item.id}`, to);
    // An image's attachment page ("/2019/05/story/photo-1/", "/?attachment_id=12") goes to the story it was in.
    for (const a of this.found.attachmentPages.get(item.id) ?? []) {
      if (a.link) await this.redirect(a.link, to);
      await this.redirect(`/?attachment_id=${a.id}`, to);
    }
  }

  private async hero(item: WxrItem) {
    const thumb = item.meta._thumbnail_id;
    if (!thumb) return null;
    const attachment = this.found.attachments.get(thumb.trim());
    if (!attachment?.url) {
      this.note(`"${item.title}": its featured image (attachment ${thumb}) is not in the export`);
      return null;
    }
    return attachment;
  }

  private async fetchImage(url: string) {
    if (this.fetched.has(url)) return this.fetched.get(url)!;
    let host = "";
    try {
      host = new URL(url).host;
    } catch {
      return null;
    }
    // An old host that is gone would cost every post its timeout: after three failures in a
    // row, its images stay remote without being asked for.
    if ((this.hostFailures.get(host) ?? 0) >= 3) return null;
    let result: { url: string; width: number; height: number } | null = null;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(10_000), redirect: "follow" });
      if (response.ok) {
        const blob = await response.blob();
        // Loaded on the first image only: sharp is about 27 MB resident, which an import that
        // keeps images at their WordPress address (--no-images) never needs.
        const { storeImage } = await import("@/lib/media/images");
        const stored = await storeImage(this.tx, new File([blob], url.split("/").pop() || "image"), null);
        result = { url: imageUrl(stored), width: stored.width, height: stored.height };
      }
    } catch {
      // unreachable or not an image: the remote URL is kept, and reported
    }
    this.fetched.set(url, result);
    this.hostFailures.set(host, result ? 0 : (this.hostFailures.get(host) ?? 0) + 1);
    return result;
  }

  async item(item: WxrItem) {
    if (item.type === "post") return this.post(item);
    if (item.type === "page") return this.page(item);
    if (item.type === "attachment") return add(this.report.skipped, "attachments (used for featured images and galleries)");
    add(this.report.skipped, `items of type "${item.type || "unknown"}"`);
  }

  private async post(item: WxrItem) {
    const outcome = articleStatusFor(item);
    if (!outcome.import) return add(this.report.skipped, `posts (${outcome.reason})`);
    if (outcome.reason) this.note(`post ${item.id} "${decodeEntities(item.title)}": ${outcome.reason}`);
    const title = htmlToText(item.title) || "(untitled)";
    const placement = placementFor(item.terms, this.options.sectionMap);
    const published = wpDate(item.dateGmt, item.date);
    const modified = wpDate(item.modifiedGmt, item.modified);
    const attachment = await this.hero(item);
    const body = wordpressToMarkdown(item.content, (id) => this.found.attachments.get(id));
    const standfirst = htmlToText(item.excerpt).slice(0, 1000);
    const values = {
      title,
      standfirst,
      body,
      status: outcome.status,
      // a published or scheduled post without any date (0000-00-00 throughout) goes live as of its last change
      publishedAt: outcome.status === "draft" || outcome.status === "review" ? null : (published ?? modified ?? new Date(0)),
      revisedAt: modified && published && modified.getTime() - published.getTime() > 60_000 && outcome.status === "published" ? modified : null,
      mustRead: item.sticky,
      commentMode: item.commentStatus === "closed" ? ("closed" as const) : ("moderated" as const),
      hero: attachment,
      author: item.creator,
      placement,
    };
    const sum = checksum(values);
    const existing = await this.link("post", item.id);
    let articleId = existing?.targetId;
    let path: string | undefined;
    if (articleId) {
      const [row] = await this.tx.select({ id: articles.id, slug: articles.slug, section: sections.slug }).from(articles).innerJoin(sections, eq(sections.id, articles.sectionId)).where(eq(articles.id, articleId));
      if (row) path = `/${row.section}/${row.slug}`;
      else articleId = undefined;
    }
    if (articleId && existing?.checksum === sum) {
      add(this.report.unchanged, "articles");
    } else {
      const authorId = await this.author(item.creator || "wordpress", item.creator || "WordPress");
      const section = placement.section ? await this.section(placement.section.categorySlug, placement.section.name, placement.section.mapped) : undefined;
      const sectionId = section?.id ?? this.defaultSectionId ?? (await this.section("news", "News", true)).id;
      if (!section) this.note(`post ${item.id} "${title}": no section for its categories, placed in the default section`);
      let hero: { heroImageUrl: string | null; heroImageAlt: string | null; heroImageCaption: string | null; heroImageWidth: number | null; heroImageHeight: number | null } = {
        heroImageUrl: null, heroImageAlt: null, heroImageCaption: null, heroImageWidth: null, heroImageHeight: null,
      };
      if (attachment) {
        const got = this.options.fetchImages && !this.options.dryRun ? await this.fetchImage(attachment.url) : null;
        if (!got) this.report.remoteImages.push(attachment.url);
        hero = { heroImageUrl: got?.url ?? attachment.url, heroImageAlt: attachment.alt || null, heroImageCaption: attachment.caption || null, heroImageWidth: got?.width ?? null, heroImageHeight: got?.height ?? null };
      }
      const row = {
        sectionId,
        authorId,
        title,
        standfirst,
        ...articleBodyColumns(body),
        status: values.status,
        publishedAt: values.publishedAt,
        revisedAt: values.revisedAt,
        mustRead: values.mustRead,
        commentMode: values.commentMode,
        ...hero,
        createdAt: published ?? new Date(),
        updatedAt: modified ?? published ?? new Date(),
      };
      if (articleId) {
        await this.tx.update(articles).set({ ...row, version: sql`${articles.version} + 1` }).where(eq(articles.id, articleId));
        add(this.report.updated, "articles");
        if (this.report.changed.length < 5000) this.report.changed.push(cacheTags.article(articleId));
      } else {
        const slug = await this.freeSlug(slugFor(item.name, title, `post-${item.id}`), async (s) => !!(await this.tx.select({ id: articles.id }).from(articles).where(eq(articles.slug, s)))[0]);
        const [inserted] = await this.tx.insert(articles).values({ ...row, slug }).returning({ id: articles.id });
        articleId = inserted!.id;
        add(this.report.created, "articles");
        // a 404 cached at that address before
        if (this.report.changed.length < 5000) this.report.changed.push(cacheTags.articleSlug(slug));
      }
      const tagIds: number[] = [];
      for (const t of placement.tags) {
        const id = await this.tag(t.slug, t.name, item.terms.some((x) => x.domain === "category" && x.nicename === t.slug));
        if (!tagIds.includes(id)) tagIds.push(id);
      }
      await this.tx.delete(articleTags).where(eq(articleTags.articleId, articleId));
      if (tagIds.length > 0) await this.tx.insert(articleTags).values(tagIds.map((tagId) => ({ articleId: articleId!, tagId })));
      await this.remember("post", item.id, articleId, sum);
      const [now] = await this.tx.select({ slug: articles.slug, section: sections.slug }).from(articles).innerJoin(sections, eq(sections.id, articles.sectionId)).where(eq(articles.id, articleId));
      path = `/${now!.section}/${now!.slug}`;
    }
    if (values.status === "published" && path) {
      await this.itemRedirects(item, path, "p");
      const login = item.creator;
      if (login) {
        const [a] = await this.tx.select({ slug: authors.slug }).from(authors).where(eq(authors.id, this.authorIds.get(login) ?? (await this.author(login, login))));
        if (a) await this.redirect(`/author/${login}`, `/author/${a.slug}`);
      }
    }
    await this.comments(item, articleId!);
  }

  private async comments(item: WxrItem, articleId: number) {
    if (item.comments.length === 0) return;
    const { comments: flat, skipped } = flattenComments(item.comments);
    for (const [reason, n] of Object.entries(skipped)) add(this.report.skipped, reason, n);
    if (flat.length === 0) return;
    const known = await this.tx
      .select({ wpId: wordpressIds.wpId, targetId: wordpressIds.targetId, checksum: wordpressIds.checksum })
      .from(wordpressIds)
      .where(and(eq(wordpressIds.site, this.site), eq(wordpressIds.kind, "comment"), inArray(wordpressIds.wpId, flat.map((f) => f.comment.id))));
    const links = new Map(known.map((k) => [k.wpId, k]));
    const ids = new Map<string, number>();
    const existingIds = known.length > 0 ? new Set((await this.tx.select({ id: comments.id }).from(comments).where(inArray(comments.id, known.map((k) => k.targetId)))).map((r) => r.id)) : new Set<number>();
    // Parents before replies: a reply names the Gazette ids of its top-level comment and of
    // the comment it answered, so each depth is written after the one above it.
    const byDepth = [...flat].sort((a, b) => a.depth - b.depth);
    const remembered: { wpId: string; targetId: number; checksum: string }[] = [];
    for (const f of byDepth) {
      const c = f.comment;
      const values = {
        authorName: (htmlToText(c.author) || "Anonymous").slice(0, 200),
        authorEmail: c.authorEmail.slice(0, 320),
        authorWebsite: /^https?:\/\//i.test(c.authorUrl) ? c.authorUrl.slice(0, 500) : null,
        body: stripControls(htmlToText(c.content)),
        status: commentStatusFor(c.approved)!,
        ipHash: c.authorIp ? hashIp(c.authorIp, this.options.ipSecret) : null,
        createdAt: wpDate(c.dateGmt, c.date) ?? new Date(),
      };
      const sum = checksum({ ...values, ipHash: !!values.ipHash, topId: f.topId, answeredId: f.answeredId });
      const link = links.get(c.id);
      const parentId = f.topId ? (ids.get(f.topId) ?? null) : null;
      const inReplyToId = f.answeredId ? (ids.get(f.answeredId) ?? null) : null;
      if (link && existingIds.has(link.targetId)) {
        ids.set(c.id, link.targetId);
        if (link.checksum === sum) {
          add(this.report.unchanged, "comments");
          continue;
        }
        await this.tx.update(comments).set({ ...values, articleId, parentId, inReplyToId }).where(eq(comments.id, link.targetId));
        add(this.report.updated, "comments");
        if (this.report.changed.length < 5000) this.report.changed.push(cacheTags.article(articleId));
      } else {
        const [row] = await this.tx.insert(comments).values({ ...values, articleId, parentId, inReplyToId }).returning({ id: comments.id });
        ids.set(c.id, row!.id);
        add(this.report.created, "comments");
      }
      remembered.push({ wpId: c.id, targetId: ids.get(c.id)!, checksum: sum });
    }
    if (remembered.length > 0) {
      await this.tx
        .insert(wordpressIds)
        .values(remembered.map((r) => ({ site: this.site, kind: "comment", ...r })))
        .onConflictDoUpdate({
          target: [wordpressIds.site, wordpressIds.kind, wordpressIds.wpId],
          set: { targetId: sql`excluded.target_id`, checksum: sql`excluded.checksum`, importedAt: new Date() },
        });
    }
  }

  private async page(item: WxrItem) {
    const outcome = pageStatusFor(item);
    if (!outcome.import) return add(this.report.skipped, `pages (${outcome.reason})`);
    const title = htmlToText(item.title) || "(untitled)";
    if (outcome.reason) this.note(`page ${item.id} "${title}": ${outcome.reason}`);
    const nonPings = item.comments.filter((c) => c.type !== "pingback" && c.type !== "trackback").length;
    if (nonPings > 0) add(this.report.skipped, "comments on pages (Gazette pages have none)", nonPings);
    // Pages are written at the end, parents first, so that each knows its parent's id.
    this.pending.push({ item: { ...item, content: "", comments: [] }, slug: slugFor(item.name, title, `page-${item.id}`), title, body: wordpressToMarkdown(item.content, (id) => this.found.attachments.get(id)), status: outcome.status, reason: outcome.reason });
  }

  private async writePages() {
    const byWpId = new Map(this.pending.map((p) => [p.item.id, p]));
    const written = new Map<string, { id: number; path: string }>();
    const sectionSlugs = new Set((await this.tx.select({ slug: sections.slug }).from(sections)).map((s) => s.slug));
    const write = async (p: PendingPage, trail: Set<string>): Promise<{ id: number; path: string }> => {
      const done = written.get(p.item.id);
      if (done) return done;
      trail.add(p.item.id);
      const parentPending = p.item.parent && p.item.parent !== "0" && !trail.has(p.item.parent) ? byWpId.get(p.item.parent) : undefined;
      const parent = parentPending ? await write(parentPending, trail) : undefined;
      const values = { title: p.title, ...bodyColumns(p.body), status: p.status, parentId: parent?.id ?? null };
      const sum = checksum({ title: p.title, body: p.body, status: p.status, parent: p.item.parent, published: p.item.dateGmt, modified: p.item.modifiedGmt });
      const existing = await this.link("page", p.item.id);
      let id = existing?.targetId;
      let slug = "";
      if (id) {
        const [row] = await this.tx.select({ id: pages.id, slug: pages.slug }).from(pages).where(eq(pages.id, id));
        id = row?.id;
        slug = row?.slug ?? "";
      }
      const published = wpDate(p.item.dateGmt, p.item.date);
      const modified = wpDate(p.item.modifiedGmt, p.item.modified) ?? published ?? new Date();
      if (id && existing?.checksum === sum) add(this.report.unchanged, "pages");
      else if (id) {
        await this.tx.update(pages).set({ ...values, updatedAt: modified, publishedAt: p.status === "published" ? published : null, version: sql`${pages.version} + 1` }).where(eq(pages.id, id));
        add(this.report.updated, "pages");
      } else {
        // A top-level page may not take a section's or the site's own address.
        const clashes = !parent && (reservedSlugs.has(p.slug) || sectionSlugs.has(p.slug));
        if (clashes) this.note(`page ${p.item.id} "${p.title}": /${p.slug} is a section or a fixed address, so the page is at /${p.slug}-page`);
        slug = await this.freeSlug(clashes ? `${p.slug}-page` : p.slug, async (s) => !!(await this.tx.select({ id: pages.id }).from(pages).where(and(eq(pages.slug, s), sql`coalesce(${pages.parentId}, 0) = ${parent?.id ?? 0}`)))[0]);
        const [row] = await this.tx.insert(pages).values({ ...values, slug, createdAt: published ?? new Date(), updatedAt: modified, publishedAt: p.status === "published" ? published : null }).returning({ id: pages.id });
        id = row!.id;
        add(this.report.created, "pages");
      }
      await this.remember("page", p.item.id, id!, sum);
      const result = { id: id!, path: `${parent?.path ?? ""}/${slug}` };
      written.set(p.item.id, result);
      if (p.status === "published") await this.itemRedirects(p.item, result.path, "page_id");
      return result;
    };
    for (const p of this.pending) await write(p, new Set());
  }

  async finish() {
    await this.writePages();
    await this.redirect("/feed", "/feed.xml");
    await this.redirect("/comments/feed", "/feed.xml");
  }
}
