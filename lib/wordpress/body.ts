import TurndownService from "turndown";

// WordPress HTML (classic posts without <p>, block-editor comments, shortcodes) to the Markdown
// Gazette stores. What this produces is Markdown only; the renderer (lib/markdown.ts) drops any
// raw HTML left in it and holds the rest to the allow-list, so nothing here has to be trusted.

export type AttachmentInfo = { url: string; alt: string; caption: string };

/** Attributes of a shortcode or tag: key="value", key='value' and key=value. */
function attributes(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of source.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'\]]+))/g)) {
    out[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? "";
  }
  return out;
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const link = (url: string, label: string) => `<p><a href="${escapeHtml(url)}">${escapeHtml(label)}</a></p>`;

/** The common shortcodes as the HTML WordPress would have shown for them. */
export function expandShortcodes(html: string, attachments: (id: string) => AttachmentInfo | undefined): string {
  return (
    html
      // [caption id="…" align="…" width="…"]<img …> The caption[/caption]
      .replace(/\[caption([^\]]*)\]([\s\S]*?)\[\/caption\]/gi, (_all, attrs: string, inner: string) => {
        const media = inner.match(/^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)/i);
        const caption = (media ? inner.slice(media[0].length) : inner).trim() || attributes(attrs).caption || "";
        return `<figure>${media?.[1] ?? ""}<figcaption>${caption}</figcaption></figure>`;
      })
      // [gallery ids="1,2,3"]: the attachments themselves, when the export has them
      .replace(/\[gallery([^\]]*)\]/gi, (_all, attrs: string) => {
        const ids = (attributes(attrs).ids ?? attributes(attrs).include ?? "").split(",").map((s) => s.trim()).filter(Boolean);
        const images = ids.map(attachments).filter((a): a is AttachmentInfo => !!a);
        return images.map((a) => `<p><img src="${escapeHtml(a.url)}" alt="${escapeHtml(a.alt || a.caption)}"></p>`).join("\n");
      })
      .replace(/\[embed([^\]]*)\]([\s\S]*?)\[\/embed\]/gi, (_all, _attrs: string, url: string) => link(url.trim(), url.trim()))
      .replace(/\[(audio|video)([^\]]*)\](?:([\s\S]*?)\[\/\1\])?/gi, (_all, kind: string, attrs: string) => {
        const a = attributes(attrs);
        const src = a.src ?? a.mp3 ?? a.m4a ?? a.ogg ?? a.wav ?? a.mp4 ?? a.webm ?? a.ogv ?? a.m4v ?? "";
        return src ? link(src, `${kind === "audio" ? "Listen" : "Watch"}: ${src.split("/").pop()}`) : "";
      })
      // a URL alone on its line is an oEmbed in WordPress: a link here
      .replace(/^[ \t]*(https?:\/\/[^\s<>"]+)[ \t]*$/gm, (_all, url: string) => link(url, url))
  );
}

const blockTags = "address|article|aside|blockquote|dd|details|div|dl|dt|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|tbody|td|tfoot|th|thead|tr|ul|iframe|audio|video|object";
const startsWithBlock = new RegExp(`^\\s*<(?:/?(?:${blockTags})\\b|!--)`, "i");
const endsWithBlock = new RegExp(`</(?:${blockTags})>\\s*$`, "i");

/**
 * WordPress stores classic posts without paragraphs and adds them when showing the post
 * (wpautop): a blank line ends a paragraph, a single line break is a <br>. Preformatted blocks
 * keep their lines; block-level HTML is left as it is.
 */
export function autop(html: string): string {
  const kept: string[] = [];
  const protectedHtml = html
    .replace(/\r\n?/g, "\n")
    .replace(/<(pre|script|style)\b[\s\S]*?<\/\1>/gi, (block) => {
      kept.push(block);
      return `\u0000${kept.length - 1}\u0000`;
    });
  const paragraphs = protectedHtml.split(/\n\s*\n/).map((chunk) => {
    const trimmed = chunk.trim();
    if (!trimmed) return "";
    if (/^\u0000\d+\u0000$/.test(trimmed) || (startsWithBlock.test(trimmed) && endsWithBlock.test(trimmed)) || /^<!--[\s\S]*-->$/.test(trimmed)) return trimmed;
    if (startsWithBlock.test(trimmed)) return trimmed.replace(/\n(?!\s*<)/g, "<br>\n");
    return `<p>${trimmed.replace(/\n/g, "<br>\n")}</p>`;
  });
  return paragraphs.filter(Boolean).join("\n\n").replace(/\u0000(\d+)\u0000/g, (_m, i: string) => kept[Number(i)]!);
}

const turndown = new TurndownService({ headingStyle: "atx", codeBlockStyle: "fenced", bulletListMarker: "-", emDelimiter: "*" });
// Script and the like are dropped with their content (by default turndown would keep their
// text); embeds become links to what they showed.
turndown.remove((node) => ["svg", "math"].includes(node.nodeName.toLowerCase()));
turndown.remove(["script", "style", "noscript", "template", "form", "input", "button", "select", "textarea", "object", "embed", "head", "title", "meta", "link"]);
turndown.addRule("embeds", {
  filter: ["iframe", "audio", "video", "source"],
  replacement: (_content, node) => {
    const element = node as HTMLElement;
    const src = element.getAttribute("src") || element.querySelector?.("source")?.getAttribute("src") || "";
    return /^https?:\/\//i.test(src) ? `\n\n[${src}](${src})\n\n` : "";
  },
});
turndown.addRule("preformatted", {
  filter: (node) => node.nodeName === "PRE" && node.firstElementChild?.nodeName !== "CODE",
  replacement: (_content, node) => {
    const code = (node.textContent ?? "").replace(/\n$/, "");
    const fence = "`".repeat(Math.max(3, ...[...code.matchAll(/`+/g)].map((m) => m[0].length + 1)));
    return `\n\n${fence}\n${code}\n${fence}\n\n`;
  },
});
// A link the renderer would refuse (javascript:, data:) keeps only its text.
turndown.addRule("unsafeLinks", {
  filter: (node) => node.nodeName === "A" && !/^(https?:|mailto:|\/|#|[^:]*$)/i.test((node as HTMLElement).getAttribute("href")?.trim() ?? ""),
  replacement: (content) => content,
});
turndown.addRule("figcaption", {
  filter: "figcaption",
  replacement: (content) => (content.trim() ? `\n\n*${content.trim()}*\n\n` : ""),
});

/** A WordPress post body (classic or block editor) as Gazette Markdown. */
export function wordpressToMarkdown(html: string, attachments: (id: string) => AttachmentInfo | undefined = () => undefined): string {
  const withoutBlocks = html.replace(/<!--\s*\/?wp:[\s\S]*?-->/g, "").replace(/<!--more(?:[^>]*)-->|<!--nextpage-->/g, "");
  const markdown = turndown.turndown(autop(expandShortcodes(withoutBlocks, attachments)));
  return markdown.replace(/\n{3,}/g, "\n\n").trim();
}

const entities: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", hellip: "…", mdash: "—", ndash: "–",
  lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”", laquo: "«", raquo: "»", copy: "©", reg: "®", trade: "™",
};

/** HTML entities in text (WordPress keeps titles with &#8217; and the like) decoded. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
    }
    return entities[name.toLowerCase()] ?? all;
  });
}

/**
 * HTML as plain text, for titles, standfirsts and comments (which Gazette keeps as text): tags
 * dropped with script and style content, breaks and paragraphs as line breaks, a link's
 * address kept after its text.
 */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, "")
      .replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, "")
      .replace(/<a\b[^>]*?href\s*=\s*["']([^"']+)["'][^>]*>([\s\S]*?)<\/a\s*>/gi, (_all, href: string, label: string) => {
        const text = label.replace(/<[^>]*>/g, "").trim();
        return /^https?:\/\//i.test(href) && text !== href ? `${text} (${href})` : text;
      })
      .replace(/<br\s*\/?>/gi, "\n")
      .replace(/<\/(p|div|li|blockquote|h[1-6])\s*>/gi, "\n\n")
      .replace(/<[^>]*>/g, ""),
  )
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
