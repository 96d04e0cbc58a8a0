import type { Metadata } from "next";
import Link from "next/link";
import { BanList } from "@/components/newsroom/ban-list";
import { StaffForm } from "@/components/newsroom/staff-form";
import styles from "@/components/newsroom/moderation.module.css";
import staffStyles from "@/components/newsroom/staff.module.css";
import { Timestamp } from "@/components/ui/timestamp";
import { getPrimaryDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { wordLimits } from "@/lib/moderation/input";
import { listBans, listWordLists } from "@/lib/moderation/queries";
import { getSiteSettings } from "@/lib/site/cached";
import { saveWordListAction, unbanAction } from "../actions";

export const metadata: Metadata = { title: "Word lists and bans" };

const hint = `One word or phrase per line. Matching ignores case and accents and finds whole words only. Up to ${wordLimits.count} entries.`;

export default async function ModerationRulesPage() {
  await requirePermission("comment.moderate");
  const db = await getPrimaryDb();
  const [words, bans, settings] = await Promise.all([listWordLists(db), listBans(db), getSiteSettings()]);
  return (
    <>
      <div className={styles.titleRow}>
        <h1>Word lists and bans</h1>
        <Link href="/moderation">Back to the queue</Link>
      </div>
      <section aria-labelledby="banned-words" className={staffStyles.panel}>
        <h2 id="banned-words">Banned words</h2>
        <p>A comment with any of these words is refused, and the commenter is asked to rephrase it.</p>
        <StaffForm
          action={saveWordListAction}
          hidden={{ kind: "banned" }}
          submit="Save banned words"
          fields={[{ name: "words", label: "Banned words", type: "textarea", rows: 8, defaultValue: words.banned.join("\n"), hint }]}
        />
      </section>
      <section aria-labelledby="suspect-words" className={staffStyles.panel}>
        <h2 id="suspect-words">Suspect words</h2>
        <p>A comment with any of these words waits for a moderator, even on articles whose comments are open.</p>
        <StaffForm
          action={saveWordListAction}
          hidden={{ kind: "suspect" }}
          submit="Save suspect words"
          fields={[{ name: "words", label: "Suspect words", type: "textarea", rows: 8, defaultValue: words.suspect.join("\n"), hint }]}
        />
      </section>
      <section aria-labelledby="bans" className={staffStyles.panel}>
        <h2 id="bans">Banned commenters</h2>
        <p>Comments from a banned email or IP address go straight to spam. Ban someone from a comment in the queue.</p>
        <BanList
          action={unbanAction}
          bans={bans.map((b) => ({ ...b, when: <Timestamp at={b.createdAt} timeZone={settings.timeZone} /> }))}
        />
      </section>
    </>
  );
}
