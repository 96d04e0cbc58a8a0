ALTER TABLE "articles" ADD COLUMN "body_html" text;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "body_html_version" integer;