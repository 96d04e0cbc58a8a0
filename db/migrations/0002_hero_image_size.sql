ALTER TABLE "articles" ADD COLUMN "hero_image_width" integer;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "hero_image_height" integer;