CREATE TABLE "reads_hourly" (
	"page" text NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"article_id" integer,
	"views" integer DEFAULT 0 NOT NULL,
	"from_search" integer DEFAULT 0 NOT NULL,
	"from_social" integer DEFAULT 0 NOT NULL,
	"from_newsletter" integer DEFAULT 0 NOT NULL,
	"from_aggregator" integer DEFAULT 0 NOT NULL,
	"from_internal" integer DEFAULT 0 NOT NULL,
	"from_direct" integer DEFAULT 0 NOT NULL,
	"from_other" integer DEFAULT 0 NOT NULL,
	"mobile" integer DEFAULT 0 NOT NULL,
	"desktop" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "reads_hourly_page_hour_pk" PRIMARY KEY("page","hour")
);
--> statement-breakpoint
ALTER TABLE "reads_hourly" ADD CONSTRAINT "reads_hourly_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reads_hourly_hour_idx" ON "reads_hourly" USING btree ("hour");--> statement-breakpoint
CREATE INDEX "reads_hourly_article_hour_idx" ON "reads_hourly" USING btree ("article_id","hour");