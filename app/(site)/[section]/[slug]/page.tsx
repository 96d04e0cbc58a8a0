import type { Metadata } from "next";
import { permanentRedirect } from "next/navigation";
import { ArticleLinks, StayConnected } from "@/components/site/sidebar";
import { CommentForm } from "@/components/site/comment-form";
import { CommentList } from "@/components/site/comments";
import { JsonLd } from "@/components/site/json-ld";
import { NewsletterSignup } from "@/components/site/newsletter-signup";
import { StoredImage } from "@/components/site/stored-image";
import { NotFoundPage, notFoundMetadata } from "@/components/ui/not-found-page";
import styles from "@/components/ui/article.module.css";
import pageStyles from "@/components/site/page.module.css";
import { getSection, getPublishedArticle, listMustRead, listRelatedArticles } from "@/lib/articles/cached";
import { getPublishedPage } from "@/lib/pages/cached";
import { redirectIfMoved } from "@/lib/redirects/cached";
import { StaticPage } from "@/components/site/static-page";
import { Timestamp } from "@/components/ui/timestamp";
import { getCommentPage } from "@/lib/comments/cached";
import { env } from "@/lib/env";
import { heroCropUrls } from "@/lib/media/crops";
import { isSlug } from "@/lib/slug";
import { getSiteSettings } from "@/lib/site/cached";
import { shareDefaults } from "@/lib/site/share";
import { listVisibleSocialAccounts } from "@/lib/social/cached";

type Props = { params: Promise<{ section: string; slug: string }> };

// Nothing is prerendered at build time (the build never opens the database): each article
// renders on its first request, then is served from the cache until its tags are revalidated.
export async function generateStaticParams() {
  return [];
}

/**
 * A static page under a parent page, /{parent}/{slug}: asked only when no section is at the
 * first segment (a page may not take a section's slug), so articles never wait on it.
 */
async function childPage(params: Props["params"]) {
  const { section, slug } = await params;
  if (!isSlug(section) || !isSlug(slug) || (await getSection(section))) return null;
  return getPublishedPage(section, slug);
}

async function load(params: Props["params"]) {
  const { section, slug } = await params;
  if (!isSlug(section) || !isSlug(slug)) return null;
  const article = await getPublishedArticle(slug);
  if (!article) return null;
  // An article moved to another section keeps working at its old section's address (the page
  // redirects); under a section that does not exist it is not found, like anything else there.
  if (article.section.slug !== section && !(await getSection(section))) return null;
  return { article, section };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await childPage(params);
  if (page) return { title: page.title, alternates: { canonical: page.path } };
  const loaded = await load(params);
  if (!loaded) return notFoundMetadata;
  const { article } = loaded;
  const share = await shareDefaults();
  const url = `/${article.section.slug}/${article.slug}`;
  // The hero image when there is one, else a card drawn from the title (./og.png).
  const images = [
    article.heroImageUrl
      ? { url: article.heroImageUrl, alt: article.heroImageAlt ?? "" }
      : { url: `${url}/og.png`, width: 1200, height: 630, alt: article.title },
  ];
  return {
    title: article.title,
    description: article.standfirst,
    alternates: { canonical: url },
    authors: [{ name: article.author.name, url: `/author/${article.author.slug}` }],
    openGraph: {
      ...share.openGraph,
      type: "article",
      url,
      title: article.title,
      description: article.standfirst,
      publishedTime: article.publishedAt,
      modifiedTime: article.revisedAt ?? article.publishedAt,
      section: article.section.name,
      tags: article.tags.map((t) => t.name),
      // article:author is the author's page, which names them and lists their work.
      authors: [new URL(`/author/${article.author.slug}`, env().SITE_URL).toString()],
      images,
    },
    twitter: { ...share.twitter, card: "summary_large_image", title: article.title, description: article.standfirst, images },
  };
}

