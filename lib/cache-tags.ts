// The cache tags of reader data. Actions that change data revalidate exactly these.
export const tags = {
  home: "home",
  sections: "sections",
  settings: "settings",
  social: "social",
  feeds: "feeds",
  mustRead: "must-read",
  article: (id: number) => `article:${id}`,
  articleSlug: (slug: string) => `article-slug:${slug}`,
  section: (slug: string) => `section:${slug}`,
  author: (slug: string) => `author:${slug}`,
  tag: (slug: string) => `tag:${slug}`,
} as const;
