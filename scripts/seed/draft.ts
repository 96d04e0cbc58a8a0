import type { SeedArticle } from "./types";

/** An unpublished article: it must never be visible to the public, not even by its URL. */
export const draftArticle: Omit<SeedArticle, "daysAgo" | "hour" | "comments"> = {
  slug: "harbour-district-budget-draft",
  title: "Harbour district budget: what the council has not said yet",
  standfirst:
    "An unfinished look at the spending plan that Westfold's councillors will debate next month, still waiting for figures from the treasury office.",
  section: "politics",
  author: "lukas-brenner",
  tags: ["Local Government", "Housing"],
  source: { name: "Gazette reporting" },
  body: `Westfold's harbour district will be the first test of the council's new spending rules.

## What we know

- The plan runs to 140 pages.
- Three of its nine chapters concern the waterfront.

## Still to confirm

> "We will publish the full tables before the debate," said a treasury spokesperson, Ilse Varga.

This draft waits for those tables.`,
};
