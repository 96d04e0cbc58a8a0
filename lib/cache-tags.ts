// The cache tags of reader data. Actions that change data revalidate exactly these.
//
// Publishing, editing or unpublishing an article revalidates `article:{id}`, its section,
// `home`, its author and tags, and `feeds`. Everything that lists the whole archive (the RSS
// feeds, the sitemaps, search results) carries `feeds`, so that one tag refreshes them all.
export const tags = {
  home: "home",
  sections: "sections",
  settings: "settings",
  social: "social",
  feeds: "feeds",
  mustRead: "must-read",
  /** everything ranked by reads: revalidated by the background pass when the ranking moves */
  mostRead: "most-read",
  redirects: "redirects",
  pages: "pages",
  page: (id: number) => `page:${id}`,
  /** the newsletter lists in the signup form on reader pages */
  newsletters: "newsletters",
  article: (id: number) => `article:${id}`,
  articleSlug: (slug: string) => `article-slug:${slug}`,
  section: (slug: string) => `section:${slug}`,
  author: (slug: string) => `author:${slug}`,
  tag: (slug: string) => `tag:${slug}`,
} as const;
