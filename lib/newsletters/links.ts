import { createHash } from "node:crypto";
import { signToken, type TokenClaims } from "@/lib/mail/tokens";

/** What building a recipient's links needs: the signing secret and the site's address. */
export type LinkContext = { secret: string; siteUrl: string };

export function confirmUrl(ctx: LinkContext, claims: TokenClaims, now?: Date): string {
  return `${ctx.siteUrl}/newsletters/confirm?token=${signToken(ctx.secret, "confirm", claims, now)}`;
}

export function manageUrl(ctx: LinkContext, claims: TokenClaims, now?: Date): string {
  return `${ctx.siteUrl}/newsletters/manage?token=${signToken(ctx.secret, "manage", claims, now)}`;
}

/** The RFC 8058 one-click URL: a POST there unsubscribes, a GET shows the manage page. */
export function unsubscribeUrl(ctx: LinkContext, claims: TokenClaims, now?: Date): string {
  return `${ctx.siteUrl}/newsletters/unsubscribe?token=${signToken(ctx.secret, "unsubscribe", claims, now)}`;
}

export function emailHash(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
}
