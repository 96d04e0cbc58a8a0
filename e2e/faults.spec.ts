import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { seedArticles } from "../scripts/seed/demo";
import postgres from "postgres";
import { hasPostgresBinaries, PostgresCluster } from "../test/postgres-cluster";
import { freePort } from "../test/redis-server";
import { expect, richestArticle, test } from "./fixtures";
import { ArticlePage } from "./pages/article-page";
import { ModerationPage } from "./pages/moderation-page";
import { LoginPage } from "./pages/staff-pages";
import { migrateAndSeed, startInstance, stopInstance, type Instance } from "./support/instances";

// A newsroom's bad night, on production instances of the test's own: PostgreSQL freezing under
// a reader's comment, a SIGTERM under keep-alive load, and a backup restored onto a new folder.

const article = richestArticle();
const articlePath = `/${article.section}/${article.slug}`;
const tsxCli = path.join("node_modules", "tsx", "dist", "cli.mjs");
const secret = "faults-secret-faults-secret-faults-secret-0";

test.describe.configure({ mode: "serial" });

test.describe("when PostgreSQL stops answering", () => {
  test.skip(!hasPostgresBinaries(), "needs the PostgreSQL server binaries");
  let cluster: PostgresCluster | undefined;
  let instance: Instance | undefined;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    cluster = await PostgresCluster.create();
    migrateAndSeed(cluster.url);
    instance = await startInstance("outage", await freePort(), {
      DATABASE_URL: cluster.url,
      DATABASE_TIMEOUT_MS: "1500",
      GAZETTE_SCHEDULER: "off",
    });
  });

  test.afterEach(async ({}, testInfo) => {
    // What the server said is the first thing to read when a fault test fails.
    if (testInfo.status !== testInfo.expectedStatus && instance) await testInfo.attach("server output", { body: instance.output() });
  });

  test.afterAll(async () => {
    cluster?.freeze("SIGCONT");
    await stopInstance(instance);
    await cluster?.destroy();
  });

  test("a comment posted meanwhile keeps the page and the text, says to try again, and is stored once when sent again", async ({ page }) => {
    const articlePage = new ArticlePage(page);
    await articlePage.asNewReader();
    await page.goto(instance!.url + articlePath);
    await expect(articlePage.title).toHaveText(article.title);
    const text = `Written during the outage ${randomBytes(4).toString("hex")}`;
    await articlePage.field("Comment").fill(text);
    await articlePage.field("Name").fill("Night Reader");
    await articlePage.field("Email").fill("night@example.net");

    cluster!.freeze("SIGSTOP");
    await articlePage.replyForm.getByRole("button", { name: "Post Comment" }).click();
    await expect(articlePage.replyForm.getByRole("status")).toHaveText(
      "We could not save your comment just now. Please try again in a minute.",
      { timeout: 5000 },
    );
    await expect(articlePage.title).toHaveText(article.title);
    await expect(articlePage.field("Comment")).toHaveValue(text);
    await expect(articlePage.field("Name")).toHaveValue("Night Reader");

    // Balancers are told at once.
    const started = Date.now();
    const health = await fetch(`${instance!.url}/api/health`);
    expect(health.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(1000);

    cluster!.freeze("SIGCONT");
    await expect.poll(async () => (await fetch(`${instance!.url}/api/health`)).status, { timeout: 10_000 }).toBe(200);
    await articlePage.replyForm.getByRole("button", { name: "Post Comment" }).click();
    await expect(articlePage.replyForm.getByRole("status")).toHaveText("Your comment is awaiting moderation.");

    const sql = postgres(cluster!.url, { max: 1, onnotice: () => {} });
    try {
      const stored = await sql`select id from comments where body = ${text}`;
      expect(stored).toHaveLength(1);
    } finally {
      await sql.end();
    }
  });

  test("a sign-in while PostgreSQL is frozen answers within the deadline, says to try again and keeps the email; it signs in once the server resumes", async ({ page }) => {
    const login = new LoginPage(page);
    await page.goto(`${instance!.url}/login`);
    await login.email.fill("moderator@example.com");
    await login.password.fill("scale-out-password");
    cluster!.freeze("SIGSTOP");
    try {
      const started = Date.now();
      await login.submit.click();
      await expect(login.alert).toHaveText("We could not sign you in just now. Please try again in a minute.", { timeout: 10_000 });
      // DATABASE_TIMEOUT_MS is 1,500 here; slack for a loaded machine, far below any OS timeout.
      expect(Date.now() - started).toBeLessThan(1500 + 3000);
      await expect(login.email).toHaveValue("moderator@example.com");
    } finally {
      cluster!.freeze("SIGCONT");
    }
    await expect.poll(async () => (await fetch(`${instance!.url}/api/health`)).status, { timeout: 10_000 }).toBe(200);
    await login.signIn("moderator@example.com", "scale-out-password");
    await expect(page).toHaveURL(/\/moderation$/);
  });

  test("while PostgreSQL is frozen, a reader page not cached yet and a staff page answer within the timeout, health says 503, and both serve after SIGCONT", async ({ page }) => {
    const other = seedArticles.filter((a) => a.slug !== article.slug)[2]!;
    const readerPath = `/${other.section}/${other.slug}`;
    const login = new LoginPage(page);
    await page.goto(`${instance!.url}/login`);
    await login.signIn("moderator@example.com", "scale-out-password");
    await expect(page).toHaveURL(/\/moderation$/);
    // A comment waiting in the queue, for a staff action made during the freeze.
    const held = `Held during the freeze ${randomBytes(4).toString("hex")}`;
    const [row] = await cluster!.query<{ id: number }>(`select id from articles where slug = '${other.slug}'`);
    await cluster!.query(`insert into comments (article_id, author_name, author_email, body, status) values (${row!.id}, 'Frozen Reader', 'frozen@example.net', '${held}', 'pending')`);
    await page.reload();
    const queue = new ModerationPage(page);

    cluster!.freeze("SIGSTOP");
    try {
      const acted = Date.now();
      await queue.decide(held, "Approve");
      await expect(queue.status).toHaveText("We could not save your changes just now. Please try again in a minute.", { timeout: 10_000 });
      expect(Date.now() - acted).toBeLessThan(1500 + 3000);

      // A statement sent to a frozen server is never refused and never answered: only the
      // client's own bound ends it (DATABASE_TIMEOUT_MS, 1,500 ms here).
      let started = Date.now();
      const reader = await page.goto(instance!.url + readerPath);
      await expect(page.getByRole("heading", { name: "This page could not be loaded just now" })).toBeVisible();
      expect(Date.now() - started).toBeLessThan(1500 + 3000);
      await expect(page.getByRole("banner")).toBeVisible();
      expect(reader!.status()).toBeGreaterThanOrEqual(500);

      started = Date.now();
      await page.goto(`${instance!.url}/moderation`);
      await expect(page.getByRole("heading", { name: "This page could not be loaded just now" })).toBeVisible();
      expect(Date.now() - started).toBeLessThan(1500 + 3000);

      started = Date.now();
      const health = await fetch(`${instance!.url}/api/health`);
      expect(health.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      cluster!.freeze("SIGCONT");
    }
    await expect.poll(async () => (await fetch(`${instance!.url}/api/health`)).status, { timeout: 10_000 }).toBe(200);
    await expect
      .poll(async () => {
        await page.goto(instance!.url + readerPath);
        return page.getByRole("heading", { level: 1 }).textContent();
      }, { timeout: 15_000 })
      .toBe(other.title);
    await page.goto(`${instance!.url}/moderation`);
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("This page could not be loaded just now");
    await expect(page.getByRole("navigation", { name: "Newsroom" })).toBeVisible();
  });

  test("a page not cached yet while PostgreSQL is stopped says to try again, and serves once it is back", async ({ page }) => {
    const other = seedArticles.find((a) => a.slug !== article.slug)!;
    cluster!.stop();
    try {
      await page.goto(`${instance!.url}/${other.section}/${other.slug}`);
      await expect(page.getByRole("heading", { name: "This page could not be loaded just now" })).toBeVisible();
      await expect(page.getByRole("banner")).toBeVisible();
    } finally {
      await cluster!.start();
    }
    // Nothing of the failed render was kept.
    await expect
      .poll(async () => {
        await page.reload();
        return page.getByRole("heading", { level: 1 }).textContent();
      }, { timeout: 15_000 })
      .toBe(other.title);
  });
});

