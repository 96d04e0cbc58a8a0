ALTER TABLE "comments" ADD COLUMN "fingerprint" text;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "commenter_key_hash" text;--> statement-breakpoint
CREATE INDEX "comments_article_fingerprint_idx" ON "comments" USING btree ("article_id","fingerprint","created_at") WHERE "comments"."fingerprint" is not null;