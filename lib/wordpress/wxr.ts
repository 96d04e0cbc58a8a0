import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { SaxesParser, type SaxesTagNS } from "saxes";

// A streaming reader of WordPress's export format (WXR 1.0, 1.1 and 1.2): the file is parsed as
// it is read, and only the item being read is ever held, so memory does not grow with the file.
// No server-only import: the command line runs this too.

export type WxrChannel = {
  title: string;
  link: string;
  baseSiteUrl: string;
  baseBlogUrl: string;
  wxrVersion: string;
};

export type WxrAuthor = { id: string; login: string; email: string; displayName: string; firstName: string; lastName: string };

/** A category, tag or other term declared at channel level. */
export type WxrTerm = {
  taxonomy: "category" | "post_tag" | string;
  id: string;
  slug: string;
  name: string;
  parentSlug: string;
  description: string;
};

export type WxrComment = {
  id: string;
  author: string;
  authorEmail: string;
  authorUrl: string;
  authorIp: string;
  dateGmt: string;
  date: string;
  content: string;
  /** "1", "0", "spam", "trash", "post-trashed" */
  approved: string;
  /** "", "comment", "pingback", "trackback" (and plugins' own) */
  type: string;
  parent: string;
  userId: string;
};

export type WxrItem = {
  title: string;
  link: string;
  guid: string;
  creator: string;
  content: string;
  excerpt: string;
  id: string;
  date: string;
  dateGmt: string;
  modified: string;
  modifiedGmt: string;
  commentStatus: string;
  name: string;
  status: string;
  parent: string;
  menuOrder: string;
  type: string;
  password: string;
  sticky: boolean;
  attachmentUrl: string;
  /** every <category> of the item, in file order: categories, tags and other taxonomies */
  terms: { domain: string; nicename: string; name: string }[];
  meta: Record<string, string>;
  /** every `_wp_old_slug` meta value: slugs the post had before, which WordPress still answers at */
  oldSlugs: string[];
  comments: WxrComment[];
};

export type WxrEvent =
  | { kind: "channel"; channel: WxrChannel }
  | { kind: "author"; author: WxrAuthor }
  | { kind: "term"; term: WxrTerm }
  | { kind: "item"; item: WxrItem };

/** A file that is not a readable WXR export, with where the problem is. */
export class WxrError extends Error {
  override name = "WxrError";
  constructor(
    readonly problem: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(line ? `line ${line}, column ${column}: ${problem}` : problem);
  }
}

const wpNamespace = /^https?:\/\/wordpress\.org\/export\/(1\.\d+)\/?$/;
const excerptNamespace = /^https?:\/\/wordpress\.org\/export\/1\.\d+\/excerpt\/?$/;
const contentNamespace = /^https?:\/\/purl\.org\/rss\/1\.0\/modules\/content\/?$/;
const dcNamespace = /^https?:\/\/purl\.org\/dc\/elements\/1\.1\/?$/;

/** The element's name with its namespace reduced to the prefix WordPress writes. */
function qualified(tag: SaxesTagNS): string {
  const uri = tag.uri;
  if (!uri) return tag.local;
  if (excerptNamespace.test(uri)) return `excerpt:${tag.local}`;
  if (wpNamespace.test(uri)) return `wp:${tag.local}`;
  if (contentNamespace.test(uri)) return `content:${tag.local}`;
  if (dcNamespace.test(uri)) return `dc:${tag.local}`;
  return `${tag.prefix || uri}:${tag.local}`;
}

// Exports are XML, but what WordPress writes inside CDATA is whatever was in its database,
// and HTML entities turn up outside CDATA in hand-edited or plugin-written files. These are
// the HTML entities worth knowing; numeric ones the parser decodes itself.
const htmlEntities: Record<string, string> = {
  nbsp: "\u00a0", hellip: "…", mdash: "—", ndash: "–", lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”",
  laquo: "«", raquo: "»", copy: "©", reg: "®", trade: "™", eacute: "é", egrave: "è", agrave: "à",
  ccedil: "ç", ouml: "ö", uuml: "ü", auml: "ä", szlig: "ß", euro: "€", pound: "£", bull: "•", middot: "·",
  deg: "°", times: "×", shy: "\u00ad", zwj: "\u200d", zwnj: "\u200c", rlm: "\u200f", lrm: "\u200e",
};