test.describe("a lagging streaming replica", () => {
  test.skip(!hasPostgresBinaries(), "needs the PostgreSQL server binaries");
  let primary: PostgresCluster | undefined;
  let replica: PostgresCluster | undefined;
  let instance: Instance | undefined;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    primary = await PostgresCluster.create();
    migrateAndSeed(primary.url);
    replica = await PostgresCluster.replicaOf(primary);
    instance = await startInstance("replicated", await freePort(), {
      DATABASE_URL: primary.url,
      DATABASE_REPLICA_URLS: replica.url,
      GAZETTE_SCHEDULER: "off",
    });
  });

  test.afterAll(async () => {
    await replica?.query("select pg_wal_replay_resume()").catch(() => {});
    await stopInstance(instance);
    await replica?.destroy();
    await primary?.destroy();
  });

  test("a comment approved while the replica lags is on the article at once, and stays there", async ({ browser }) => {
    const text = `Approved during the lag ${randomBytes(4).toString("hex")}`;
    const [row] = await primary!.query<{ id: number }>(`select id from articles where slug = '${article.slug}'`);
    const id = row!.id;
    await primary!.query(`insert into comments (article_id, author_name, author_email, body, status) values (${id}, 'Lagged Reader', 'lag@example.net', '${text}', 'pending')`);
    await expect.poll(async () => (await replica!.query(`select 1 from comments where body = '${text}'`)).length).toBe(1);
    const pageBody = async () => (await fetch(instance!.url + articlePath)).text();
    expect(await pageBody()).not.toContain(text);

    await replica!.query("select pg_wal_replay_pause()");
    const context = await browser.newContext({ baseURL: instance!.url });
    const moderator = await context.newPage();
    const login = new LoginPage(moderator);
    await login.goto();
    await login.signIn("moderator@example.com", "scale-out-password");
    await moderator.goto("/moderation");
    const queue = new ModerationPage(moderator);
    await queue.decide(text, "Approve");
    await expect(queue.status).toHaveText("Approved 1 comment.");
    await context.close();

    // The replica has not replayed the approval, yet the page rendered after it shows it.
    expect(await replica!.query(`select 1 from comments where body = '${text}' and status = 'approved'`)).toHaveLength(0);
    await expect.poll(pageBody, { timeout: 5000 }).toContain(text);

    await replica!.query("select pg_wal_replay_resume()");
    await expect
      .poll(async () => ((await (await fetch(`${instance!.url}/api/health`)).json()) as { replicas?: { ok: boolean; lagBytes: number }[] }).replicas?.[0])
      .toEqual(expect.objectContaining({ ok: true, lagBytes: 0 }));
    expect(await pageBody()).toContain(text);
  });
});

