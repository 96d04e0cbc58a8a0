import { expect, richestArticle, test } from "./fixtures";
import { signedInPage } from "./pages/staff-pages";

const article = richestArticle();

test("an admin changes a manual count and the article page shows the new number", async ({ browser, articlePage }) => {
  await articlePage.goto(article);
  await expect(articlePage.stayConnected).toContainText("61,453 Subscribers");

  const admin = await signedInPage(browser, "admin");
  await admin.goto("/admin/social");
  const youtube = admin.getByRole("group", { name: /^youtube:/ });
  await youtube.getByLabel("Count", { exact: true }).fill("1,234,567");
  await youtube.getByRole("button", { name: "Save" }).click();
  await expect(youtube.getByRole("status").first()).toHaveText("Saved.");
  await youtube.getByLabel("Count", { exact: true }).fill("-4");
  await youtube.getByRole("button", { name: "Save" }).click();
  await expect(youtube.getByText("Please enter a whole number up to 10,000,000,000")).toBeVisible();
  await expect(youtube.getByLabel("Count", { exact: true })).toHaveValue("-4");
  await admin.context().close();

  await articlePage.goto(article);
  const row = articlePage.stayConnected.getByRole("listitem").filter({ hasText: "Subscribers" });
  await expect(row).toContainText("1,234,567 Subscribers");
  await expect(row.getByRole("link", { name: /^Subscribe/ })).toHaveAttribute("rel", "me noopener");
  await expect(row.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
});

test("a refresh that fails keeps the last good count and shows the admin why", async ({ browser, articlePage }) => {
  const admin = await signedInPage(browser, "admin");
  await admin.goto("/admin/social");
  const mastodon = admin.getByRole("group", { name: /^mastodon:/ });
  await mastodon.getByLabel("Count typed by hand").uncheck();
  await mastodon.getByRole("button", { name: "Save" }).click();
  await expect(mastodon.getByRole("status").first()).toHaveText("Saved.");
  await mastodon.getByRole("button", { name: "Refresh now" }).click();
  await expect(admin.getByText(/problem/).first()).toBeVisible();
  await admin.reload();
  await expect(admin.getByRole("region", { name: /^mastodon / }).getByTestId("social-status")).toContainText(/Error at .*Could not reach 127\.0\.0\.1:9/);
  await admin.context().close();

  await articlePage.goto(article);
  await expect(articlePage.stayConnected).toContainText("2,458 Followers");
});
