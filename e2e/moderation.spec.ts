import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { seedArticles } from "../scripts/seed/demo";
import { expect, test } from "./fixtures";
import { ArticlePage, readerAddress } from "./pages/article-page";
import { ModerationPage } from "./pages/moderation-page";
import { signedInPage } from "./pages/staff-pages";

// Articles no other spec comments on, so that counts and queues here are this spec's own.
const bySlug = (prefix: string) => seedArticles.find((a) => a.slug.startsWith(prefix))!;
const approvalArticle = bySlug("pupils-air-sensors");
const bulkArticle = bySlug("rowing-club-moves");
const rulesArticle = bySlug("halden-start-ups-face");

const id = () => randomBytes(4).toString("hex");
const articleUrl = (a: { section: string; slug: string }) => `/${a.section}/${a.slug}`;

test.describe("moderation", () => {
  test("a reader's comment waits, shown to them alone; a moderator approves it and readers see it", async ({ page, articlePage, browser, request }) => {
    await page.clock.install();
    await articlePage.asNewReader();
    await articlePage.goto(approvalArticle);
    const articleId = await articlePage.articleId();
    const text = `Sensors near schools matter most (${id()})`;
    const email = `ines-${id()}@example.net`;
    await articlePage.postCommentUnhurried({ Comment: text, Name: "Ines Duarte", Email: email });
    await expect(articlePage.replyForm.getByRole("status")).toHaveText("Your comment is awaiting moderation.");
    await expect(articlePage.ownComments.filter({ hasText: text })).toContainText("Your comment is awaiting moderation.");
    // The cached article is untouched: still served from the cache, without the waiting comment.
    await request.get(articleUrl(approvalArticle));
    const cached = await request.get(articleUrl(approvalArticle));
    expect(cached.headers()["x-nextjs-cache"]).toBe("HIT");
    expect(await cached.text()).not.toContain(text);

    // Kept on the commenter's device: still there after a reload, for them only.
    await page.reload();
    await expect(articlePage.ownComments.filter({ hasText: text })).toContainText("awaiting moderation");
    const other = new ArticlePage(await browser.newPage());
    await other.goto(approvalArticle);
    await expect(other.page.getByText(text)).toHaveCount(0);
    const bylineBefore = Number(/(\d+) comments?/.exec((await other.byline.textContent())!)![1]);
    const card = other.page.getByRole("article").filter({ has: other.page.getByRole("link", { name: approvalArticle.title }) });
    const cardCount = async () => Number(/(\d+) comments?/.exec((await card.textContent()) ?? "")?.[1] ?? 0);
    await other.page.goto(`/${approvalArticle.section}`);
    const cardBefore = await cardCount();
    await other.goto(approvalArticle);

    const moderator = await signedInPage(browser, "moderator");
    const queue = new ModerationPage(moderator);
    await queue.goto({ articleId });
    const entry = queue.entry(text);
    await expect(entry.getByRole("heading", { name: "Comment by Ines Duarte" })).toBeVisible();
    await expect(entry).toContainText(email);
    await expect(entry.getByRole("link", { name: approvalArticle.title })).toHaveAttribute("href", articleUrl(approvalArticle));
    await expect(entry.getByRole("list", { name: "Spam checks" })).toHaveCount(0);
    await expect(entry.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
    const pending = await queue.count("Pending");
    const approved = await queue.count("Approved");
    expect((await new AxeBuilder({ page: moderator }).analyze()).violations).toEqual([]);

    await queue.decide(text, "Approve");
    await expect(queue.status).toHaveText("Approved 1 comment.");
    await expect(queue.entry(text)).toHaveCount(0);
    await expect(queue.tab("Pending")).toHaveText(`Pending (${pending - 1})`);
    await expect(queue.tab("Approved")).toHaveText(`Approved (${approved + 1})`);

    // The next request for the article renders afresh: no waiting for a cache to expire.
    await other.page.reload();
    await expect(other.comments.getByText(text)).toBeVisible({ timeout: 1_000 });
    await expect(other.byline).toContainText(`${bylineBefore + 1} comment`);
    expect(await other.page.content()).not.toContain(email);
    // Article cards count approved comments only, and are refreshed with the approval.
    await other.page.goto(`/${approvalArticle.section}`);
    expect(await cardCount()).toBe(cardBefore + 1);

    // The commenter now sees it among the others, no longer as waiting.
    await page.reload();
    await expect(articlePage.comments.getByText(text)).toBeVisible();
    await expect(articlePage.ownComments.filter({ hasText: text })).toHaveCount(0);

    await other.page.context().close();
    await moderator.context().close();
  });

  test("every queue lists its comments with their spam reasons; decisions apply to one or many", async ({ browser }) => {
    // A reader without JavaScript: the form cannot time itself, so the comment waits with that reason.
    const noScript = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": readerAddress() } });
    const plain = new ArticlePage(await noScript.newPage());
    await plain.goto(bulkArticle);
    const articleId = await plain.articleId();
    const texts = [0, 1, 2].map((n) => `Bulk candidate ${n} (${id()})`);
    for (const text of texts) {
      await plain.postComment({ Comment: text, Name: "Rana Farouk", Email: `rana-${id()}@example.net` });
      await expect(plain.ownComments.filter({ hasText: text })).toContainText("Your comment is awaiting moderation.");
      await plain.page.setExtraHTTPHeaders({ "x-forwarded-for": readerAddress() });
    }
    await noScript.close();

    // A script that posts the moment the page is ready is filed as spam, though it is told it waits.
    const hasty = new ArticlePage(await browser.newPage({ extraHTTPHeaders: { "x-forwarded-for": readerAddress() } }));
    await hasty.goto(bulkArticle);
    const hastyText = `Buy now (${id()})`;
    await hasty.postComment({ Comment: hastyText, Name: "Quick Poster", Email: `quick-${id()}@example.net` });
    await expect(hasty.replyForm.getByRole("status")).toHaveText("Your comment is awaiting moderation.");
    await hasty.page.context().close();

    const moderator = await signedInPage(browser, "moderator");
    const queue = new ModerationPage(moderator);
    await queue.goto({ articleId });
    for (const text of texts) {
      await expect(queue.entry(text).getByRole("list", { name: "Spam checks" })).toHaveText(
        "No form timing (sent without JavaScript, or by a script)",
      );
    }
    await queue.goto({ articleId, queue: "Spam" });
    await expect(queue.entry(hastyText).getByRole("list", { name: "Spam checks" })).toContainText(/Sent \d+\.\d s after the form appeared/);

    await queue.goto({ articleId });
    await queue.bulkButton("Approve selected").click();
    await expect(queue.status).toHaveText("Select at least one comment");

    const rejected = await queue.count("Rejected");
    await queue.select(texts[0]!);
    await queue.select(texts[1]!);
    await expect(queue.bulk).toContainText("2 selected");
    await queue.bulkButton("Reject selected").click();
    await expect(queue.status).toHaveText("Rejected 2 comments.");
    await expect(queue.entry(texts[0]!)).toHaveCount(0);
    await expect(queue.entry(texts[1]!)).toHaveCount(0);
    await expect(queue.entry(texts[2]!)).toBeVisible();
    await expect(queue.tab("Rejected")).toHaveText(`Rejected (${rejected + 2})`);

    await queue.decide(texts[2]!, "Spam");
    await expect(queue.status).toHaveText("Marked as spam 1 comment.");
    await queue.tab("Rejected").click();
    await expect(queue.entry(texts[0]!)).toBeVisible();
    await expect(queue.entry(texts[0]!).getByRole("button", { name: "Reject", exact: true })).toHaveCount(0);
    await expect(queue.entry(texts[0]!)).toContainText("rejected by moderator@example.com");
    await moderator.context().close();
  });

  test("a form sent twice with the same token makes one comment", async ({ page, articlePage, browser }) => {
    await page.clock.install();
    await articlePage.asNewReader();
    await articlePage.goto(bulkArticle);
    const articleId = await articlePage.articleId();
    // The network delivers the post twice, as a flaky connection's retry would.
    let sent = 0;
    await page.route(articleUrl(bulkArticle), async (route) => {
      if (route.request().method() !== "POST") return route.fallback();
      sent += 1;
      await route.fetch();
      sent += 1;
      await route.fulfill({ response: await route.fetch() });
    });
    const text = `Said once, sent twice (${id()})`;
    await articlePage.postCommentUnhurried({ Comment: text, Name: "Ola Berg", Email: `ola-${id()}@example.net` });
    await expect(articlePage.replyForm.getByRole("status")).toHaveText("Your comment is awaiting moderation.");
    expect(sent).toBe(2);

    const moderator = await signedInPage(browser, "moderator");
    const queue = new ModerationPage(moderator);
    // One comment in all the queues together (a second copy would not be pending, it would be
    // filed as spam for repeating the first).
    let copies = 0;
    for (const q of ["Pending", "Approved", "Spam", "Rejected"] as const) {
      await queue.goto({ articleId, queue: q });
      copies += await queue.entry(text).count();
    }
    expect(copies).toBe(1);
    await moderator.context().close();
  });

  test("word lists refuse and hold; a banned commenter's comments go to spam until the ban is lifted", async ({ page, articlePage, browser }) => {
    // two browsers, four saves of the word lists, three comments and six moderation pages: about
    // 30 s on a busy two-core host, where the default timeout would cut it off at its last step
    test.setTimeout(60_000);
    const moderator = await signedInPage(browser, "moderator");
    const banned = `forbiddenword${id()}`;
    const suspect = `questionable${id()}`;
    await moderator.goto("/moderation/rules");
    const bannedList = moderator.getByRole("textbox", { name: "Banned words", exact: true });
    const suspectList = moderator.getByRole("textbox", { name: "Suspect words", exact: true });
    const [bannedBefore, suspectBefore] = [await bannedList.inputValue(), await suspectList.inputValue()];
    await bannedList.fill([bannedBefore, banned].filter(Boolean).join("\n"));
    await moderator.getByRole("button", { name: "Save banned words" }).click();
    await expect(moderator.getByText("Saved the banned words: 1 added, 0 removed.")).toBeVisible();
    await suspectList.fill([suspectBefore, suspect].filter(Boolean).join("\n"));
    await moderator.getByRole("button", { name: "Save suspect words" }).click();
    await expect(moderator.getByText("Saved the suspect words: 1 added, 0 removed.")).toBeVisible();
    // A word belongs to one list only.
    await suspectList.fill([suspectBefore, suspect, banned].filter(Boolean).join("\n"));
    await moderator.getByRole("button", { name: "Save suspect words" }).click();
    await expect(moderator.getByText(`Already on the banned list: "${banned}". Remove it there first.`)).toBeVisible();
    await expect(suspectList).toHaveAttribute("aria-invalid", "true");
    expect((await new AxeBuilder({ page: moderator }).analyze()).violations).toEqual([]);

    await page.clock.install();
    await articlePage.asNewReader();
    await articlePage.goto(rulesArticle);
    const articleId = await articlePage.articleId();
    const email = `sam-${id()}@example.net`;
    const refused = `Read this ${banned.toUpperCase()} now`;
    await articlePage.postCommentUnhurried({ Comment: refused, Name: "Sam Okoye", Email: email });
    const message = "Your comment contains words that are not allowed here. Please rephrase it.";
    await expect(articlePage.replyForm.getByRole("status")).toHaveText(message);
    await expect(articlePage.field("Comment")).toHaveValue(refused);
    await expect(articlePage.field("Comment")).toHaveAttribute("aria-describedby", "comment-body-error");
    await expect(articlePage.replyForm.locator("#comment-body-error")).toHaveText(message);

    const held = `A ${suspect} claim (${id()})`;
    await articlePage.postCommentUnhurried({ Comment: held });
    await expect(articlePage.replyForm.getByRole("status")).toHaveText("Your comment is awaiting moderation.");

    const queue = new ModerationPage(moderator);
    await queue.goto({ articleId });
    // The spam classifier may add its own reason for so short a text.
    await expect(queue.entry(held).getByRole("list", { name: "Spam checks" })).toContainText(`Suspect word: "${suspect}"`);
    await queue.goto({ articleId, queue: "Rejected" });
    await expect(queue.entry(refused).getByRole("list", { name: "Spam checks" })).toHaveText(`Banned word: "${banned}"`);

    // Ban the commenter from their waiting comment.
    await queue.goto({ articleId });
    await queue.decide(held, "Ban commenter");
    await expect(queue.status).toHaveText(`Banned ${email} and their IP address; 1 comment moved to spam.`);
    const again = `Back again (${id()})`;
    await articlePage.asNewReader();
    await articlePage.postCommentUnhurried({ Comment: again });
    await expect(articlePage.replyForm.getByRole("status")).toHaveText("Your comment is awaiting moderation.");
    await queue.goto({ articleId, queue: "Spam" });
    await expect(queue.entry(again).getByRole("list", { name: "Spam checks" })).toHaveText("Banned email address");

    // Lift the ban and put the word lists back as they were.
    await moderator.goto("/moderation/rules");
    await moderator.getByRole("button", { name: `Lift ban on ${email}` }).click();
    await expect(moderator.getByText(`Lifted the ban on ${email}.`)).toBeVisible();
    await bannedList.fill(bannedBefore);
    await moderator.getByRole("button", { name: "Save banned words" }).click();
    await expect(moderator.getByText("Saved the banned words: 0 added, 1 removed.")).toBeVisible();
    await suspectList.fill(suspectBefore);
    await moderator.getByRole("button", { name: "Save suspect words" }).click();
    await expect(moderator.getByText("Saved the suspect words: 0 added, 1 removed.")).toBeVisible();
    await moderator.context().close();
  });

  test("writers and visitors cannot open the queue", async ({ page, browser }) => {
    await page.goto("/moderation");
    await expect(page).toHaveURL(/\/login\?next=%2Fmoderation$/);
    const writer = await signedInPage(browser, "writer");
    expect((await writer.goto("/moderation"))?.status()).toBe(403);
    expect((await writer.goto("/moderation/rules"))?.status()).toBe(403);
    await writer.context().close();
  });
});
