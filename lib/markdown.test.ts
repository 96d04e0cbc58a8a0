import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderMarkdown, rendererPackages, smartPunctuation } from "./markdown";
import { mediaIdsIn } from "./articles/body";

describe("renderMarkdown", () => {
  it("renders headings, quotes, lists and links", () => {
    const html = renderMarkdown("## Sub\n\n> quoted\n\n- one\n- two\n\n[site](https://example.org/a)");
    expect(html).toContain("<h2>Sub</h2>");
    expect(html).toContain("<blockquote>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain('<a href="https://example.org/a" rel="noopener noreferrer">site</a>');
  });

  it("sets quotes, apostrophes, dashes and ellipses as a typesetter would, and leaves code alone", () => {
    expect(smartPunctuation(`"It's done," she said -- twice... 'Really'? 2019--2024, yes --- no - maybe`)).toBe(
      "\u201cIt\u2019s done,\u201d she said \u2013 twice\u2026 \u2018Really\u2019? 2019\u20132024, yes \u2014 no \u2013 maybe",
    );
    const html = renderMarkdown('> "A *quoted* word"\n\nThe `"raw"` code -- and\n\n```\nx = "y" -- z\n```');
    expect(html).toContain("<blockquote>\n<p>\u201cA <em>quoted</em> word\u201d</p>");
    expect(html).toContain('<code>"raw"</code> code \u2013 and');
    expect(html).toContain('x = "y" -- z');
  });

  it("demotes a body h1, since the page's h1 is the title", () => {
    expect(renderMarkdown("# Big")).toBe("<h2>Big</h2>");
  });

  it.each([
    ["raw script", "<script>alert(1)</script>"],
    ["event handler", '<img src="x" onerror="alert(1)">'],
    ["javascript link", "[x](javascript:alert(1))"],
    ["data link", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
    ["svg", '<svg onload="alert(1)"><circle/></svg>'],
    ["iframe", '<iframe src="https://example.org"></iframe>'],
    ["style", "<style>body{display:none}</style>"],
    ["entity-encoded scheme", "[x](&#106;avascript:alert(1))"],
    ["image with javascript src", "![x](javascript:alert(1))"],
  ])("neutralizes %s", (_name, input) => {
    const html = renderMarkdown(input);
    expect(html).not.toMatch(/<script|<svg|<iframe|<style|onerror=|onload=/i);
    expect(html).not.toMatch(/href="\s*(javascript|data):/i);
    expect(html).not.toMatch(/src="\s*(javascript|data):/i);
  });

  it("prefixes ids so Markdown cannot clobber the page's own", () => {
    expect(renderMarkdown("Text[^1]\n\n[^1]: Note")).toContain('id="md-');
  });
});

describe("the renderer's version", () => {
  it("was set for the renderer packages installed: after an update, raise markdownVersion and the pins", () => {
    // read from disk: these packages' "exports" do not expose their package.json
    const installed = Object.fromEntries(
      Object.keys(rendererPackages).map((name) => {
        const manifest = readFileSync(path.join(process.cwd(), "node_modules", name, "package.json"), "utf8");
        return [name, (JSON.parse(manifest) as { version: string }).version];
      }),
    );
    expect(installed).toEqual(rendererPackages);
  });
});

it("gives the site's uploaded images in a body every stored width, AVIF first, loaded when near", () => {
  const id = "0123456789abcdef0123456789abcdef";
  const html = renderMarkdown(`![Boats at dawn](/media/${id}/960.webp)\n\n![Elsewhere](https://example.com/a.webp)`);
  expect(html).toContain(
    `<picture><source type="image/avif" srcset="/media/${id}/480.avif 480w, /media/${id}/960.avif 960w" sizes="(min-width: 60rem) 40rem, 100vw"><img src="/media/${id}/960.webp" alt="Boats at dawn" srcset="/media/${id}/480.webp 480w, /media/${id}/960.webp 960w" sizes="(min-width: 60rem) 40rem, 100vw" loading="lazy" decoding="async"></picture>`,
  );
  // Another site's image is left as written.
  expect(html).toContain('<img src="https://example.com/a.webp" alt="Elsewhere">');
});

it("names the uploaded images a body shows, once each", () => {
  const a = "a".repeat(32);
  const b = "b".repeat(32);
  expect(mediaIdsIn(`![x](/media/${a}/480.webp) ![y](/media/${b}/1440.webp) ![z](/media/${a}/960.webp) /media/short/1.webp`)).toEqual([a, b]);
});
