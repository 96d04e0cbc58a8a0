// The largest request body the site accepts: a 10 MB hero image and the article form around
// it. next.config.mjs gives it to Next.js as the server actions' limit; proxy.ts answers 413
// to a larger declared body before Next.js reads it (Next.js itself would answer 500).
export const actionBodyLimit = "11mb";
export const actionBodyLimitBytes = 11 * 1024 * 1024;
