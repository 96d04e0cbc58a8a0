import { env } from "@/lib/env";
import type { ProviderConfig } from "./providers";

export function providerConfig(): ProviderConfig {
  const e = env();
  return {
    mastodonBaseUrl: e.SOCIAL_MASTODON_BASE_URL,
    blueskyBaseUrl: e.SOCIAL_BLUESKY_BASE_URL,
    youtubeBaseUrl: e.SOCIAL_YOUTUBE_BASE_URL,
    facebookBaseUrl: e.SOCIAL_FACEBOOK_BASE_URL,
    youtubeApiKey: e.YOUTUBE_API_KEY,
    facebookAccessToken: e.FACEBOOK_ACCESS_TOKEN,
    timeoutMs: 5000,
  };
}

export function refreshIntervalMs(): number {
  return env().SOCIAL_REFRESH_INTERVAL_MINUTES * 60_000;
}
