import { eq, inArray, max } from "drizzle-orm";
import type { Db } from "@/db/client";
import { consents, newsletters, subscribers, subscriptions, suppressions } from "@/db/schema";
import { audit } from "@/lib/audit";
import { staffAction } from "@/lib/auth/action";
import { tags } from "@/lib/cache-tags";
import { importInput, newsletterInput, emailField } from "./input";
import { emailHash, type LinkContext } from "./links";
import { countHits, queueConfirmation } from "./subscriptions";

// The newsroom's writes: lists (admins), and subscriber imports (admins, rate limited).
// Actions here are defined once and run through staffAction, which checks the role first.

export const saveNewsletter = staffAction("site.admin", newsletterInput, async (input, ctx) => {
  const values = {
    name: input.name,
    description: input.description,
    kind: input.kind,
    sectionIds: input.kind === "digest" ? input.sections : [],
    sendTime: input.sendTime,
    enabled: input.enabled,
  };
  let id = input.id;
  if (id) {
    const [row] = await ctx.db.update(newsletters).set(values).where(eq(newsletters.id, id)).returning({ id: newsletters.id });
    if (!row) return { ok: false, message: "That newsletter no longer exists." };
  } else {
    const [{ last } = { last: 0 }] = await ctx.db.select({ last: max(newsletters.position) }).from(newsletters);
    // A new digest starts from now: its first issue carries what is published after it was made.
    const [row] = await ctx.db.insert(newsletters).values({ ...values, position: (last ?? 0) + 1, digestCursor: new Date() }).returning({ id: newsletters.id });
    id = row!.id;
  }
  await audit(ctx.db, { actor: ctx.staff, action: input.id ? "newsletter.update" : "newsletter.create", target: { type: "newsletter", id }, details: values });
  // Every reader page's signup form lists the enabled newsletters.
  ctx.revalidate([tags.newsletters]);
  return { ok: true, message: input.id ? `${input.name} saved.` : `${input.name} created.` };
});

/** Imports per admin and hour. */
export const importLimit = { perHour: 5, maxRows: 20_000 };

/** One CSV row's cells: quoted cells may hold commas and doubled quotes (RFC 4180). */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      cells.push(cell.trim());
      cell = "";
    }
    else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

/** The addresses in a CSV: the column headed "email" (any case), else the first column. */
export function parseEmailsCsv(csv: string): { emails: string[]; invalid: number } {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== "");
  const split = splitCsvLine;
  const header = lines[0] ? split(lines[0]).map((h) => h.toLowerCase()) : [];
  const column = header.indexOf("email");
  const rows = column >= 0 ? lines.slice(1) : lines;
  const at = Math.max(column, 0);
  const emails = new Set<string>();
  let invalid = 0;
  for (const line of rows) {
    const parsed = emailField.safeParse(split(line)[at] ?? "");
    if (parsed.success) emails.add(parsed.data);
    else invalid++;
  }
  return { emails: [...emails], invalid };
}

export function importSubscribers(links: LinkContext & { siteName: string }) {
  return staffAction("site.admin", importInput, async (input, ctx) => {
    const count = (await countHits(ctx.db, [`newsletter-import:${ctx.staff.id}`])).get(`newsletter-import:${ctx.staff.id}`) ?? 0;
    if (count > importLimit.perHour) return { ok: false, message: `Please wait: at most ${importLimit.perHour} imports an hour.` };
    const { emails, invalid } = parseEmailsCsv(input.csv);
    if (emails.length > importLimit.maxRows) {
      return { ok: false, message: `Please import at most ${importLimit.maxRows.toLocaleString("en-US")} addresses at a time.`, errors: { csv: ["Too many rows"] } };
    }
    const lists = await ctx.db.select({ id: newsletters.id, name: newsletters.name }).from(newsletters).where(inArray(newsletters.id, input.lists));
    if (lists.length === 0) return { ok: false, message: "Please choose at least one newsletter.", errors: { lists: ["Please choose at least one newsletter"] } };
    let added = 0;
    let suppressed = 0;
    let alreadyAsked = 0;
    for (let i = 0; i < emails.length; i += 500) {
      const chunk = emails.slice(i, i + 500);
      // An address that unsubscribed or bounced stays out, whatever a spreadsheet says.
      const blocked = new Set((await ctx.db.select({ h: suppressions.emailHash }).from(suppressions).where(inArray(suppressions.emailHash, chunk.map(emailHash)))).map((r) => r.h));
      const allowed = chunk.filter((e) => !blocked.has(emailHash(e)));
      suppressed += chunk.length - allowed.length;
      if (allowed.length === 0) continue;
      await ctx.db.insert(subscribers).values(allowed.map((email) => ({ email }))).onConflictDoNothing({ target: subscribers.email });
      const rows = await ctx.db.select({ id: subscribers.id, email: subscribers.email, status: subscribers.status }).from(subscribers).where(inArray(subscribers.email, allowed));
      if (input.attest) {
        await confirmImported(ctx.db, rows, lists.map((l) => l.id), ctx.staff.id);
      } else {
        for (const row of rows) if (!(await queueConfirmation(ctx.db, links, row, lists, "import"))) alreadyAsked++;
      }
      added += rows.length;
    }
    await audit(ctx.db, { actor: ctx.staff, action: "newsletter.import", target: { type: "newsletter", id: lists[0]!.id }, details: { added, suppressed, invalid, alreadyAsked, attested: input.attest, lists: lists.map((l) => l.id) } });
    const how = input.attest ? "subscribed (consent attested by you)" : "sent a confirmation email";
    const asked = alreadyAsked > 0 ? ` (${alreadyAsked} of them had been sent one within the hour, and are not sent another)` : "";
    return { ok: true, message: `${added} address(es) ${how}${asked}; ${suppressed} suppressed and skipped; ${invalid} invalid row(s).` };
  });
}

async function confirmImported(db: Db, rows: { id: number }[], listIds: number[], staffId: number) {
  const ids = rows.map((r) => r.id);
  await db.update(subscribers).set({ status: "confirmed", confirmedAt: new Date() }).where(inArray(subscribers.id, ids));
  await db.insert(subscriptions).values(ids.flatMap((subscriberId) => listIds.map((newsletterId) => ({ subscriberId, newsletterId })))).onConflictDoNothing();
  await db.insert(consents).values(ids.map((subscriberId) => ({ subscriberId, method: "import-attested", source: "import", newsletterIds: listIds, attestedBy: staffId })));
}
