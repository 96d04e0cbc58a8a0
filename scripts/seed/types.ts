// Shapes of the hand-written demo content. The seed turns these into rows; nothing here
// touches the database, so the content can be read and checked on its own.

export const sectionSlugs = [
  "world",
  "politics",
  "business",
  "technology",
  "science",
  "culture",
  "sport",
] as const;
export type SectionSlug = (typeof sectionSlugs)[number];

export const authorSlugs = [
  "amara-okafor",
  "lukas-brenner",
  "sofia-marquez",
  "daniel-hart",
  "mei-lin-chen",
  "tomas-novak",
] as const;
export type AuthorSlug = (typeof authorSlugs)[number];

export type SeedComment = {
  name: string;
  email: string;
  website?: string;
  body: string;
  /** approved comments are public; pending ones wait in the moderation queue */
  status: "approved" | "pending";
  /** minutes after the article's publication */
  minutesAfter: number;
  replies?: SeedComment[];
};

export type SeedArticle = {
  slug: string;
  title: string;
  standfirst: string;
  section: SectionSlug;
  author: AuthorSlug;
  /** 0 to 29: how many days before the seed runs the article was published */
  daysAgo: number;
  /** hour of day (UTC) of publication, 0 to 23 */
  hour: number;
  /** tag names; the same names recur across articles so that tag pages and Related News fill up */
  tags: string[];
  source?: { name: string; url?: string };
  mustRead?: boolean;
  /** Markdown, 300 to 900 words, with ## sub-headings, > quotes and lists */
  body: string;
  comments?: SeedComment[];
};
