ALTER TABLE "articles" ADD COLUMN "body_media" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "articles_body_media_idx" ON "articles" USING gin ("body_media");