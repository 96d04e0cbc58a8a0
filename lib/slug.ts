// Letters that Unicode normalization does not decompose into ASCII plus accents.
const special: Record<string, string> = {
  ß: "ss", æ: "ae", Æ: "ae", ø: "o", Ø: "o", œ: "oe", Œ: "oe", ł: "l", Ł: "l", đ: "d", Đ: "d",
  ð: "d", þ: "th", ı: "i", "&": " and ",
};

export const maxSlugLength = 80;

/** A URL slug from any text: transliterated to ASCII, lower case, words joined by hyphens. */
export function slugify(text: string, maxLength = maxSlugLength): string {
  const ascii = text
    .replace(/[ßæÆøØœŒłŁđĐðþı&]/g, (ch) => special[ch] ?? ch)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");
  const slug = ascii
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, "");
}

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isSlug(value: string): boolean {
  return value.length > 0 && value.length <= maxSlugLength && slugPattern.test(value);
}