test.describe("the embedded database", () => {
  const dirs: string[] = [];
  const instances: Instance[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gazette-faults-"));
    dirs.push(dir);
    return dir;
  };
  const start = async (name: string, dataDir: string, extra: Record<string, string> = {}) => {
    const started = await startInstance(name, await freePort(), { DATA_DIR: dataDir, DATABASE_URL: "", AUTH_SECRET: secret, GAZETTE_SCHEDULER: "off", ...extra });
    instances.push(started);
    return started;
  };

  test.afterAll(async () => {
    for (const instance of instances) await stopInstance(instance);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  test("SIGTERM under keep-alive load: requests in flight are answered, health stops saying ok, and the server exits within the grace period", async () => {
    test.setTimeout(120_000);
    const dataDir = tempDir();
    const server = await start("drain", dataDir, { SHUTDOWN_GRACE_SECONDS: "3" });
    const url = new URL(server.url);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    const answers: { status: number; draining: boolean; healthOk: boolean; afterSignal: boolean; at: number }[] = [];
    let signalled = false;
    let refused = 0;
    const get = (pathname: string) =>
      new Promise<void>((resolve) => {
        const sentAfterSignal = signalled;
        const request = http.get({ host: url.hostname, port: url.port, path: pathname, agent }, (response) => {
          let body = "";
          response.on("data", (chunk) => (body += chunk));
          response.on("end", () => {
            answers.push({
              status: response.statusCode ?? 0,
              draining: body.includes('"draining"'),
              healthOk: pathname === "/api/health" && response.statusCode === 200,
              afterSignal: signalled,
              at: Date.now(),
            });
            resolve();
          });
        });
        request.on("error", () => {
          if (sentAfterSignal) refused++;
          resolve();
        });
      });
    // Sixteen clients that never stop sending, over connections they keep open.
    const exited = new Promise<number>((resolve) => server.child.once("exit", () => resolve(Date.now())));
    let running = true;
    void exited.then(() => (running = false));
    const clients = Array.from({ length: 16 }, async (_, i) => {
      while (running) await get(i % 2 ? "/api/health" : articlePath);
    });
    await expect.poll(() => answers.filter((a) => a.status === 200).length, { timeout: 60_000 }).toBeGreaterThan(20);

    const signalledAt = Date.now();
    signalled = true;
    server.child.kill("SIGTERM");
    // When the server began to drain, by its own output: on a loaded machine a signal can wait
    // seconds for a busy event loop before any handler runs.
    let drainingAt = 0;
    const watch = setInterval(() => {
      if (!drainingAt && server.output().includes("SIGTERM: draining")) drainingAt = Date.now();
    }, 20);
    const exitedAt = await exited;
    clearInterval(watch);
    drainingAt ||= exitedAt;
    await Promise.all(clients);
    agent.destroy();

    // The grace period, and slack for a loaded machine (on a shared CI box timers fire seconds
    // late); a server that waits on its keep-alive clients never exits at all.
    const timing = `signal → draining ${drainingAt - signalledAt} ms, draining → exit ${exitedAt - drainingAt} ms\n${server.output()}`;
    expect(exitedAt - drainingAt, timing).toBeLessThan(3000 + 2000);
    expect(exitedAt - signalledAt, timing).toBeLessThan(3000 + 10_000);
    expect(server.output()).toMatch(/Stopped after \d+ ms|Grace period over/);
    expect(server.child.exitCode).toBe(0);
    // The database was closed before the exit: the embedded one released its folder's lock.
    expect(existsSync(path.join(dataDir, "gazette.lock"))).toBe(false);
    const after = answers.filter((a) => a.afterSignal);
    // Once draining, health never said "ok" again (lib/health/check.test.ts shows the 503 itself).
    expect(answers.filter((a) => a.healthOk && a.at > drainingAt + 50)).toEqual([]);
    expect(after.filter((a) => a.status >= 500 && !a.draining)).toEqual([]);
    expect(refused).toBeGreaterThan(0);
  });

  test("a backup taken while the server runs restores onto a new folder, which starts and serves", async ({ page }) => {
    test.setTimeout(180_000);
    const original = tempDir();
    // The server itself never seeds (npm start's own step does): the demo newsroom first.
    migrateAndSeed("", original);
    const server = await start("original", original);
    const articlePage = new ArticlePage(page);
    await articlePage.asNewReader();
    await page.goto(server.url + articlePath);
    const text = `Kept by the backup ${randomBytes(4).toString("hex")}`;
    await articlePage.postComment({ Comment: text, Name: "Archivist", Email: "archivist@example.net" });
    await expect(articlePage.replyForm.getByRole("status")).toHaveText("Your comment is awaiting moderation.");

    const file = path.join(tempDir(), "gazette-backup.tar.gz");
    const env = { ...process.env, DATA_DIR: original, DATABASE_URL: "", AUTH_SECRET: secret, PORT: new URL(server.url).port };
    const backup = spawnSync(process.execPath, [tsxCli, "scripts/db-backup.ts", file], { env, encoding: "utf8" });
    expect(backup.stderr).toBe("");
    expect(backup.status).toBe(0);
    // The running server kept serving throughout.
    expect((await fetch(server.url + articlePath)).status).toBe(200);
    await stopInstance(server);

    const restored = tempDir();
    const restore = spawnSync(process.execPath, [tsxCli, "scripts/db-restore.ts", file], {
      env: { ...env, DATA_DIR: restored },
      encoding: "utf8",
    });
    expect(restore.status, restore.stderr).toBe(0);

    const db = await PGlite.create({ dataDir: path.join(restored, "pglite") });
    try {
      const { rows } = await db.query<{ status: string }>("select status from comments where body = $1", [text]);
      // Held for moderation, or filed as spam for a form sent this fast: stored either way.
      expect(rows).toHaveLength(1);
    } finally {
      await db.close();
    }
    const again = await start("restored", restored);
    const response = await fetch(again.url + articlePath);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(article.title);
  });
});
