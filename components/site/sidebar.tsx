import type { ArticleCard } from "@/lib/articles/queries";
import { Timestamp } from "@/components/ui/timestamp";
import { formatCount } from "@/lib/format";
import type { SocialAccountView } from "@/lib/social/queries";
import { articleHref } from "./article-card";
import { SocialIcon } from "./social-icon";
import styles from "./sidebar.module.css";

type Locale = { locale: string; timeZone: string };

export function StayConnected({
  accounts,
  locale,
  timeZone,
  compact = false,
}: { accounts: SocialAccountView[]; compact?: boolean } & Locale) {
  if (accounts.length === 0) return null;
  // Counts are only as fresh as their last good fetch; readers see the oldest of them.
  const oldest = accounts.flatMap((a) => (a.asOf ? [a.asOf] : [])).sort()[0];
  return (
    <section aria-labelledby="stay-connected" className={styles.widget}>
      <h2 id="stay-connected" className={styles.heading}>
        Stay Connected
      </h2>
      <ul className={styles.social}>
        {accounts.map((account) => (
          <li key={account.id} data-network={account.network}>
            <span className={styles.icon}>
              <SocialIcon network={account.network} />
            </span>
            <span className={styles.count}>
              {account.count === null ? "–" : compact ? (
                <abbr title={formatCount(account.count, locale)}>{formatCount(account.count, locale, true)}</abbr>
              ) : (
                formatCount(account.count, locale)
              )}
              <span className={styles.noun}> {account.noun}</span>
            </span>
            <a href={account.profileUrl} rel="me noopener" className={styles.action}>
              {account.verb}
              <span className="visually-hidden"> {account.handle} on {account.network}</span>
            </a>
            {account.asOf && (
              <span className="visually-hidden">
                (as of <Timestamp at={account.asOf} style="date" locale={locale} timeZone={timeZone} />)
              </span>
            )}
          </li>
        ))}
      </ul>
      {oldest && (
        <p className={styles.asOf}>
          Counts as of <Timestamp at={oldest} style="date" locale={locale} timeZone={timeZone} />
        </p>
      )}
    </section>
  );
}

export function ArticleLinks({ id, title, cards }: { id: string; title: string; cards: ArticleCard[] }) {
  if (cards.length === 0) return null;
  return (
    <section aria-labelledby={id} className={styles.widget}>
      <h2 id={id} className={styles.heading}>
        {title}
      </h2>
      <ol className={styles.links}>
        {cards.map((card) => (
          <li key={card.id}>
            <a href={articleHref(card)}>{card.title}</a>
            <span className={styles.linkMeta}>{card.section.name}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
