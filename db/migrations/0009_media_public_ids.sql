ALTER TABLE "media" ADD COLUMN "public_id" text DEFAULT replace(gen_random_uuid()::text, '-', '') NOT NULL;--> statement-breakpoint
CREATE INDEX "articles_hero_image_url_idx" ON "articles" USING btree ("hero_image_url") WHERE "articles"."hero_image_url" is not null;--> statement-breakpoint
ALTER TABLE "media" ADD CONSTRAINT "media_public_id_unique" UNIQUE("public_id");