ALTER TABLE "faq_entries" ADD COLUMN "lang" text;--> statement-breakpoint
ALTER TABLE "faq_entries" ADD COLUMN "dismissed_at" timestamp with time zone;--> statement-breakpoint
-- Older entries take the language most of their questions are in; new questions join entries of their own language only.
UPDATE "faq_entries" AS e SET "lang" = (
  SELECT coalesce(c."lang", 'other') FROM "comments" AS c WHERE c."faq_entry_id" = e."id"
  GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1
);
