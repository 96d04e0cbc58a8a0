import { randomBytes } from "node:crypto";
import { asc, count, eq, inArray } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import * as t from "@/db/schema";
import type { ActionContext, StaffAction } from "@/lib/auth/action";
import type { Staff } from "@/lib/auth/permissions";
import { tags } from "@/lib/cache-tags";
import { commentInput } from "@/lib/comments/input";
import { submitComment } from "@/lib/comments/submit";
import { describeEachDatabase } from "@/test/databases";
import { banCommenter, moderateComments, saveWordList, unbanCommenter } from "./actions";

describeEachDatabase("moderation actions", (db) => {
  const staff: Partial<Record<t.Role, Staff>> = {};
  let articleId = 0;
  const unique = () => randomBytes(6).toString("hex");

  beforeAll(async () => {
    for (const u of await db().primary.select().from(t.users)) staff[u.role] = { id: u.id, email: u.email, name: u.name, role: u.role };
    const [article] = await db().primary.select({ id: t.articles.id }).from(t.articles).where(eq(t.articles.status, "published")).limit(1);
    articleId = article!.id;
  });

  /** Runs an action as `who`, recording the cache tags it expires. */
  async function run(action: StaffAction, who: t.Role | null, input: Record<string, unknown>) {
    const revalidated: string[] = [];
    const ctx: ActionContext = { staff: who ? staff[who]! : null, db: db().primary, revalidate: (list) => revalidated.push(...list) };
    return { state: await action.execute(ctx, input), revalidated };
  }

  async function newComment(over: Partial<t.NewComment> = {}) {
    const [row] = await db()
      .primary.insert(t.comments)
      .values({
        articleId,
        authorName: "Queue Reader",
        authorEmail: `queue-${unique()}@example.com`,
        body: `Waiting ${unique()}`,
        ipHash: `ip-${unique()}`,
        ...over,
      })
      .returning();
    return row!;
  }

  const statusOf = async (id: number) => (await db().primary.select({ s: t.comments.status }).from(t.comments).where(eq(t.comments.id, id)))[0]!.s;

  /** Everything a moderation action could change. */
  async function everything() {
    const p = db().primary;
    const [comments, bans, words, [audits]] = await Promise.all([
      p.select({ id: t.comments.id, status: t.comments.status, by: t.comments.moderatedBy }).from(t.comments).orderBy(asc(t.comments.id)),
      p.select().from(t.bannedCommenters).orderBy(asc(t.bannedCommenters.id)),
      p.select().from(t.bannedWords).orderBy(asc(t.bannedWords.id)),
      p.select({ n: count() }).from(t.auditLog),
    ]);
    return { comments, bans, words, audits: Number(audits!.n) };
  }

  it("refuses every moderation action without a session and for a writer, and changes nothing", async () => {
    const pending = await newComment();
    const [ban] = await db().primary.insert(t.bannedCommenters).values({ kind: "email", value: `kept-${unique()}@example.com` }).returning();
    const calls: [string, StaffAction, Record<string, unknown>][] = [
      ["approve", moderateComments, { ids: String(pending.id), decision: "approve" }],
      ["reject", moderateComments, { ids: String(pending.id), decision: "reject" }],
      ["spam", moderateComments, { ids: String(pending.id), decision: "spam" }],
      ["bulk approve", moderateComments, { ids: [String(pending.id)], decision: "approve" }],
      ["ban", banCommenter, { commentId: String(pending.id) }],
      ["unban", unbanCommenter, { banId: String(ban!.id) }],
      ["banned words", saveWordList, { kind: "banned", words: "anything" }],
      ["suspect words", saveWordList, { kind: "suspect", words: "anything" }],
    ];
    const before = await everything();
    for (const [name, action, input] of calls) {
      for (const [who, refused] of [
        [null, "unauthenticated"],
        ["writer", "forbidden"],
      ] as const) {
        const { state, revalidated } = await run(action, who, input);
        expect(state, `${name} as ${who ?? "nobody"}`).toMatchObject({ ok: false, refused });
        expect(revalidated).toEqual([]);
      }
    }
    expect(await everything()).toEqual(before);
  });

  it("lets moderators, editors and admins moderate", async () => {
    for (const role of ["moderator", "editor", "admin"] as const) {
      const c = await newComment();
      const { state } = await run(moderateComments, role, { ids: String(c.id), decision: "reject" });
      expect(state.ok, role).toBe(true);
      expect(await statusOf(c.id)).toBe("rejected");
    }
  });

  it("approves a comment, records who and when, audits it and expires the article's pages", async () => {
    const c = await newComment();
    const { state, revalidated } = await run(moderateComments, "moderator", { ids: String(c.id), decision: "approve" });
    expect(state).toMatchObject({ ok: true, message: "Approved 1 comment." });
    const [row] = await db().primary.select().from(t.comments).where(eq(t.comments.id, c.id));
    expect(row).toMatchObject({ status: "approved", moderatedBy: staff.moderator!.id });
    expect(row!.moderatedAt).toBeInstanceOf(Date);
    expect(revalidated).toEqual(expect.arrayContaining([tags.article(articleId), tags.home]));
    const [entry] = await db().primary.select().from(t.auditLog).where(eq(t.auditLog.targetId, String(c.id)));
    expect(entry).toMatchObject({
      actorId: staff.moderator!.id,
      actorEmail: staff.moderator!.email,
      action: "comment.approve",
      targetType: "comment",
      details: { from: "pending", to: "approved", articleId },
    });
  });

  it("expires the article's pages when an approved comment is withdrawn, and not for unseen changes", async () => {
    const approved = await newComment({ status: "approved" });
    expect((await run(moderateComments, "moderator", { ids: String(approved.id), decision: "spam" })).revalidated).toContain(tags.article(articleId));
    const pending = await newComment();
    const rejected = await run(moderateComments, "moderator", { ids: String(pending.id), decision: "reject" });
    expect(rejected.state.ok).toBe(true);
    expect(rejected.revalidated).toEqual([]);
  });

  it("decides many comments at once, one audit entry each", async () => {
    const list = await Promise.all([newComment(), newComment(), newComment({ status: "spam" })]);
    const ids = list.map((c) => String(c.id));
    const { state } = await run(moderateComments, "editor", { ids, decision: "spam" });
    expect(state).toMatchObject({ ok: true, message: "Marked as spam 2 comments." });
    expect(await Promise.all(list.map((c) => statusOf(c.id)))).toEqual(["spam", "spam", "spam"]);
    const entries = await db().primary.select().from(t.auditLog).where(inArray(t.auditLog.targetId, ids));
    expect(entries.map((e) => e.action)).toEqual(["comment.spam", "comment.spam"]);
  });

  it("asks for a selection when none was made", async () => {
    const { state } = await run(moderateComments, "moderator", { decision: "approve" });
    expect(state).toMatchObject({ ok: false, errors: { ids: ["Select at least one comment"] } });
  });

  it("bans a commenter by email and address: their waiting comments go to spam, and so do new ones", async () => {
    const email = `troll-${unique()}@example.com`;
    const ipHash = `ip-${unique()}`;
    const first = await newComment({ authorEmail: email, ipHash });
    const second = await newComment({ authorEmail: email.toUpperCase() });
    const sameAddress = await newComment({ ipHash });
    const { state } = await run(banCommenter, "moderator", { commentId: String(first.id), reason: "Abuse" });
    expect(state).toMatchObject({ ok: true });
    expect(await Promise.all([first, second, sameAddress].map((c) => statusOf(c.id)))).toEqual(["spam", "spam", "spam"]);
    const bans = await db().primary.select().from(t.bannedCommenters).where(inArray(t.bannedCommenters.value, [email, ipHash]));
    expect(bans.map((b) => b.kind).sort()).toEqual(["email", "ip"]);
    const [entry] = await db().primary.select().from(t.auditLog).where(eq(t.auditLog.action, "commenter.ban")).orderBy(asc(t.auditLog.id)).then((r) => r.slice(-1));
    expect(entry).toMatchObject({ actorId: staff.moderator!.id, targetId: String(first.id), details: { email, reason: "Abuse" } });

    const outcome = await submitComment(
      db().primary,
      commentInput.parse({ articleId: String(articleId), body: `Back again ${unique()}`, name: "Troll", email, elapsed: "9000" }),
      { ipHash: `ip-${unique()}`, userAgent: null },
    );
    expect(outcome).toMatchObject({ ok: true, status: "spam", reasons: ["Banned email address"] });

    for (const ban of bans) expect((await run(unbanCommenter, "moderator", { banId: String(ban.id) })).state.ok).toBe(true);
    expect(await db().primary.select().from(t.bannedCommenters).where(inArray(t.bannedCommenters.value, [email, ipHash]))).toEqual([]);
    const unbans = await db().primary.select().from(t.auditLog).where(eq(t.auditLog.action, "commenter.unban"));
    expect(unbans.length).toBeGreaterThanOrEqual(2);
  });

  it("replaces a word list, keeps a word on one list only, and the list takes effect", async () => {
    const word = `blocked${unique()}`;
    const saved = await run(saveWordList, "moderator", { kind: "banned", words: `${word}\n  Second  Phrase \n\n${word.toUpperCase()}` });
    expect(saved.state).toMatchObject({ ok: true, message: "Saved the banned words: 2 added, 0 removed." });
    const list = async (kind: "banned" | "suspect") =>
      (await db().primary.select().from(t.bannedWords).where(eq(t.bannedWords.kind, kind))).map((w) => w.word).sort();
    expect(await list("banned")).toEqual(["Second Phrase", word].sort());

    const clash = await run(saveWordList, "moderator", { kind: "suspect", words: `fine\n${word}` });
    expect(clash.state).toMatchObject({ ok: false, errors: { words: [expect.stringContaining("Already on the banned list")] }, values: { words: `fine\n${word}` } });
    expect(await list("suspect")).toEqual([]);

    const outcome = await submitComment(
      db().primary,
      commentInput.parse({ articleId: String(articleId), body: `Some ${word} here`, name: "R", email: `r-${unique()}@example.com`, elapsed: "9000" }),
      { ipHash: null, userAgent: null },
    );
    expect(outcome).toMatchObject({ ok: true, status: "rejected" });

    expect((await run(saveWordList, "moderator", { kind: "banned", words: "Second Phrase" })).state.message).toBe("Saved the banned words: 0 added, 1 removed.");
    expect(await list("banned")).toEqual(["Second Phrase"]);
    const [entry] = await db().primary.select().from(t.auditLog).where(eq(t.auditLog.action, "words.save-banned")).orderBy(asc(t.auditLog.id)).then((r) => r.slice(-1));
    expect(entry!.details).toEqual({ added: [], removed: [word] });
  });

  it("changes nothing, expires nothing and audits nothing when the comments already have that status", async () => {
    const list = [await newComment({ status: "approved" }), await newComment({ status: "approved" })];
    const before = await everything();
    const { state, revalidated } = await run(moderateComments, "moderator", { ids: list.map((c) => String(c.id)), decision: "approve" });
    expect(state).toEqual({ ok: true, message: "Nothing changed: the selected comments were already approved." });
    expect(revalidated).toEqual([]);
    expect(await everything()).toEqual(before);
  });

  it("names what a ban did, with or without an address, and leaves the commenter's published comments alone", async () => {
    const email = `Mixed-${unique()}@Example.com`;
    const shown = await newComment({ authorEmail: email.toLowerCase(), status: "approved", ipHash: null });
    const waiting = await newComment({ authorEmail: ` ${email} `, ipHash: null });
    const banned = await run(banCommenter, "moderator", { commentId: String(waiting.id) });
    expect(banned.state).toEqual({ ok: true, message: `Banned ${email.toLowerCase()}; 1 comment moved to spam.` });
    // a pending comment was never on the page
    expect(banned.revalidated).toEqual([]);
    expect(await statusOf(shown.id)).toBe("approved");
    const [entry] = await db().primary.select().from(t.auditLog).where(eq(t.auditLog.action, "commenter.ban")).orderBy(asc(t.auditLog.id)).then((r) => r.slice(-1));
    expect(entry!.details).toEqual({ email: email.toLowerCase(), ip: false, reason: "", toSpam: [waiting.id] });

    // banning over a published comment takes it off the page: its article's pages expire
    const ipHash = `ip-${unique()}`;
    const loud = await newComment({ status: "approved", ipHash });
    const twin = await newComment({ ipHash });
    const again = await run(banCommenter, "moderator", { commentId: String(loud.id), reason: "Spam" });
    expect(again.state).toEqual({ ok: true, message: `Banned ${loud.authorEmail}${" and their IP address"}; 2 comments moved to spam.` });
    expect(again.revalidated).toContain(tags.article(articleId));
    expect(await statusOf(twin.id)).toBe("spam");

    expect((await run(banCommenter, "moderator", { commentId: "987654321" })).state).toEqual({ ok: false, message: "That comment no longer exists." });
  });

  it("lifts a ban once, saying which, and keeps an address's hash out of the audit log", async () => {
    const email = `lifted-${unique()}@example.com`;
    const ipHash = `ip-${unique()}`;
    const [byEmail, byAddress] = await db().primary.insert(t.bannedCommenters).values([{ kind: "email", value: email }, { kind: "ip", value: ipHash }]).returning();
    expect((await run(unbanCommenter, "moderator", { banId: String(byEmail!.id) })).state).toEqual({ ok: true, message: `Lifted the ban on ${email}.` });
    expect((await run(unbanCommenter, "moderator", { banId: String(byAddress!.id) })).state).toEqual({ ok: true, message: "Lifted the ban on the IP address." });
    expect((await run(unbanCommenter, "moderator", { banId: String(byAddress!.id) })).state).toEqual({ ok: false, message: "That ban was already lifted." });
    const entries = await db().primary.select().from(t.auditLog).where(inArray(t.auditLog.targetId, [String(byEmail!.id), String(byAddress!.id)]));
    expect(entries.map((e) => [e.action, e.targetType, e.details])).toEqual([
      ["commenter.unban", "ban", { kind: "email", value: email }],
      ["commenter.unban", "ban", { kind: "ip", value: "(IP hash)" }],
    ]);
  });

  it("gives a saved word list back as stored, and finds a clash whatever its letter case", async () => {
    const word = `Shouty${unique()}`;
    const saved = await run(saveWordList, "moderator", { kind: "suspect", words: `  ${word}  \r\nquiet   words` });
    expect(saved.state).toEqual({ ok: true, message: "Saved the suspect words: 2 added, 0 removed.", values: { words: `${word}\nquiet words` } });
    // saving the same list again adds and removes nothing
    expect((await run(saveWordList, "moderator", { kind: "suspect", words: `${word.toLowerCase()}\nquiet words` })).state.message).toBe("Saved the suspect words: 0 added, 0 removed.");
    const clash = await run(saveWordList, "moderator", { kind: "banned", words: word.toUpperCase() });
    expect(clash.state).toEqual({
      ok: false,
      message: "Please correct the highlighted fields.",
      errors: { words: [`Already on the suspect list: "${word}". Remove it there first.`] },
      values: { words: word.toUpperCase() },
    });
    const both = await run(saveWordList, "moderator", { kind: "banned", words: `${word}\nQUIET WORDS\nnew one` });
    const [message] = (both.state.errors?.words ?? []) as string[];
    expect(message).toMatch(/^Already on the suspect list: "[^"]+", "[^"]+"\. Remove it there first\.$/);
    expect(message).toContain(`"${word}"`);
    expect(message).toContain(`"quiet words"`);
    // an empty list empties it
    expect((await run(saveWordList, "moderator", { kind: "suspect", words: "" })).state.message).toBe("Saved the suspect words: 0 added, 2 removed.");
  });
}, { seed: { password: "irrelevant-password" } });
