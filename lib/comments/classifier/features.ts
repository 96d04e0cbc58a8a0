/**
 * What the spam classifier sees of a comment: a set of features (each counted once, however
 * often it occurs). Words alone carry a filter trained on one site poorly to another, since
 * every site talks about different things; what spam has everywhere is its shape: links and
 * the domains in them, money and percentages, shouting, runs of punctuation, calls to
 * subscribe or click. Those become tokens of their own (`__url__`, `__money__`, …) beside
 * the words, the pairs of words ("check out", "my channel") and the letter groups inside
 * words, which still match when a spammer writes "v1agra" or "c-a-s-i-n-o".
 */

// Zero-width characters and soft hyphens are invisible; spammers put them inside words.
const invisible = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

const urlPattern =
  /\b(?:(?:https?|ftp):\/\/[^\s<>"']+|www\.[^\s<>"']+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|biz|io|co|me|ru|cn|xyz|top|online|site|club|ly|tk|us|uk|de|in|tv|gl|gd|to|shop|store|app|link|click)\b(?:\/[^\s<>"']*)?)/giu;
const emailPattern = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[a-z]{2,}/giu;
const moneyPattern = /(?:[$€£¥₹]\s?\d[\d,.]*\s?[kmb]?|\d[\d,.]*\s?(?:[$€£¥₹]|usd|eur|gbp|dollars?|bucks|btc|k\/month|k a month))/giu;
const phonePattern = /(?:\+\d{1,3}[\s-]?)?(?:\(?\d{3}\)?[\s.-]?){2}\d{3,4}\b/g;
const percentPattern = /\d+\s?%/g;
const emojiPattern = /\p{Extended_Pictographic}/gu;

/** Words that are stored as themselves; every other word of this length or less is dropped. */
const minWordLength = 2;
/** Letter groups of these sizes, taken from inside each word with its edges marked. */
const charGramSizes = [3, 4, 5] as const;

export type Features = Set<string>;

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/**
 * Comments exported from other platforms often carry HTML: links as `<a href>`, `<br />`,
 * `&#39;`. The link's address is what counts, and the markup is not words.
 */
export function stripMarkup(text: string): string {
  return text
    .replace(/<a\s[^>]{0,500}?href\s*=\s*["']?([^"'\s>]+)[^>]{0,500}>/gi, " $1 ")
    .replace(/<\/?[a-z][^>]{0,500}>/gi, " ")
    .replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,6}));/gi, (whole, dec: string, hex: string, name: string) => {
      const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : null;
      if (code !== null) return code <= 0x10ffff ? String.fromCodePoint(code) : " ";
      return entities[name.toLowerCase()] ?? whole;
    });
}

/** Lower case, compatibility forms folded (full-width letters, ligatures), accents and invisible characters gone. */
export function normalize(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}+/gu, "").replace(invisible, "").toLowerCase();
}

/**
 * A light stem: English plurals and the possessive fold onto the word, so that "tokens" and
 * "token" count together. A full stemmer buys little on comments a few lines long.
 */