// Control characters are not allowed in XML 1.0, yet pasted text carries them into WordPress and
// its exporter writes them out unchanged; WordPress's own importer reads past them, so must we.
const invalidXmlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function emptyItem(): WxrItem {
  return {
    title: "", link: "", guid: "", creator: "", content: "", excerpt: "", id: "", date: "", dateGmt: "",
    modified: "", modifiedGmt: "", commentStatus: "", name: "", status: "", parent: "", menuOrder: "",
    type: "", password: "", sticky: false, attachmentUrl: "", terms: [], meta: {}, oldSlugs: [], comments: [],
  };
}

function emptyComment(): WxrComment {
  return { id: "", author: "", authorEmail: "", authorUrl: "", authorIp: "", dateGmt: "", date: "", content: "", approved: "", type: "", parent: "", userId: "" };
}

const itemFields: Record<string, keyof WxrItem> = {
  title: "title", link: "link", guid: "guid", "dc:creator": "creator", "content:encoded": "content",
  "excerpt:encoded": "excerpt", "wp:post_id": "id", "wp:post_date": "date", "wp:post_date_gmt": "dateGmt",
  "wp:post_modified": "modified", "wp:post_modified_gmt": "modifiedGmt", "wp:comment_status": "commentStatus",
  "wp:post_name": "name", "wp:status": "status", "wp:post_parent": "parent", "wp:menu_order": "menuOrder",
  "wp:post_type": "type", "wp:post_password": "password", "wp:attachment_url": "attachmentUrl",
};

const commentFields: Record<string, keyof WxrComment> = {
  "wp:comment_id": "id", "wp:comment_author": "author", "wp:comment_author_email": "authorEmail",
  "wp:comment_author_url": "authorUrl", "wp:comment_author_IP": "authorIp", "wp:comment_date": "date",
  "wp:comment_date_gmt": "dateGmt", "wp:comment_content": "content", "wp:comment_approved": "approved",
  "wp:comment_type": "type", "wp:comment_parent": "parent", "wp:comment_user_id": "userId",
};

const authorFields: Record<string, keyof WxrAuthor> = {
  "wp:author_id": "id", "wp:author_login": "login", "wp:author_email": "email",
  "wp:author_display_name": "displayName", "wp:author_first_name": "firstName", "wp:author_last_name": "lastName",
};

const termFields: Record<string, keyof WxrTerm> = {
  "wp:term_id": "id", "wp:term_taxonomy": "taxonomy", "wp:term_slug": "slug", "wp:term_name": "name",
  "wp:term_parent": "parentSlug", "wp:term_description": "description",
  "wp:category_nicename": "slug", "wp:cat_name": "name", "wp:category_parent": "parentSlug",
  "wp:category_description": "description", "wp:tag_slug": "slug", "wp:tag_name": "name", "wp:tag_description": "description",
};

/**
 * Reads a WXR export as a stream of channel, author, term and item events. Throws WxrError,
 * naming the line and column, for XML that does not parse, a root other than <rss>, or an
 * export without a WXR version.
 */
