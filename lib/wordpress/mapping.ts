import { createHash } from "node:crypto";
import type { ArticleStatus, CommentStatus, PageStatus } from "@/db/schema";
import { slugify } from "@/lib/slug";
import type { WxrComment, WxrItem } from "./wxr";

// What each WordPress thing becomes in Gazette, as plain functions of the export's values.

/** A WordPress date ("2024-03-01 09:30:00", in UTC for the _gmt fields) or null for 0000-00-00. */
export function wpDate(gmt: string, local = ""): Date | null {
  for (const value of [gmt, local]) {
    const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
    if (!m || m[1] === "0000") continue;
    const date = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
    if (!Number.isNaN(date.getTime())) return date;
  }
  return null;
}

export type StatusOutcome<S> = { import: true; status: S; reason?: string } | { import: false; reason: string };

const skippedStatuses: Record<string, string> = {
  trash: "in the trash",
  "auto-draft": "auto-drafts, never written",
  inherit: "a revision",
};

/** A post's status in Gazette. Nothing private or password-protected may become public. */
export function articleStatusFor(item: Pick<WxrItem, "status" | "password">): StatusOutcome<ArticleStatus> {
  const skipped = skippedStatuses[item.status];
  if (skipped) return { import: false, reason: skipped };
  if (item.password) return { import: true, status: "draft", reason: "password-protected: imported as a draft" };
  switch (item.status) {
    case "publish":
      return { import: true, status: "published" };
    case "future":
      return { import: true, status: "scheduled" };
    case "draft":
      return { import: true, status: "draft" };
    case "pending":
      return { import: true, status: "review" };
    case "private":
      return { import: true, status: "draft", reason: "private: imported as a draft" };
    default:
      return { import: true, status: "draft", reason: `status "${item.status}": imported as a draft` };
  }
}

/** Pages are drafts or published; everything but a published page waits as a draft. */
export function pageStatusFor(item: Pick<WxrItem, "status" | "password">): StatusOutcome<PageStatus> {
  const outcome = articleStatusFor(item);
  if (!outcome.import) return outcome;
  if (outcome.status === "published") return { import: true, status: "published" };
  return { import: true, status: "draft", reason: outcome.reason ?? `${item.status}: imported as a draft` };
}

