CREATE TABLE "tracking_link_clicks" (
	"link_id" uuid NOT NULL,
	"day" date NOT NULL,
	"clicks" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "tracking_link_clicks_pk" PRIMARY KEY("link_id","day")
);
--> statement-breakpoint
CREATE TABLE "tracking_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"pull_key" text NOT NULL,
	"rendition_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"territory" text NOT NULL,
	"campaign" text,
	"platform" text,
	"landing_url" text NOT NULL,
	"tracked_url" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone,
	"disabled_by" uuid
);
--> statement-breakpoint
ALTER TABLE "tracking_link_clicks" ADD CONSTRAINT "tracking_link_clicks_link_id_tracking_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."tracking_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_links" ADD CONSTRAINT "tracking_links_rendition_id_renditions_id_fk" FOREIGN KEY ("rendition_id") REFERENCES "public"."renditions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_links" ADD CONSTRAINT "tracking_links_created_by_api_keys_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_links" ADD CONSTRAINT "tracking_links_disabled_by_api_keys_id_fk" FOREIGN KEY ("disabled_by") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tracking_link_clicks_day_idx" ON "tracking_link_clicks" USING btree ("day");--> statement-breakpoint
CREATE UNIQUE INDEX "tracking_links_code_unique" ON "tracking_links" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "tracking_links_live_pull_key_unique" ON "tracking_links" USING btree ("pull_key") WHERE "tracking_links"."disabled_at" is null;--> statement-breakpoint
CREATE INDEX "tracking_links_rendition_idx" ON "tracking_links" USING btree ("rendition_id","created_at");--> statement-breakpoint
CREATE INDEX "tracking_links_created_idx" ON "tracking_links" USING btree ("created_at","id");