import type { Metadata } from "next";
import { ConfirmDrop, SocialAccountForm } from "@/components/newsroom/social-account-form";
import { getPrimaryDb } from "@/db/client";
import { socialNetworks } from "@/db/schema";
import { requirePermission } from "@/lib/auth/session";
import { refreshIntervalMs } from "@/lib/social/config";
import { listSocialAccounts } from "@/lib/social/queries";
import { getSiteSettings } from "@/lib/site/cached";
import { isFetched, isStale } from "@/lib/social/rules";
import styles from "@/components/newsroom/staff.module.css";
import { Timestamp } from "@/components/ui/timestamp";

export const metadata: Metadata = { title: "Social accounts" };

export default async function SocialPage() {
  await requirePermission("site.admin");
  const [rows, { timeZone }] = await Promise.all([listSocialAccounts(await getPrimaryDb()), getSiteSettings()]);
  const when = (d: Date) => <Timestamp at={d} timeZone={timeZone} />;
  const interval = refreshIntervalMs();
  return (
    <>
      <h1>Social accounts</h1>
      <p className={styles.hint}>
        The accounts of the Stay Connected widget on reader pages. Mastodon, Bluesky, YouTube and Facebook counts are fetched from the networks&apos; APIs in the background every{" "}
        {Math.round(interval / 60_000)} minutes; the others are typed here.
      </p>
      {rows.map((r) => {
        const status = r.manual || !isFetched(r.network)
          ? <>Typed by hand, as of {r.fetchedAt ? when(r.fetchedAt) : "never"}</>
          : r.lastError
            ? <>Error at {r.lastErrorAt ? when(r.lastErrorAt) : "?"}: {r.lastError}</>
            : isStale(r.fetchedAt, interval)
              ? <>Stale since {r.fetchedAt ? when(r.fetchedAt) : "never fetched"}</>
              : <>OK, fetched {r.fetchedAt ? when(r.fetchedAt) : ""}</>;
        return (
          <section key={r.id} aria-label={`${r.network} ${r.handle}`}>
            <SocialAccountForm
              legend={`${r.network}: ${r.handle}`}
              status={
                <>
                  <p className={styles.accountStatus}>
                    <strong>Status:</strong> <span data-testid="social-status">{status}</span>
                  </p>
                  {r.pendingCount !== null && <ConfirmDrop id={r.id} from={r.count} to={r.pendingCount} />}
                </>
              }
              networks={[...socialNetworks]}
              initial={{
                id: String(r.id),
                network: r.network,
                handle: r.handle,
                profileUrl: r.profileUrl,
                noun: r.noun,
                verb: r.verb,
                count: r.count === null ? "" : String(r.count),
                manual: r.manual,
                visible: r.visible,
                position: String(r.position),
              }}
            />
          </section>
        );
      })}
      <h2>Add an account</h2>
      <SocialAccountForm
        legend="New account"
        networks={[...socialNetworks]}
        initial={{ id: "", network: "mastodon", handle: "", profileUrl: "", noun: "Followers", verb: "Follow", count: "", manual: false, visible: true, position: String(rows.length) }}
      />
    </>
  );
}
