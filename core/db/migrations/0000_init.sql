CREATE TYPE "public"."api_key_role" AS ENUM('admin', 'content_manager', 'performance', 'viewer');--> statement-breakpoint
CREATE TYPE "public"."asset_kind" AS ENUM('image', 'video');--> statement-breakpoint
CREATE TYPE "public"."asset_status" AS ENUM('uploaded', 'processing', 'ready', 'failed');--> statement-breakpoint
CREATE TYPE "public"."rendition_kind" AS ENUM('image', 'crop', 'poster', 'preview', 'cut');--> statement-breakpoint
CREATE TYPE "public"."license_notification_kind" AS ENUM('expiring_30', 'expiring_7', 'expiring_1', 'expired');--> statement-breakpoint
CREATE TYPE "public"."license_status" AS ENUM('draft', 'active', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."usage_outcome" AS ENUM('granted', 'refused');--> statement-breakpoint
CREATE TYPE "public"."comment_sentiment" AS ENUM('negative', 'neutral', 'positive', 'mixed');--> statement-breakpoint
CREATE TYPE "public"."comment_topic" AS ENUM('shipping', 'price', 'size_fit', 'material', 'availability', 'usage', 'quality', 'returns', 'compatibility', 'other');--> statement-breakpoint
CREATE TYPE "public"."faq_status" AS ENUM('draft', 'approved', 'published');--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"role" "api_key_role" NOT NULL,
	"key_hash" text NOT NULL,
	"key_prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "creators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"handle" text NOT NULL,
	"platform" text NOT NULL,
	"followers" integer NOT NULL,
	"engagement_rate" real,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "creators_platform_handle_unique" UNIQUE("platform","handle")
);
--> statement-breakpoint
CREATE TABLE "asset_products" (
	"asset_id" uuid NOT NULL,
	"sku" text NOT NULL,
	CONSTRAINT "asset_products_asset_id_sku_pk" PRIMARY KEY("asset_id","sku")
);
--> statement-breakpoint
CREATE TABLE "assets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"creator_id" uuid NOT NULL,
	"kind" "asset_kind" NOT NULL,
	"status" "asset_status" DEFAULT 'uploaded' NOT NULL,
	"error" text,
	"title" text,
	"source_url" text,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"original_filename" text,
	"mime_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"width" integer,
	"height" integer,
	"duration_s" real,
	"frame_rate" real,
	"video_codec" text,
	"audio_codec" text,
	"has_audio" boolean,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assets_sha256_unique" UNIQUE("sha256")
);
--> statement-breakpoint
CREATE TABLE "renditions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"asset_id" uuid NOT NULL,
	"kind" "rendition_kind" NOT NULL,
	"spec" jsonb NOT NULL,
	"spec_hash" text NOT NULL,
	"format" text NOT NULL,
	"width" integer,
	"height" integer,
	"duration_s" real,
	"size_bytes" bigint NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "renditions_asset_kind_spec_unique" UNIQUE("asset_id","kind","spec_hash")
);
--> statement-breakpoint
CREATE TABLE "license_assets" (
	"license_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	CONSTRAINT "license_assets_license_id_asset_id_pk" PRIMARY KEY("license_id","asset_id")
);
--> statement-breakpoint
CREATE TABLE "license_notifications" (
	"license_id" uuid NOT NULL,
	"kind" "license_notification_kind" NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "license_notifications_license_id_kind_pk" PRIMARY KEY("license_id","kind")
);
--> statement-breakpoint
CREATE TABLE "licenses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"creator_id" uuid,
	"territories" text[] NOT NULL,
	"excluded_territories" text[] DEFAULT '{}' NOT NULL,
	"channels" text[] NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"derivatives_allowed" boolean NOT NULL,
	"exclusivity" jsonb,
	"fee_amount" numeric,
	"fee_currency" char(3),
	"disclosure_required" boolean DEFAULT false NOT NULL,
	"attribution_required" boolean DEFAULT false NOT NULL,
	"contract_storage_key" text,
	"contract_filename" text,
	"notes" text,
	"status" "license_status" NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "licenses_period_check" CHECK ("licenses"."ends_at" is null or "licenses"."ends_at" >= "licenses"."starts_at"),
	CONSTRAINT "licenses_fee_check" CHECK (("licenses"."fee_amount" is null) = ("licenses"."fee_currency" is null) and "licenses"."fee_amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "usages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"outcome" "usage_outcome" NOT NULL,
	"reasons" text[] DEFAULT '{}' NOT NULL,
	"api_key_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"rendition_id" uuid,
	"license_id" uuid,
	"channel" text NOT NULL,
	"territory" text NOT NULL,
	"campaign" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"actor_key_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comment_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"comment_id" uuid NOT NULL,
	"topic" "comment_topic",
	"sentiment" "comment_sentiment",
	"is_question" boolean,
	"spam" boolean,
	"actor_key_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"platform" text NOT NULL,
	"external_id" text NOT NULL,
	"text" text NOT NULL,
	"author" text,
	"posted_at" timestamp with time zone,
	"asset_id" uuid,
	"product_sku" text,
	"lang" text,
	"sentiment" "comment_sentiment",
	"sentiment_scores" jsonb,
	"is_question" boolean,
	"question_score" real,
	"topic" "comment_topic",
	"topic_scores" jsonb,
	"spam" boolean,
	"spam_score" real,
	"substantive" boolean,
	"substantive_score" real,
	"model_version" text,
	"classified_at" timestamp with time zone,
	"faq_entry_id" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "comments_platform_external_id_unique" UNIQUE("platform","external_id")
);
--> statement-breakpoint
CREATE TABLE "faq_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_sku" text NOT NULL,
	"topic" "comment_topic" NOT NULL,
	"question" text NOT NULL,
	"answer" text,
	"status" "faq_status" DEFAULT 'draft' NOT NULL,
	"comment_count" integer DEFAULT 0 NOT NULL,
	"examples" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"centroid" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"webhook_id" uuid NOT NULL,
	"event" text NOT NULL,
	"payload" jsonb NOT NULL,
	"attempt" integer NOT NULL,
	"status_code" integer,
	"error" text,
	"duration_ms" integer NOT NULL,
	"delivered" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhooks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"url" text NOT NULL,
	"events" text[] NOT NULL,
	"secret" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "asset_products" ADD CONSTRAINT "asset_products_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_creator_id_creators_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."creators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renditions" ADD CONSTRAINT "renditions_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_assets" ADD CONSTRAINT "license_assets_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_assets" ADD CONSTRAINT "license_assets_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_notifications" ADD CONSTRAINT "license_notifications_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_creator_id_creators_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."creators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usages" ADD CONSTRAINT "usages_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usages" ADD CONSTRAINT "usages_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usages" ADD CONSTRAINT "usages_rendition_id_renditions_id_fk" FOREIGN KEY ("rendition_id") REFERENCES "public"."renditions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usages" ADD CONSTRAINT "usages_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_key_id_api_keys_id_fk" FOREIGN KEY ("actor_key_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_corrections" ADD CONSTRAINT "comment_corrections_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_corrections" ADD CONSTRAINT "comment_corrections_actor_key_id_api_keys_id_fk" FOREIGN KEY ("actor_key_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_faq_entry_id_faq_entries_id_fk" FOREIGN KEY ("faq_entry_id") REFERENCES "public"."faq_entries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_webhook_id_webhooks_id_fk" FOREIGN KEY ("webhook_id") REFERENCES "public"."webhooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "asset_products_sku_idx" ON "asset_products" USING btree ("sku");--> statement-breakpoint
CREATE INDEX "assets_creator_id_idx" ON "assets" USING btree ("creator_id");--> statement-breakpoint
CREATE INDEX "assets_created_at_id_idx" ON "assets" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "license_assets_asset_id_idx" ON "license_assets" USING btree ("asset_id");--> statement-breakpoint
CREATE INDEX "licenses_creator_id_idx" ON "licenses" USING btree ("creator_id");--> statement-breakpoint
CREATE INDEX "licenses_ends_at_idx" ON "licenses" USING btree ("ends_at");--> statement-breakpoint
CREATE INDEX "usages_asset_id_idx" ON "usages" USING btree ("asset_id","at");--> statement-breakpoint
CREATE INDEX "usages_license_id_idx" ON "usages" USING btree ("license_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "comment_corrections_comment_id_idx" ON "comment_corrections" USING btree ("comment_id","created_at");--> statement-breakpoint
CREATE INDEX "comments_product_sku_idx" ON "comments" USING btree ("product_sku");--> statement-breakpoint
CREATE INDEX "comments_topic_idx" ON "comments" USING btree ("topic");--> statement-breakpoint
CREATE INDEX "comments_faq_entry_id_idx" ON "comments" USING btree ("faq_entry_id");--> statement-breakpoint
CREATE INDEX "faq_entries_product_sku_status_idx" ON "faq_entries" USING btree ("product_sku","status");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_webhook_id_idx" ON "webhook_deliveries" USING btree ("webhook_id","at");