import type { AuthorSlug, SectionSlug } from "./types";

export const sections: { slug: SectionSlug; name: string; description: string }[] = [
  { slug: "world", name: "World", description: "Reporting from capitals, borders and the places in between." },
  { slug: "politics", name: "Politics", description: "Parliaments, councils, campaigns and the people who run them." },
  { slug: "business", name: "Business", description: "Companies, markets, work and the economy that shapes them." },
  { slug: "technology", name: "Technology", description: "Software, hardware and the institutions that regulate both." },
  { slug: "science", name: "Science", description: "Research, discovery and the evidence behind the headlines." },
  { slug: "culture", name: "Culture", description: "Books, film, music, food and the arts." },
  { slug: "sport", name: "Sport", description: "Results, analysis and the stories behind the games." },
];

export const authors: { slug: AuthorSlug; name: string; bio: string }[] = [
  {
    slug: "amara-okafor",
    name: "Amara Okafor",
    bio: "Amara Okafor is Gazette's world affairs correspondent. She has reported from three continents and writes about migration, trade and the quiet work of diplomacy.",
  },
  {
    slug: "lukas-brenner",
    name: "Lukas Brenner",
    bio: "Lukas Brenner covers politics and public policy. Before joining Gazette he spent a decade on local newspapers, covering council meetings nobody else attended.",
  },
  {
    slug: "sofia-marquez",
    name: "Sofia Márquez",
    bio: "Sofia Márquez writes about business and the economy, with a particular interest in small firms, supply chains and the future of work.",
  },
  {
    slug: "daniel-hart",
    name: "Daniel Hart",
    bio: "Daniel Hart is technology editor. He trained as a software engineer and now explains how the tools we rely on are built, sold and governed.",
  },
  {
    slug: "mei-lin-chen",
    name: "Mei-Lin Chen",
    bio: "Mei-Lin Chen is science correspondent. She holds a doctorate in marine ecology and reports on climate, health and the practice of research.",
  },
  {
    slug: "tomas-novak",
    name: "Tomáš Novák",
    bio: "Tomáš Novák writes on culture and sport: festivals, stadiums, and the communities that gather around both.",
  },
];

/**
 * The three accounts of the "Stay Connected" widget. The demo newsroom owns none of these
 * profiles, so their counts are kept by hand: a fresh install never asks a network about
 * somebody else's account. An admin switches an account to fetched counts at /admin/social.
 */
export const socialAccounts = [
  {
    network: "facebook" as const,
    handle: "gazettenews",
    profileUrl: "https://www.facebook.com/gazettenews",
    noun: "Fans",
    verb: "Like",
    count: 16985,
    manual: true,
  },
  {
    network: "mastodon" as const,
    handle: "@gazette@mastodon.social",
    profileUrl: "https://mastodon.social/@gazette",
    noun: "Followers",
    verb: "Follow",
    count: 2458,
    manual: true,
  },
  {
    network: "youtube" as const,
    handle: "@gazettenews",
    profileUrl: "https://www.youtube.com/@gazettenews",
    noun: "Subscribers",
    verb: "Subscribe",
    count: 61453,
    manual: true,
  },
];
