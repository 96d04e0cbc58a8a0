export async function register() {
  // Only in the Node.js server at run time: never while `next build` collects pages.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const [{ stampPeerAddress }, { peerHeader }] = await Promise.all([import("./lib/peer-address"), import("./lib/request")]);
  stampPeerAddress(peerHeader);
  // scripts/server.mjs answers read beacons with this, before Next.js.
  (await import("./lib/readership/fast-path")).installBeaconFastPath();
  if (process.env.DATABASE_REPLICA_URLS) {
    // Replicas are watched from the start: which ones answer, and when a write has reached them
    // all, at which point the pages it changed are expired once more (db/replicas.ts).
    const [{ database }, { expireFromBackground }] = await Promise.all([import("./db/client"), import("./lib/cache/expire")]);
    void database()
      .then(({ router }) => {
        if (!router) return;
        router.onCaughtUp = (tags) => expireFromBackground(tags, { replayed: true });
        router.start();
      })
      .catch((error) => console.error("Could not open the database to watch its replicas:", error));
  }
  // Old one- and two-segment WordPress links are answered by scripts/server.mjs from this list.
  (await import("./lib/redirects/lookup")).watchShortRedirects();
  if (process.env.GAZETTE_SCHEDULER === "off") return;
  const { startScheduler, startSocialRefresh } = await import("./lib/scheduler");
  startScheduler();
  startSocialRefresh();
  (await import("./lib/newsletters/jobs")).startNewsletters();
}