export async function* readWxr(input: Readable | AsyncIterable<string | Buffer>): AsyncGenerator<WxrEvent> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  Object.assign(parser.ENTITIES, htmlEntities);
  const queue: WxrEvent[] = [];
  let failure: WxrError | undefined;
  const fail = (problem: string) => {
    failure ??= new WxrError(problem, parser.line, parser.column);
  };

  const path: string[] = [];
  let text = "";
  let channel: WxrChannel = { title: "", link: "", baseSiteUrl: "", baseBlogUrl: "", wxrVersion: "" };
  let channelSent = false;
  let namespaceVersion = "";
  let item: WxrItem | undefined;
  let comment: WxrComment | undefined;
  let author: WxrAuthor | undefined;
  let term: WxrTerm | undefined;
  let itemTerm: { domain: string; nicename: string; name: string } | undefined;
  let metaKey = "";
  let metaValue = "";

  const sendChannel = () => {
    if (channelSent) return;
    channelSent = true;
    if (!channel.wxrVersion && !namespaceVersion) fail("no WXR version: this is not a WordPress export (no <wp:wxr_version>)");
    channel = { ...channel, wxrVersion: channel.wxrVersion || namespaceVersion };
    queue.push({ kind: "channel", channel });
  };

  parser.on("error", (error) => {
    const problem = error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, "").replace(/\.$/, "");
    fail(problem);
  });
  let sawRoot = false;
  // saxes keeps one handler per event: everything about an opening tag is here.
  parser.on("opentag", (tag) => {
    const name = qualified(tag as SaxesTagNS);
    if (path.length === 0) {
      sawRoot = true;
      if (name !== "rss") fail(`the root element is <${tag.name}>, not <rss>: this is not a WordPress export`);
      for (const uri of Object.values((tag as SaxesTagNS).ns ?? {})) {
        const version = wpNamespace.exec(uri)?.[1];
        if (version) namespaceVersion = version;
      }
    }
    path.push(name);
    text = "";
    const parent = path.at(-2);
    if (name === "item" && parent === "channel") {
      sendChannel();
      item = emptyItem();
    } else if (item && name === "wp:comment") comment = emptyComment();
    else if (item && name === "category" && parent === "item") {
      const attrs = (tag as SaxesTagNS).attributes;
      itemTerm = { domain: attrs.domain?.value ?? "category", nicename: attrs.nicename?.value ?? "", name: "" };
    } else if (name === "wp:author" && parent === "channel") {
      sendChannel();
      author = { id: "", login: "", email: "", displayName: "", firstName: "", lastName: "" };
    } else if ((name === "wp:category" || name === "wp:tag" || name === "wp:term") && parent === "channel") {
      sendChannel();
      term = { taxonomy: name === "wp:category" ? "category" : name === "wp:tag" ? "post_tag" : "", id: "", slug: "", name: "", parentSlug: "", description: "" };
    } else if (item && !comment && name === "wp:postmeta") {
      metaKey = "";
      metaValue = "";
    }
  });
  // CDATA sections arrive as separate pieces (WordPress splits any "]]>" in a post across two
  // sections); they and the text around them are joined until the element closes.
  parser.on("text", (t) => {
    text += t;
  });
  parser.on("cdata", (t) => {
    text += t;
  });
  parser.on("closetag", () => {
    const name = path.pop()!;
    const parent = path.at(-1);
    const value = text;
    text = "";
    if (comment) {
      if (name === "wp:comment") {
        item!.comments.push(comment);
        comment = undefined;
      } else {
        const field = commentFields[name];
        if (field) comment[field] = value.trim() === "" ? "" : field === "content" ? value : value.trim();
      }
      return;
    }
    if (item) {
      if (name === "item") {
        queue.push({ kind: "item", item });
        item = undefined;
      } else if (itemTerm && name === "category") {
        itemTerm.name = value.trim();
        item.terms.push(itemTerm);
        itemTerm = undefined;
      } else if (parent === "wp:postmeta") {
        if (name === "wp:meta_key") metaKey = value.trim();
        if (name === "wp:meta_value") metaValue = value;
      } else if (name === "wp:postmeta") {
        if (metaKey) item.meta[metaKey] = metaValue;
        if (metaKey === "_wp_old_slug" && metaValue.trim()) item.oldSlugs.push(metaValue.trim());
      } else if (name === "wp:is_sticky") item.sticky = value.trim() === "1";
      else if (parent === "item") {
        const field = itemFields[name];
        if (field) (item as Record<string, unknown>)[field] = field === "content" || field === "excerpt" ? value : value.trim();
      }
      return;
    }
    if (author) {
      if (name === "wp:author") {
        queue.push({ kind: "author", author });
        author = undefined;
      } else {
        const field = authorFields[name];
        if (field) author[field] = value.trim();
      }
      return;
    }
    if (term) {
      if (name === "wp:category" || name === "wp:tag" || name === "wp:term") {
        queue.push({ kind: "term", term });
        term = undefined;
      } else {
        const field = termFields[name];
        if (field) term[field] = value.trim();
      }
      return;
    }
    if (parent === "channel") {
      if (name === "title") channel.title = value.trim();
      else if (name === "link") channel.link = value.trim();
      else if (name === "wp:wxr_version") channel.wxrVersion = value.trim();
      else if (name === "wp:base_site_url") channel.baseSiteUrl = value.trim();
      else if (name === "wp:base_blog_url") channel.baseBlogUrl = value.trim();
    }
    if (name === "channel") sendChannel();
  });

  let first = true;
  // A character of several bytes may be split between two chunks: the decoder holds it back.
  const decoder = new StringDecoder("utf8");
  for await (const chunk of input) {
    let piece = typeof chunk === "string" ? chunk : decoder.write(chunk);
    if (first) {
      piece = piece.replace(/^\uFEFF/, "");
      first = false;
    }
    parser.write(piece.replace(invalidXmlChars, ""));
    if (failure) throw failure;
    while (queue.length > 0) {
      yield queue.shift()!;
      if (failure) throw failure;
    }
  }
  parser.close();
  if (!failure && !sawRoot) fail("the file is empty: no root element");
  if (!failure && !channelSent) fail("no <channel>: this is not a WordPress export");
  if (failure) throw failure;
  while (queue.length > 0) yield queue.shift()!;
}
