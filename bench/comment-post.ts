// Row (g): a comment post as the comment form's JavaScript sends it to the postComment
// server action (what a browser without JavaScript sends is a full page render instead).
import { randomBytes, randomUUID } from "node:crypto";

export type Article = { id: number; slug: string; section: string };

export /** The multipart request the comment form's JavaScript sends to the postComment action. */
function commentPost(actionId: string, article: Article, origin: string) {
  const boundary = `----gazettebench${randomBytes(8).toString("hex")}`;
  const fields: [string, string][] = [
    ["_1_articleId", String(article.id)],
    ["_1_parentId", ""],
    ["_1_body", "Benchmark comment: a reader's view of this story, in a couple of sentences. It waits for moderation."],
    ["_1_name", "Bench Reader"],
    ["_1_email", `reader${randomBytes(3).toString("hex")}@example.net`],
    ["_1_website", ""],
    ["_1_idempotencyKey", randomUUID().replace(/-/g, "")],
    // the arguments come last: React reads the form's fields before the reference to them
    ["0", '[{"ok":false},"$K1"]'],
  ];
  const body =
    fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join("") + `--${boundary}--\r\n`;
  return {
    path: `/${article.section}/${article.slug}`,
    body,
    headers: {
      "content-type": `multipart/form-data; boundary=${boundary}`,
      accept: "text/x-component",
      "next-action": actionId,
      origin,
      // many readers, not one: per-address limits see each post as a different person
      "x-forwarded-for": `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`,
    },
  };
}
