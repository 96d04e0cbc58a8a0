DROP INDEX "article_tags_tag_idx";--> statement-breakpoint
DROP INDEX "articles_status_published_idx";--> statement-breakpoint
DROP INDEX "articles_section_published_idx";--> statement-breakpoint
DROP INDEX "articles_author_published_idx";--> statement-breakpoint
CREATE INDEX "article_tags_tag_article_idx" ON "article_tags" USING btree ("tag_id","article_id");--> statement-breakpoint
CREATE INDEX "articles_status_published_idx" ON "articles" USING btree ("status","published_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "articles_section_published_idx" ON "articles" USING btree ("section_id","status","published_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "articles_author_published_idx" ON "articles" USING btree ("author_id","status","published_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);