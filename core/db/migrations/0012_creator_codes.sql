CREATE TABLE "creator_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"creator_id" uuid NOT NULL,
	"code" text NOT NULL,
	"campaign" text,
	"discount" jsonb,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deactivated_at" timestamp with time zone,
	"deactivated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "creator_codes" ADD CONSTRAINT "creator_codes_creator_id_creators_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."creators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "creator_codes" ADD CONSTRAINT "creator_codes_created_by_api_keys_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "creator_codes" ADD CONSTRAINT "creator_codes_deactivated_by_api_keys_id_fk" FOREIGN KEY ("deactivated_by") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "creator_codes_code_unique" ON "creator_codes" USING btree ("code");--> statement-breakpoint
CREATE INDEX "creator_codes_creator_idx" ON "creator_codes" USING btree ("creator_id","created_at");--> statement-breakpoint
CREATE INDEX "creator_codes_created_idx" ON "creator_codes" USING btree ("created_at","id");