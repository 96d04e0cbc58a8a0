import type { FetchedNetwork } from "./rules";

export type ProviderConfig = {
  mastodonBaseUrl?: string;
  blueskyBaseUrl: string;
  youtubeBaseUrl: string;
  facebookBaseUrl: string;
  youtubeApiKey?: string;
  facebookAccessToken?: string;
  timeoutMs: number;
};

export class ProviderError extends Error {
  override name = "ProviderError";
}

const trim = (url: string) => url.replace(/\/+$/, "");

/** The request for one account's count: its official endpoint, and where the count sits. */
export function providerRequest(network: FetchedNetwork, handle: string, config: ProviderConfig): { url: string; pick: (json: unknown) => unknown } {
  const get = (json: unknown, ...path: (string | number)[]) =>
    path.reduce<unknown>((value, key) => (value && typeof value === "object" ? (value as Record<string | number, unknown>)[key] : undefined), json);
  switch (network) {
    case "mastodon": {
      // @name@instance: the account lives on its instance, which answers the lookup.
      const match = /^@?([^@\s]+)@([^@\s/]+)$/.exec(handle.trim());
      if (!match) throw new ProviderError("A Mastodon handle looks like @name@instance.social");
      const base = config.mastodonBaseUrl ?? `https://${match[2]}`;
      return { url: `${trim(base)}/api/v1/accounts/lookup?acct=${encodeURIComponent(match[1]!)}`, pick: (j) => get(j, "followers_count") };
    }
    case "bluesky":
      return {
        url: `${trim(config.blueskyBaseUrl)}/xrpc/app.bsky.actor.getProfile?actor=${encodeURIComponent(handle.replace(/^@/, ""))}`,
        pick: (j) => get(j, "followersCount"),
      };
    case "youtube": {
      if (!config.youtubeApiKey) throw new ProviderError("YouTube needs YOUTUBE_API_KEY");
      const h = handle.trim();
      const which = /^UC[\w-]{22}$/.test(h) ? `id=${h}` : `forHandle=${encodeURIComponent(h.startsWith("@") ? h : `@${h}`)}`;
      return {
        url: `${trim(config.youtubeBaseUrl)}/youtube/v3/channels?part=statistics&${which}&key=${encodeURIComponent(config.youtubeApiKey)}`,
        pick: (j) => get(j, "items", 0, "statistics", "subscriberCount"),
      };
    }
    case "facebook":
      if (!config.facebookAccessToken) throw new ProviderError("Facebook needs FACEBOOK_ACCESS_TOKEN");
      return {
        url: `${trim(config.facebookBaseUrl)}/v19.0/${encodeURIComponent(handle.replace(/^@/, ""))}?fields=followers_count&access_token=${encodeURIComponent(config.facebookAccessToken)}`,
        pick: (j) => get(j, "followers_count"),
      };
  }
}

/** Asks the network for the count. Throws a ProviderError that says what went wrong. */
export async function fetchCount(network: FetchedNetwork, handle: string, config: ProviderConfig, fetcher: typeof fetch = fetch): Promise<unknown> {
  const { url, pick } = providerRequest(network, handle, config);
  let response: Response;
  try {
    response = await fetcher(url, { headers: { accept: "application/json", "user-agent": "Gazette (+stay-connected)" }, signal: AbortSignal.timeout(config.timeoutMs) });
  } catch (error) {
    const name = (error as Error).name;
    if (name === "TimeoutError" || name === "AbortError") throw new ProviderError(`No answer within ${config.timeoutMs / 1000} s`);
    throw new ProviderError(`Could not reach ${new URL(url).host}: ${(error as Error).message}`);
  }
  if (!response.ok) throw new ProviderError(`${new URL(url).host} answered HTTP ${response.status}`);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ProviderError(`${new URL(url).host} answered with malformed JSON`);
  }
  return pick(json);
}
