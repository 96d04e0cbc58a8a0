export async function register() {
  // Only in the Node.js server at run time: never while `next build` collects pages.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.GAZETTE_SCHEDULER === "off") return;
  const { startScheduler, startSocialRefresh } = await import("./lib/scheduler");
  startScheduler();
  startSocialRefresh();
  (await import("./lib/newsletters/jobs")).startNewsletters();
}
