// The Chromium every browser check uses: Debian's where Playwright cannot download its own (as
// on CI here), with the flags that keep it off the network. Playwright's config and the
// Lighthouse script both launch it from here.
import { existsSync } from "node:fs";

export const chromiumPath =
  process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export const chromiumArgs = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];
