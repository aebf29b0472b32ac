ALTER TABLE "creators" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "notes" text;