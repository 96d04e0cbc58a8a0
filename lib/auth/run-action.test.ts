import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, expect, it, vi } from "vitest";
import { z } from "zod";
import * as t from "@/db/schema";
import { DatabaseUnavailableError } from "@/db/deadline";
import { describeEachDatabase } from "@/test/databases";
import { serveInternalRoute } from "@/test/internal-route";
import type { Db } from "@/db/client";

// What Next.js and Auth.js give the wrapper, set per test: the session token, the database (or
// its absence) and revalidateTag, recorded. A late write's pages are expired through the
// server's internal route: here a real HTTP server stands in for it and records what it is asked.
const request = vi.hoisted(() => ({
  session: null as null | { user: { id: string; sessionVersion: number; sessionId: string } },
  db: undefined as unknown,
  unavailable: false,
  expired: [] as string[],
}));
vi.mock("@/auth", () => ({ auth: async () => request.session }));
vi.mock("next/cache", () => ({ revalidateTag: (tag: string) => void request.expired.push(tag) }));
vi.mock("@/db/client", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  database: async () => ({ router: undefined }),
  getPrimaryDb: async () => {
    if (request.unavailable) throw new DatabaseUnavailableError("the database did not answer");
    return request.db;
  },
}));

const internal = await serveInternalRoute();

const { runStaffAction } = await import("./run-action");
const { staffAction, messages } = await import("./action");
const { internalToken } = await import("@/lib/internal-token");

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeEachDatabase("a staff action run for the signed-in caller", (database) => {
  const db = () => database().primary;
  let editorId = 0;
  let editorVersion = 0;

  beforeAll(async () => {
    const [editor] = await db().select().from(t.users).where(eq(t.users.email, "editor@example.com"));
    editorId = editor!.id;
    editorVersion = editor!.sessionVersion;
  });
  beforeEach(() => {
    request.db = db() as Db;
    request.unavailable = false;
    request.session = { user: { id: String(editorId), sessionVersion: editorVersion, sessionId: randomUUID() } };
    request.expired = [];
    internal.length = 0;
  });

  const rename = staffAction("article.publish", z.object({ name: z.string().min(1) }), async (input, ctx) => {
    ctx.revalidate(["home", "section:news"]);
    ctx.revalidate(["home", `byline:${ctx.staff.email}`]);
    const [row] = await ctx.db.select({ n: t.users.name }).from(t.users).where(eq(t.users.id, ctx.staff.id));
    return { ok: true, message: `${row!.n} renamed it to ${input.name}` };
  });

  it("runs as the session's staff member on the primary, then expires each page it changed once", async () => {
    expect(await runStaffAction(rename, { name: "Budget" })).toEqual({ ok: true, message: "Lukas Brenner renamed it to Budget" });
    expect(request.expired).toEqual(["home", "section:news", "byline:editor@example.com"]);
  });

  it("refuses a caller whose session has ended, and expires nothing", async () => {
    request.session = null;
    expect(await runStaffAction(rename, { name: "Budget" })).toMatchObject({ ok: false, refused: "unauthenticated" });
    request.session = { user: { id: String(editorId), sessionVersion: editorVersion + 1, sessionId: randomUUID() } };
    expect(await runStaffAction(rename, { name: "Budget" })).toMatchObject({ ok: false, refused: "unauthenticated" });
    expect(request.expired).toEqual([]);
  });

  it("gives the form back as typed when the database cannot be reached", async () => {
    request.unavailable = true;
    expect(await runStaffAction(rename, { name: "Budget", password: "never echoed" })).toEqual({ ok: false, message: messages.unavailable, values: { name: "Budget" } });
    expect(request.expired).toEqual([]);
  });

  it("still expires what committed before the database went away mid-action", async () => {
    const halfway = staffAction("article.publish", z.object({}), async (_input, ctx) => {
      ctx.revalidate(["article:1"]);
      throw Object.assign(new Error("connection reset"), { code: "ECONNRESET" });
    });
    expect(await runStaffAction(halfway, { title: "kept" })).toEqual({ ok: false, message: messages.unavailable, values: { title: "kept" } });
    expect(request.expired).toEqual(["article:1"]);
  });

  it("lets an error that is not the database's reach Next.js's error page", async () => {
    const broken = staffAction("article.publish", z.object({}), async () => {
      throw new TypeError("a bug");
    });
    await expect(runStaffAction(broken, {})).rejects.toThrow("a bug");
  });

  it("answers a slow action after its wait, and has the pages of its late write expired by the server", async () => {
    let finished = false;
    const slow = staffAction("article.publish", z.object({}), async (_input, ctx) => {
      ctx.revalidate(["early"]);
      await sleep(300);
      ctx.revalidate(["late:1", "late:2"]);
      finished = true;
      return { ok: true };
    });
    expect(await runStaffAction(slow, { title: "typed" }, { waitMs: 50 })).toEqual({ ok: false, message: messages.unavailable, values: { title: "typed" } });
    expect(request.expired).toEqual(["early"]);
    await vi.waitFor(() => expect(internal).toHaveLength(1), { timeout: 5000 });
    expect(finished).toBe(true);
    expect(internal[0]).toEqual({ tags: ["late:1", "late:2"], token: internalToken() });
    expect(request.expired).toEqual(["early"]);
  });

  it("gives an action's CPU work (an upload's resizing) time beyond the database's wait", async () => {
    const resizing = staffAction("article.publish", z.object({}), async (_input, ctx) => {
      await ctx.offTheClock!(() => sleep(600));
      const [row] = await ctx.db.select({ n: t.users.name }).from(t.users).where(eq(t.users.id, ctx.staff.id));
      ctx.revalidate(["resized"]);
      return { ok: true, message: row!.n };
    });
    expect(await runStaffAction(resizing, {}, { waitMs: 250 })).toEqual({ ok: true, message: "Lukas Brenner" });
    expect(request.expired).toEqual(["resized"]);
  });

  it("gives an action the time it asks for", async () => {
    const patient = staffAction("article.publish", z.object({}), async (_input, ctx) => {
      await sleep(150);
      ctx.revalidate(["done"]);
      return { ok: true };
    });
    expect(await runStaffAction(patient, {}, { waitMs: 2000 })).toEqual({ ok: true });
    expect(request.expired).toEqual(["done"]);
  });
}, { seed: { password: "irrelevant-password" } });