export default async function ArticlePage({ params }: Props) {
  const page = await childPage(params);
  if (page) {
    const settings = await getSiteSettings();
    return <StaticPage page={page} timeZone={settings.timeZone} locale={settings.locale} />;
  }
  const loaded = await load(params);
  if (!loaded) {
    const { section, slug } = await params;
    await redirectIfMoved(`/${section}/${slug}`);
    return <NotFoundPage />;
  }
  const { article, section } = loaded;
  if (article.section.slug !== section) permanentRedirect(`/${article.section.slug}/${article.slug}`);

  const [settings, comments, mustRead, related, social] = await Promise.all([
    getSiteSettings(),
    getCommentPage(article.id, 1),
    listMustRead(5),
    listRelatedArticles(article.id, 5),
    listVisibleSocialAccounts(),
  ]);
  const { locale, timeZone } = settings;
  const siteUrl = env().SITE_URL;
  const url = `${siteUrl}/${article.section.slug}/${article.slug}`;
  const lastCorrection = article.corrections.at(-1)?.createdAt;
  const modified = [article.revisedAt, lastCorrection, article.publishedAt].filter(Boolean).sort().at(-1)!;
  const commentTotal = comments.total;
  const shareText = encodeURIComponent(article.title);
  const shareUrl = encodeURIComponent(url);
  // With a hero, the three shapes Google asks for (16:9, 4:3, 1:1); else the title card.
  const crops = article.heroImageUrl ? heroCropUrls(article.heroImageUrl) : [];
  const structuredImages = crops.length > 0 ? crops : [article.heroImageUrl ?? `${url}/og.png`];

  return (
    <div className={pageStyles.withSidebar}>
      <article data-article-id={article.id}>
        <JsonLd
          data={{
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            headline: article.title,
            description: article.standfirst,
            datePublished: article.publishedAt,
            dateModified: modified,
            mainEntityOfPage: url,
            articleSection: article.section.name,
            keywords: article.tags.map((t) => t.name).join(", "),
            image: structuredImages.map((u) => new URL(u, siteUrl).toString()),
            author: [{ "@type": "Person", name: article.author.name, url: `${siteUrl}/author/${article.author.slug}` }],
            publisher: {
              "@type": "Organization",
              name: settings.siteName,
              url: siteUrl,
              logo: { "@type": "ImageObject", url: new URL(settings.logoUrl, siteUrl).toString() },
            },
          }}
        />
        <JsonLd
          data={{
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            itemListElement: [
              { "@type": "ListItem", position: 1, name: "Home", item: `${siteUrl}/` },
              { "@type": "ListItem", position: 2, name: article.section.name, item: `${siteUrl}/${article.section.slug}` },
              { "@type": "ListItem", position: 3, name: article.title, item: url },
            ],
          }}
        />
        <nav aria-label="Breadcrumb" className={styles.crumbs}>
          <ol>
            <li>
              <a href="/">Home</a>
            </li>
            <li>
              <a href={`/${article.section.slug}`}>{article.section.name}</a>
            </li>
          </ol>
        </nav>
        <h1 className={styles.title}>{article.title}</h1>
        <p className={styles.standfirst}>{article.standfirst}</p>
        <div className={styles.byline}>
          <span>
            By <a href={`/author/${article.author.slug}`}>{article.author.name}</a>
          </span>
          <span>
            <Timestamp at={article.publishedAt} style="dateTime" locale={locale} timeZone={timeZone} />
          </span>
          {modified !== article.publishedAt && (
            <span>
              Updated <Timestamp at={modified} style="dateTime" locale={locale} timeZone={timeZone} />
            </span>
          )}
          {/* One item, so that the comment count never wraps onto a line of its own. */}
          <span className={styles.nowrap}>
            {article.readingMinutes} min read · <a href="#comments-heading">{commentTotal === 1 ? "1 comment" : `${commentTotal} comments`}</a>
          </span>
          {article.sourceName && (
            <span>
              Source:{" "}
              {article.sourceUrl ? (
                <a href={article.sourceUrl} rel="noopener noreferrer">
                  {article.sourceName}
                </a>
              ) : (
                article.sourceName
              )}
            </span>
          )}
        </div>
        {article.heroImageUrl && (
          <figure className={styles.hero}>
            <StoredImage
              src={article.heroImageUrl}
              alt={article.heroImageAlt ?? ""}
              width={article.heroImageWidth ?? 1200}
              height={article.heroImageHeight ?? Math.round(((article.heroImageWidth ?? 1200) * 9) / 16)}
              sizes="(min-width: 60rem) 46rem, 100vw"
              priority
            />
            {(article.heroImageCaption || article.heroImageCredit) && (
              <figcaption>
                {article.heroImageCaption}
                {article.heroImageCredit && <> Credit: {article.heroImageCredit}</>}
              </figcaption>
            )}
          </figure>
        )}
        <div className={styles.body} dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
        {article.corrections.length > 0 && (
          <aside aria-label="Corrections" className={styles.corrections}>
            {article.corrections.map((c) => (
              <p key={c.createdAt}>
                <strong>
                  Correction, <Timestamp at={c.createdAt} style="date" locale={locale} timeZone={timeZone} />:
                </strong> {c.body}
              </p>
            ))}
          </aside>
        )}
        {article.tags.length > 0 && (
          <ul className={styles.tags} aria-label="Tags">
            <li className={styles.label}>Tags</li>
            {article.tags.map((t) => (
              <li key={t.slug}>
                <a href={`/tag/${t.slug}`}>{t.name}</a>
              </li>
            ))}
          </ul>
        )}
        <ul className={styles.share} aria-label="Share">
          <li className={styles.label}>Share</li>
          <li>
            <a href={`mailto:?subject=${shareText}&body=${shareUrl}`}>Email</a>
          </li>
          <li>
            <a href={`https://bsky.app/intent/compose?text=${shareText}%20${shareUrl}`} rel="noopener noreferrer">
              Bluesky
            </a>
          </li>
          <li>
            <a href={`https://www.facebook.com/sharer/sharer.php?u=${shareUrl}`} rel="noopener noreferrer">
              Facebook
            </a>
          </li>
          <li>
            <a href={`https://www.linkedin.com/sharing/share-offsite/?url=${shareUrl}`} rel="noopener noreferrer">
              LinkedIn
            </a>
          </li>
        </ul>
        <section className={styles.authorBox} aria-label="About the author">
          <p>
            <span className={styles.label}>Author:</span>{" "}
            <a href={`/author/${article.author.slug}`}>{article.author.name}</a>
          </p>
          <p>{article.author.bio}</p>
        </section>
        <CommentList
          page={comments}
          article={{ section: article.section.slug, slug: article.slug }}
          canReply={article.commentMode !== "closed"}
          locale={locale}
          timeZone={timeZone}
        />
        {article.commentMode === "closed" ? (
          <p className={styles.closed}>Comments are closed for this article.</p>
        ) : (
          <CommentForm articleId={article.id} />
        )}
      </article>
      <aside aria-label="Sidebar">
        <StayConnected accounts={social} locale={locale} timeZone={timeZone} compact={settings.compactCounts} />
        <ArticleLinks id="must-read" title="Must Read" cards={mustRead.filter((c) => c.id !== article.id)} />
        <ArticleLinks id="related-news" title="Related News" cards={related} />
        <NewsletterSignup source={`article:${article.id}`} />
      </aside>
    </div>
  );
}