export function stem(word: string): string {
  let w = word.replace(/['’]s$/u, "");
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) w = w.slice(0, -1);
  return w;
}

/** The host of a link, without `www.`, or null when it has none that reads as one. */
export function hostOf(link: string): string | null {
  const withScheme = /^[a-z]+:\/\//i.test(link) ? link : `http://${link}`;
  try {
    return new URL(withScheme).hostname.replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}

/** Words of a text in order, folded and stemmed, numbers replaced by their shape. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)) {
    const raw = match[0];
    if (/^\p{N}+$/u.test(raw)) {
      out.push(raw.length >= 4 ? "__bignum__" : "__num__");
      continue;
    }
    if (raw.length < minWordLength) continue;
    // Order numbers, hashes, codes: their shape is all they say ("v1agra", "sub4sub" stay words).
    if (raw.length >= 6 && (raw.match(/\p{N}/gu)?.length ?? 0) >= 2 && /\p{L}/u.test(raw)) {
      out.push("__code__");
      continue;
    }
    out.push(stem(raw));
  }
  return out;
}

function shapeFeatures(original: string, features: Features) {
  const letters = original.match(/\p{L}/gu) ?? [];
  const capitals = original.match(/\p{Lu}/gu) ?? [];
  if (letters.length >= 8 && capitals.length / letters.length > 0.5) features.add("__shouting__");
  const capsWords = original.match(/\b\p{Lu}{3,}\b/gu) ?? [];
  if (capsWords.length >= 2) features.add("__caps_words__");
  if (/!{2,}/.test(original)) features.add("__bangs__");
  if (/\?{2,}/.test(original)) features.add("__questions__");
  if (/([^\p{L}\p{N}\s])\1{3,}/u.test(original)) features.add("__punct_run__");
  if (/(\p{L})\1{3,}/u.test(original)) features.add("__stretched__");
  const emoji = original.match(emojiPattern)?.length ?? 0;
  if (emoji >= 3) features.add("__emoji_many__");
  if (/(?:\p{L}[\s.*_-]){4,}\p{L}\b/u.test(original) && /\b\p{L}[.*_-]\p{L}[.*_-]\p{L}/u.test(original)) features.add("__spaced_letters__");
}

/**
 * The features of one comment. Links, addresses, money, phone numbers and percentages are
 * lifted out first (each leaves a token, and a link's host its own), so that their pieces do
 * not read as words; the words inside a host still count, since "cheap-pills-online" says
 * what the link sells.
 */
export function extractFeatures(text: string): Features {
  const features: Features = new Set();
  const original = stripMarkup(text).replace(invisible, "");
  shapeFeatures(original, features);
  let rest = normalize(original);

  const hostWords: string[] = [];
  rest = rest.replace(emailPattern, () => {
    features.add("__email__");
    return " ";
  });
  let links = 0;
  rest = rest.replace(urlPattern, (link) => {
    links += 1;
    features.add("__url__");
    const host = hostOf(link);
    if (host) {
      features.add(`__host_${host}__`);
      const tld = host.split(".").pop();
      if (tld) features.add(`__tld_${tld}__`);
      if (/youtube\.com|youtu\.be/.test(host)) features.add("__video_link__");
      if (/^(?:bit\.ly|tinyurl\.com|goo\.gl|t\.co|ow\.ly|is\.gd|rebrand\.ly|cutt\.ly)$/.test(host)) features.add("__short_link__");
      hostWords.push(...host.split(/[^a-z0-9]+/).filter((w) => w.length > 2 && !/^(?:com|net|org|www|http|https)$/.test(w)));
    }
    const path = link.replace(/^[a-z]+:\/\//i, "").split("/").slice(1).join(" ");
    hostWords.push(...words(path.replace(/[^a-z0-9]+/g, " ")).filter((w) => !w.startsWith("__")));
    return " ";
  });
  if (links >= 2) features.add("__urls_many__");
  rest = rest.replace(moneyPattern, () => {
    features.add("__money__");
    return " ";
  });
  rest = rest.replace(percentPattern, () => {
    features.add("__percent__");
    return " ";
  });
  rest = rest.replace(phonePattern, () => {
    features.add("__phone__");
    return " ";
  });

  const list = words(rest);
  for (const w of list) features.add(w);
  for (let i = 1; i < list.length; i += 1) features.add(`${list[i - 1]} ${list[i]}`);
  for (const w of hostWords) features.add(`link:${w}`);
  for (const w of list.concat(hostWords)) {
    if (w.startsWith("__")) continue;
    const marked = `<${w}>`;
    for (const n of charGramSizes) {
      for (let i = 0; i + n <= marked.length; i += 1) features.add(`#${marked.slice(i, i + n)}`);
    }
  }
  return features;
}

// Words too common to explain anything to a moderator, even when they weigh.
const functionWords = new Set(
  "a an and are as at be but by do for from had has have he her his how i if in into is it its me my no not of on or our out she so that the their them then there they this to was we were what when which who will with you your".split(" "),
);

/** Whether a feature is a word or a pair of words a moderator can read in a reason. */
export function isReadable(feature: string): boolean {
  if (feature.startsWith("#") || feature.includes("__")) return false;
  const parts = feature.replace(/^link:/, "").split(" ");
  return parts.every((w) => w.length >= 3) && !parts.every((w) => functionWords.has(w));
}

/** The word as the comment wrote it, for a stem such as "return" from "returns" (each word of a pair). */
export function surfaceForm(stemmed: string, text: string): string {
  const folded = normalize(text);
  return stemmed
    .split(" ")
    .map((word) => {
      const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      return folded.match(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}[\\p{L}']*`, "u"))?.[0] ?? word;
    })
    .join(" ");
}