export function commentStatusFor(approved: string): CommentStatus | null {
  if (approved === "1" || approved === "approve") return "approved";
  if (approved === "spam") return "spam";
  if (approved === "trash" || approved === "post-trashed") return null;
  return "pending";
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

// WordPress sites in Cyrillic and Greek keep their slugs in those letters; Gazette's slugs are
// ASCII, so they are transliterated (as WordPress's own Cyr-To-Lat plugins do) rather than lost.
const translit: Record<string, string> = Object.fromEntries(
  [
    ..."а:a б:b в:v г:g д:d е:e ё:e ж:zh з:z и:i й:y к:k л:l м:m н:n о:o п:p р:r с:s т:t у:u ф:f х:kh ц:ts ч:ch ш:sh щ:shch ъ: ы:y ь: э:e ю:yu я:ya і:i ї:yi є:ye ґ:g".split(" "),
    ..."α:a β:v γ:g δ:d ε:e ζ:z η:i θ:th ι:i κ:k λ:l μ:m ν:n ξ:x ο:o π:p ρ:r σ:s ς:s τ:t υ:y φ:f χ:ch ψ:ps ω:o".split(" "),
  ].map((pair) => pair.split(":") as [string, string]),
);

function transliterate(text: string): string {
  return text.replace(/[\u0370-\u03ff\u0400-\u04ff]/g, (ch) => {
    const lower = ch.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    return translit[lower] ?? ch;
  });
}

/**
 * A Gazette slug for a WordPress slug (percent-encoded when it is not Latin), else for the
 * title, else from the WordPress id: Gazette's slugs are ASCII.
 */
export function slugFor(name: string, title: string, fallback: string): string {
  return slugify(transliterate(safeDecode(name))) || slugify(transliterate(title)) || fallback;
}

export type FlatComment = {
  comment: WxrComment;
  /** the top-level comment it sits under, or null for a top-level one */
  topId: string | null;
  /** the comment it answered, when that is not its top-level comment's own id */
  answeredId: string | null;
  depth: number;
};

export type FlattenResult = { comments: FlatComment[]; skipped: Record<string, number> };

const isPing = (c: WxrComment) => c.type === "pingback" || c.type === "trackback";

/**
 * WordPress threads of any depth under Gazette's one level: each reply sits under its
 * top-level ancestor, oldest first, and remembers the comment it answered. Pingbacks,
 * trackbacks and trashed comments are left out (and counted); a reply to one of those
 * climbs to the nearest ancestor that is kept.
 */
export function flattenComments(all: WxrComment[]): FlattenResult {
  const skipped: Record<string, number> = {};
  const byId = new Map(all.map((c) => [c.id, c]));
  const kept = new Set<string>();
  for (const c of all) {
    const reason = isPing(c) ? `${c.type}s` : commentStatusFor(c.approved) === null ? "trashed comments" : null;
    if (reason) skipped[reason] = (skipped[reason] ?? 0) + 1;
    else kept.add(c.id);
  }
  const chain = (c: WxrComment): string[] => {
    const ancestors: string[] = [];
    const seen = new Set([c.id]);
    for (let p = c.parent; p && p !== "0" && byId.has(p) && !seen.has(p); p = byId.get(p)!.parent) {
      seen.add(p);
      if (kept.has(p)) ancestors.push(p);
    }
    return ancestors;
  };
  const comments = all
    .filter((c) => kept.has(c.id))
    .map((comment) => {
      const ancestors = chain(comment);
      const topId = ancestors.at(-1) ?? null;
      const answered = ancestors[0] ?? null;
      return { comment, topId, answeredId: answered && answered !== topId ? answered : null, depth: ancestors.length };
    })
    .sort((a, b) => (wpDate(a.comment.dateGmt, a.comment.date)?.getTime() ?? 0) - (wpDate(b.comment.dateGmt, b.comment.date)?.getTime() ?? 0) || Number(a.comment.id) - Number(b.comment.id));
  return { comments, skipped };
}

export type SectionMap = Record<string, string>;

export type Placement = {
  /** the WordPress category that names the section, or with a map the mapped section's slug */
  section: { categorySlug: string; name: string; mapped: boolean } | null;
  /** tag names and slugs, WordPress tags and the categories that are not the section */
  tags: { slug: string; name: string }[];
};

/**
 * Where a post goes: by default its first category is its section; with a section map, the
 * first mapped category is, and the unmapped ones become tags like the post's own tags.
 */
export function placementFor(allTerms: WxrItem["terms"], map: SectionMap | undefined): Placement {
  // WXR 1.0 also lists each category as a bare <category>Name</category>, without a slug.
  const seen = new Set<string>();
  const terms = allTerms
    .map((t) => ({ ...t, nicename: t.nicename || slugify(t.name) }))
    .filter((t) => t.nicename && !seen.has(`${t.domain}:${t.nicename}`) && seen.add(`${t.domain}:${t.nicename}`));
  const categories = terms.filter((t) => t.domain === "category");
  let section: Placement["section"] = null;
  let sectionCategory: string | undefined;
  if (map) {
    const mapped = categories.find((c) => map[safeDecode(c.nicename)] ?? map[c.nicename]);
    if (mapped) {
      sectionCategory = mapped.nicename;
      section = { categorySlug: (map[safeDecode(mapped.nicename)] ?? map[mapped.nicename])!, name: mapped.name, mapped: true };
    } else if (map["*"]) section = { categorySlug: map["*"], name: map["*"], mapped: true };
  } else if (categories[0]) {
    sectionCategory = categories[0].nicename;
    section = { categorySlug: categories[0].nicename, name: categories[0].name, mapped: false };
  }
  const tags = terms
    .filter((t) => t.nicename && (t.domain === "post_tag" || (t.domain === "category" && t.nicename !== sectionCategory)))
    .map((t) => ({ slug: t.nicename, name: t.name || safeDecode(t.nicename) }));
  return { section, tags };
}

/** A stable fingerprint of what an import would write, to tell a changed item from the same one. */
export function checksum(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("base64url").slice(0, 22);
}

/** A term's or author's slug in Gazette (percent-encoded non-Latin slugs decoded first). */
export function termSlug(nicename: string, name: string): string {
  return slugify(transliterate(safeDecode(nicename))) || slugify(transliterate(name)) || `t-${checksum(nicename).slice(0, 8).toLowerCase().replace(/[^a-z0-9]/g, "x")}`;
}
