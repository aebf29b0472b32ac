CREATE TYPE "public"."request_language" AS ENUM('pl', 'en');--> statement-breakpoint
CREATE TYPE "public"."rights_request_status" AS ENUM('pending', 'accepted', 'declined', 'expired', 'cancelled');--> statement-breakpoint
CREATE TABLE "rights_request_assets" (
	"request_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	CONSTRAINT "rights_request_assets_request_id_asset_id_pk" PRIMARY KEY("request_id","asset_id")
);
--> statement-breakpoint
CREATE TABLE "rights_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"creator_id" uuid NOT NULL,
	"terms" jsonb NOT NULL,
	"message" text,
	"language" "request_language" NOT NULL,
	"reply_hashtag" text NOT NULL,
	"link_nonce" text NOT NULL,
	"status" "rights_request_status" DEFAULT 'pending' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"requested_by" uuid,
	"renews_license_id" uuid,
	"license_id" uuid,
	"evidence" jsonb,
	"decline_reason" text,
	"reminded_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "rights_request_assets" ADD CONSTRAINT "rights_request_assets_request_id_rights_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."rights_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_request_assets" ADD CONSTRAINT "rights_request_assets_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_requests" ADD CONSTRAINT "rights_requests_creator_id_creators_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."creators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_requests" ADD CONSTRAINT "rights_requests_requested_by_api_keys_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_requests" ADD CONSTRAINT "rights_requests_renews_license_id_licenses_id_fk" FOREIGN KEY ("renews_license_id") REFERENCES "public"."licenses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_requests" ADD CONSTRAINT "rights_requests_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rights_request_assets_asset_idx" ON "rights_request_assets" USING btree ("asset_id");--> statement-breakpoint
CREATE INDEX "rights_requests_creator_idx" ON "rights_requests" USING btree ("creator_id","created_at");--> statement-breakpoint
CREATE INDEX "rights_requests_status_idx" ON "rights_requests" USING btree ("status","expires_at");