import { eq, max } from "drizzle-orm";
import { socialAccounts } from "@/db/schema";
import { audit } from "@/lib/audit";
import { staffAction, type ActionState } from "@/lib/auth/action";
import { tags } from "@/lib/cache-tags";
import type { ProviderConfig } from "./providers";
import { accountIdInput, accountInput, refreshInput } from "./input";
import { refreshSocialCounts } from "./jobs";
import { isFetched } from "./rules";

/** Saves an account of the Stay Connected widget; networks without an open API are always manual. */
export const saveSocialAccount = staffAction("site.admin", accountInput, async (input, ctx) => {
  const manual = input.manual || !isFetched(input.network);
  const fields = {
    network: input.network,
    handle: input.handle,
    profileUrl: input.profileUrl,
    noun: input.noun,
    verb: input.verb,
    manual,
    visible: input.visible,
    position: input.position,
    updatedAt: new Date(),
    // A typed count is as of now; a fetched account's count is the network's to set.
    ...(manual ? { count: input.count, fetchedAt: new Date(), pendingCount: null, lastError: null, lastErrorAt: null } : {}),
  };
  let id = input.id;
  if (id) {
    const [row] = await ctx.db.update(socialAccounts).set(fields).where(eq(socialAccounts.id, id)).returning({ id: socialAccounts.id });
    if (!row) return { ok: false, message: "That account does not exist." };
  } else {
    const [last] = await ctx.db.select({ p: max(socialAccounts.position) }).from(socialAccounts);
    const [row] = await ctx.db
      .insert(socialAccounts)
      .values({ ...fields, position: input.position || (last?.p ?? -1) + 1, count: input.count })
      .returning({ id: socialAccounts.id });
    id = row!.id;
  }
  await audit(ctx.db, { actor: ctx.staff, action: input.id ? "social.update" : "social.create", target: { type: "social_account", id }, details: { network: input.network, handle: input.handle, count: manual ? input.count : undefined } });
  ctx.revalidate([tags.social]);
  return { ok: true, message: "Saved." };
});

export const deleteSocialAccount = staffAction("site.admin", accountIdInput, async (input, ctx) => {
  const [row] = await ctx.db.delete(socialAccounts).where(eq(socialAccounts.id, input.id)).returning({ handle: socialAccounts.handle });
  if (!row) return { ok: false, message: "That account does not exist." };
  await audit(ctx.db, { actor: ctx.staff, action: "social.delete", target: { type: "social_account", id: input.id }, details: { handle: row.handle } });
  ctx.revalidate([tags.social]);
  return { ok: true, message: `Removed ${row.handle}.` };
});

/** Accepts a held fall of more than 90% as the real count. */
export const confirmSocialDrop = staffAction("site.admin", accountIdInput, async (input, ctx) => {
  const [account] = await ctx.db.select().from(socialAccounts).where(eq(socialAccounts.id, input.id));
  if (!account || account.pendingCount === null) return { ok: false, message: "There is no held count to confirm." };
  await ctx.db
    .update(socialAccounts)
    .set({ count: account.pendingCount, pendingCount: null, fetchedAt: new Date(), lastError: null, lastErrorAt: null, updatedAt: new Date() })
    .where(eq(socialAccounts.id, input.id));
  await audit(ctx.db, { actor: ctx.staff, action: "social.confirm-drop", target: { type: "social_account", id: input.id }, details: { from: account.count, to: account.pendingCount } });
  ctx.revalidate([tags.social]);
  return { ok: true, message: `The count is now ${account.pendingCount}.` };
});

export function refreshNowAction(config: () => ProviderConfig) {
  return staffAction("site.admin", refreshInput, async (input, ctx): Promise<ActionState> => {
    const report = await refreshSocialCounts(ctx.db, config(), { onlyId: typeof input.id === "number" ? input.id : undefined });
    await audit(ctx.db, { actor: ctx.staff, action: "social.refresh", details: report });
    if (report.skipped) return { ok: false, message: "Another refresh is running; try again in a moment." };
    if (report.changed > 0) ctx.revalidate([tags.social]);
    const problems = report.failed + report.held;
    return {
      ok: problems === 0,
      message: problems === 0 ? `Refreshed: ${report.changed} count(s) changed.` : `Refreshed with ${problems} problem(s); see each account's status.`,
    };
  });
}
