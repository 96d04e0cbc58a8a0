import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { tryToParsePath } from "next/dist/lib/try-to-parse-path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { sectionSlugProblem } from "@/lib/admin/queries";
import { pageSlugProblem } from "@/lib/pages/actions";
import { isSlug } from "@/lib/slug";
import { describeEachDatabase } from "@/test/databases";
import {
  articleRoutes,
  cachedReaderPaths,
  fixedRoutes,
  isSignInReturnPath,
  isStaffPath,
  listings,
  noncePolicyPaths,
  reservedSlugs,
  rewrites,
  sectionRoutes,
  signInPath,
  staffPrefixes,
  staticPolicyPaths,
} from "./routes.mjs";

const appDir = path.join(import.meta.dirname, "..", "app");

/** Every route of app/ as its URL segments (route groups dropped), with the files it has. */
function routes(dir = appDir, segments: string[] = []): { segments: string[]; files: string[] }[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => e.name);
  const found = segments.length ? [{ segments, files }] : [];
  for (const e of entries.filter((e) => e.isDirectory())) {
    const group = /^\(.*\)$/.test(e.name);
    found.push(...routes(path.join(dir, e.name), group ? segments : [...segments, e.name]));
  }
  return found;
}
const isDynamic = (segment: string) => segment.startsWith("[");
/** Files directly in app/ that Next.js serves at an address of their own (favicon.ico, icon.svg). */
const metadataFiles = () => readdirSync(appDir).filter((name) => /^(favicon\.ico|(apple-)?icon\.\w+|opengraph-image\.\w+|manifest\.\w+)$/.test(name));

/** proxy.ts's `config.matcher`, read from its source without running it, as Next.js reads it. */
function proxyMatcher(): unknown[] {
  const file = path.join(import.meta.dirname, "..", "proxy.ts");
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  const literal = (node: ts.Node): unknown => {
    if (ts.isStringLiteralLike(node)) return node.text;
    if (ts.isArrayLiteralExpression(node)) return node.elements.map(literal);
    if (ts.isObjectLiteralExpression(node)) {
      return Object.fromEntries(node.properties.map((p) => (ts.isPropertyAssignment(p) ? [p.name.getText(source), literal(p.initializer)] : [])));
    }
    throw new Error(`proxy.ts's config is not a literal at ${node.getText(source)}`);
  };
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const d of statement.declarationList.declarations) {
      if (d.name.getText(source) === "config" && d.initializer) return (literal(d.initializer) as { matcher: unknown[] }).matcher;
    }
  }
  throw new Error("proxy.ts exports no config");
}

/** Whether Next.js would run proxy.ts for this path (matchers with conditions left out). */
const matcher = proxyMatcher();
function proxyRuns(pathname: string) {
  return matcher.some((m) => {
    if (typeof m !== "string") return false;
    const { regexStr, error } = tryToParsePath(m);
    if (error || !regexStr) throw new Error(`proxy.ts matcher ${m} does not parse`);
    return new RegExp(regexStr, "i").test(pathname);
  });
}
function matches(pattern: string, pathname: string) {
  return new RegExp(tryToParsePath(pattern).regexStr!, "i").test(pathname);
}

