import type { Element, Root, Text } from "hast";
import { defaultSchema, type Schema } from "hast-util-sanitize";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { SKIP, visit } from "unist-util-visit";
import { parseImageUrl, variantSrcSet } from "./media/addresses";

// An allow-list: GitHub's schema (what its Markdown may produce), minus the form controls it
// keeps for task lists, with only http(s), mailto and site-relative links.
const schema: Schema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((name) => !["input", "h1"].includes(name)),
  protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto"], src: ["http", "https"] },
  attributes: {
    ...defaultSchema.attributes,
    a: [...(defaultSchema.attributes?.a ?? []), "rel"],
  },
  clobberPrefix: "md-",
};

/** The article's h1 is its title: a heading written as `#` in the body becomes an h2. */
function demoteH1() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName === "h1") node.tagName = "h2";
    });
  };
}

/** Links that leave the site do not pass authority or the opener. */
function externalLinks() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName !== "a") return;
      const href = String(node.properties.href ?? "");
      if (/^https?:\/\//i.test(href)) node.properties.rel = ["noopener", "noreferrer"];
    });
  };
}

/**
 * Typewriter punctuation as a typesetter would set it: curly quotes and apostrophes, en and em
 * dashes, an ellipsis. Code is left as typed. A quote opens after a space, an opening bracket
 * or a dash, or at the start; otherwise it closes, which makes the apostrophe of "it's" right.
 * The previous character carries across inline elements (a quoted "*word*").
 */
export function smartPunctuation(text: string, before = ""): string {
  let out = "";
  const chars = text.replace(/---/g, "\u2014").replace(/--/g, "\u2013").replace(/ - /g, " \u2013 ").replace(/\.\.\./g, "\u2026");
  for (const ch of chars) {
    const prev = out.at(-1) ?? before;
    const opens = prev === "" || /[\s([{\u2013\u2014\u201c\u2018]/.test(prev);
    if (ch === '"') out += opens ? "\u201c" : "\u201d";
    else if (ch === "'") out += opens ? "\u2018" : "\u2019";
    else out += ch;
  }
  return out;
}

/**
 * The site's own uploaded images in a body (pasted or dropped in the editor): every stored
 * width as a srcset, AVIF first for the browsers that take it, and loaded only when near.
 * The widths follow from the address, which names the largest (lib/media/addresses.ts).
 */
function uploadedImages() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element, index, parent) => {
      if (node.tagName !== "img" || !parent || index === undefined || (parent.type === "element" && parent.tagName === "picture")) return;
      const address = parseImageUrl(String(node.properties.src ?? ""));
      if (!address) return;
      const sizes = "(min-width: 60rem) 40rem, 100vw";
      node.properties = { ...node.properties, srcSet: variantSrcSet(address, "webp"), sizes, loading: "lazy", decoding: "async" };
      const source: Element = { type: "element", tagName: "source", properties: { type: "image/avif", srcSet: variantSrcSet(address, "avif"), sizes }, children: [] };
      parent.children[index] = { type: "element", tagName: "picture", properties: {}, children: [source, node] };
      return SKIP;
    });
  };
}

function typography() {
  return (tree: Root) => {
    let last = "";
    visit(tree, (node) => {
      if (node.type === "element" && ["code", "pre", "kbd", "samp", "script", "style"].includes(node.tagName)) return SKIP;
      // A new block starts afresh: a quote at the start of a paragraph opens.
      if (node.type === "element" && /^(p|h[1-6]|li|blockquote|td|th|dt|dd|figcaption)$/.test(node.tagName)) last = "";
      if (node.type !== "text") return;
      const text = node as Text;
      text.value = smartPunctuation(text.value, last);
      last = text.value.at(-1) ?? last;
    });
  };
}

// Raw HTML in the Markdown is never parsed (remark-rehype drops it without
// allowDangerousHtml); the sanitizer then holds whatever the Markdown itself produced to the
// allow-list.
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(demoteH1)
  .use(rehypeSanitize, schema)
  .use(externalLinks)
  .use(uploadedImages)
  .use(typography)
  .use(rehypeStringify)
  .freeze();

/**
 * The renderer's version, stored beside each article's rendered body. Raise it whenever the
 * HTML may change: a plugin or the allow-list here, or any version of the packages below
 * (a sanitizer fix in a patch release matters most). Stored bodies of an older version are
 * then rendered again (lib/articles/body.ts).
 */
export const markdownVersion = 3;

/**
 * The packages that make the HTML, at the versions `markdownVersion` was set for. A test
 * compares them with what is installed, so a dependency update cannot leave stored HTML from
 * the previous versions in place unnoticed.
 */
export const rendererPackages = {
  unified: "11.0.5",
  "remark-parse": "11.0.0",
  "remark-gfm": "4.0.1",
  "remark-rehype": "11.1.2",
  "mdast-util-to-hast": "13.2.2",
  "rehype-sanitize": "6.0.0",
  "hast-util-sanitize": "5.0.2",
  "rehype-stringify": "10.0.1",
  "hast-util-to-html": "9.0.6",
  micromark: "4.0.3",
};

/** Article Markdown to safe HTML: the one renderer for the public page and the editor's preview. */
export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}
