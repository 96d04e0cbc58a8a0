import { eq } from "drizzle-orm";
import sharp from "sharp";
import { beforeAll, expect, it } from "vitest";
import type { Db } from "@/db/client";
import * as t from "@/db/schema";
import type { ActionContext } from "@/lib/auth/action";
import type { Staff } from "@/lib/auth/permissions";
import { describeEachDatabase } from "@/test/databases";
import { makeNewsroom } from "@/test/newsroom";
import { editorActions, uploadBodyImage } from "./actions";

const editor = editorActions(async () => "UTC");

async function photo(name: string, background: string) {
  const bytes = await sharp({ create: { width: 1600, height: 900, channels: 3, background } }).jpeg().toBuffer();
  return new File([new Uint8Array(bytes)], name, { type: "image/jpeg" });
}

// The action's wait is for the database (lib/auth/run-action.ts): the resizing of an upload,
// seconds for a large photograph on a busy host, runs off its clock. Here the clock is a
// recorder of what ran off it.
describeEachDatabase("an article's uploads", (database) => {
  let editorStaff: Staff;
  const db = () => database().primary as Db;
  const offClock: string[] = [];
  const ctx = (): ActionContext => ({
    staff: editorStaff,
    db: db(),
    revalidate: () => {},
    offTheClock: async (work) => {
      const result = await work();
      offClock.push(Array.isArray(result) ? `${result.length} variants` : "something else");
      return result;
    },
  });

  beforeAll(async () => {
    const [u] = await db().select().from(t.users).where(eq(t.users.email, "editor@example.com"));
    editorStaff = { id: u!.id, email: u!.email, name: u!.name, role: u!.role };
  });

  it("resize a hero image and a body image off the database's clock, and nothing else", async () => {
    const newsroom = await makeNewsroom(db());
    const common = { title: `Uploads ${newsroom.id}`, sectionId: String(newsroom.home.id), authorId: String(newsroom.author.id), commentMode: "open", body: "Text" };
    offClock.length = 0;
    const created = await editor.draft.execute(ctx(), common);
    expect(created.ok, created.message).toBe(true);
    expect(offClock).toEqual([]);

    const articleId = Number(created.redirectTo!.match(/articles\/(\d+)/)![1]);
    const saved = await editor.draft.execute(ctx(), { ...common, id: String(articleId), version: "1", hero: await photo(`hero-${newsroom.id}.jpg`, "#a03") });
    expect(saved.ok, saved.message).toBe(true);
    const [article] = await db().select().from(t.articles).where(eq(t.articles.id, articleId));
    expect(article).toMatchObject({ heroImageWidth: 1600, heroImageHeight: 900 });
    expect(offClock).toEqual(["3 variants"]);

    const body = await uploadBodyImage.execute(ctx(), { articleId: String(articleId), image: await photo(`body-${newsroom.id}.jpg`, "#03a") });
    expect(body).toMatchObject({ ok: true, imageUrl: expect.stringMatching(/^\/media\/[0-9a-f]{32}\/1440\.webp$/) });
    expect(offClock).toEqual(["3 variants", "3 variants"]);
  });
}, { seed: { password: "irrelevant-password" } });