describe("the route map", () => {
  it("has every fixed first segment of app/ (a new route directory cannot be forgotten)", () => {
    const firstSegments = new Set(routes().map((r) => r.segments[0]!).filter((s) => !isDynamic(s)));
    for (const file of metadataFiles()) firstSegments.add(file);
    expect(firstSegments.size).toBeGreaterThan(10);
    expect([...firstSegments].filter((s) => !(s in fixedRoutes))).toEqual([]);
  });

  it("has every fixed segment below a section and below an article", () => {
    const below = (depth: number) =>
      new Set(
        routes()
          .filter((r) => r.segments.length > depth && r.segments.slice(0, depth).every(isDynamic))
          .map((r) => r.segments[depth]!)
          .filter((s) => !isDynamic(s)),
      );
    expect([...below(1)].sort()).toEqual([...sectionRoutes].sort());
    expect([...below(2)].sort()).toEqual([...articleRoutes].sort());
  });

  it("names only kinds it knows, and every listing and rewrite target is a reader route", () => {
    const kinds = new Set(["reader", "per-reader", "media", "api", "internal", "staff", "sign-in", "reserved"]);
    expect(Object.values(fixedRoutes).filter((k) => !kinds.has(k))).toEqual([]);
    for (const listing of listings) {
      const first = listing.split("/")[1]!;
      expect(first.startsWith(":") || fixedRoutes[first] === "reader", listing).toBe(true);
    }
    for (const rewrite of [...rewrites.beforeFiles, ...rewrites.afterFiles]) {
      const first = rewrite.destination.split("/")[1]!;
      expect(first.startsWith(":") || fixedRoutes[first] === "reader", rewrite.destination).toBe(true);
    }
  });

  it("makes proxy.ts run on every staff path and the sign-in page, and on no reader page", () => {
    expect(staffPrefixes).toEqual(["/editor", "/moderation", "/admin", "/dashboard"]);
    for (const prefix of staffPrefixes) {
      for (const p of [prefix, `${prefix}/x`, `${prefix}/x/y/z`]) {
        expect(isStaffPath(p), p).toBe(true);
        expect(proxyRuns(p), p).toBe(true);
      }
    }
    expect(proxyRuns(signInPath)).toBe(true);
    expect(isStaffPath("/editorial")).toBe(false);
    expect(isStaffPath(signInPath)).toBe(false);
    const readerPages = [
      "/", "/world", "/world/a-story", "/world/a-story/comments/2", "/world/a-story/comment/5", "/world/a-story/comment/5/report",
      "/world/a-story/og.png", "/world/feed.xml", "/author/jane", "/tag/energy", "/search/energy/1", "/feed.xml", "/sitemap.xml",
      "/newsletters/manage", "/media/abc/480.webp", "/about/team", "/api/read", "/api/health",
    ];
    expect(readerPages.filter(proxyRuns)).toEqual([]);
  });

  it("gives staff paths and sign-in the nonce policy, and caches only pages that are the same for everyone", () => {
    for (const p of ["/editor", "/admin/users", "/login"]) {
      expect(matches(noncePolicyPaths, p), p).toBe(true);
      expect(matches(staticPolicyPaths, p), p).toBe(false);
      expect(matches(cachedReaderPaths, p), p).toBe(false);
    }
    for (const p of ["/", "/world", "/world/a-story", "/author/jane", "/search/energy/1", "/feed.xml", "/editorial", "/login-help"]) {
      expect(matches(staticPolicyPaths, p), p).toBe(true);
      expect(matches(noncePolicyPaths, p), p).toBe(false);
      expect(matches(cachedReaderPaths, p), p).toBe(true);
    }
    for (const p of ["/api/read", "/_next/static/x.js", "/media/abc/480.webp", "/newsletters/manage"]) {
      expect(matches(staticPolicyPaths, p), p).toBe(true);
      expect(matches(cachedReaderPaths, p), p).toBe(false);
    }
  });

  it("sends someone back after sign-in only to a staff path of this site", () => {
    for (const p of ["/editor", "/editor/articles/3?x=1", "/admin/users", "/dashboard", "/moderation/reported"]) expect(isSignInReturnPath(p), p).toBe(true);
    for (const p of ["//evil.example/editor", "https://evil.example/editor", "/editorial", "/world/a-story", "/login", "/editor\\..\\x", "/admin/<script>"]) {
      expect(isSignInReturnPath(p), p).toBe(false);
    }
  });
});

describeEachDatabase("slugs and the route map", (database) => {
  const db = () => database().primary as Db;

  it("keeps every reserved path from sections and top-level pages, and no other slug", async () => {
    expect(reservedSlugs.size).toBe(Object.keys(fixedRoutes).length);
    for (const slug of reservedSlugs) {
      // "feed.xml" or "_next" is no slug at all; "admin" is one, refused because it is taken.
      const problem = isSlug(slug) ? /used by the site itself/ : /lower-case letters/;
      expect(await sectionSlugProblem(db(), slug), slug).toMatch(problem);
      expect(await pageSlugProblem(db(), { slug, parentId: null, pageId: null }), slug).toMatch(problem);
    }
    for (const slug of ["editorial", "authors", "world-news"]) {
      expect(await sectionSlugProblem(db(), slug), slug).toBeNull();
      expect(await pageSlugProblem(db(), { slug, parentId: null, pageId: null }), slug).toBeNull();
    }
  });
});
