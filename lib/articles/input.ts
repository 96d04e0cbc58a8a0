import { articleStatuses, type ArticleStatus } from "@/db/schema";

// What the newsroom's forms and filters accept (the article form's own schema is still in
// ./editorial.ts).

export const editorPageSize = 25;

export type EditorFilters = { status?: ArticleStatus; section?: number; author?: number; q?: string; page: number };

export function parseEditorFilters(params: Record<string, string | string[] | undefined>): EditorFilters {
  const one = (k: string) => (typeof params[k] === "string" ? (params[k] as string) : undefined);
  const num = (k: string) => {
    const v = Number(one(k));
    return Number.isInteger(v) && v > 0 && v < 1e9 ? v : undefined;
  };
  const status = one("status");
  return {
    status: (articleStatuses as readonly string[]).includes(status ?? "") ? (status as ArticleStatus) : undefined,
    section: num("section"),
    author: num("author"),
    // without NUL bytes, which PostgreSQL refuses in any text
    q: one("q")?.replace(/\u0000/g, "").trim().slice(0, 200) || undefined,
    page: Math.min(num("page") ?? 1, 100_000),
  };
}
