CREATE TABLE "reply_alert_addresses" (
	"email_hash" text PRIMARY KEY NOT NULL,
	"confirmed_at" timestamp with time zone,
	"stopped_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reply_alerts" (
	"reply_id" integer PRIMARY KEY NOT NULL,
	"parent_id" integer NOT NULL,
	"outcome" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "notify_replies" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "reply_alerts" ADD CONSTRAINT "reply_alerts_reply_id_comments_id_fk" FOREIGN KEY ("reply_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_alerts" ADD CONSTRAINT "reply_alerts_parent_id_comments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reply_alerts_parent_idx" ON "reply_alerts" USING btree ("parent_id");