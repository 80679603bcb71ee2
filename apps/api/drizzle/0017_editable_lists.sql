CREATE TABLE "list_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"list" text NOT NULL,
	"key" text NOT NULL,
	"label_fr" text NOT NULL,
	"label_en" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"retired_at" timestamp with time zone,
	"merged_into" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "list_items_key" UNIQUE("organisation_id","list","key"),
	CONSTRAINT "list_items_list_check" CHECK ("list_items"."list" in ('resource_kind', 'donation_category', 'audience', 'tariff')),
	CONSTRAINT "list_items_merged_check" CHECK ("list_items"."merged_into" is null or "list_items"."retired_at" is not null)
);
--> statement-breakpoint
ALTER TABLE "resources" DROP CONSTRAINT "resources_kind_check";--> statement-breakpoint
ALTER TABLE "material_streams" ADD COLUMN "label_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "material_streams" ADD COLUMN "merged_into" text;--> statement-breakpoint
ALTER TABLE "event_kinds" ADD COLUMN "label_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "event_kinds" ADD COLUMN "position" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "event_kinds" ADD COLUMN "merged_into" text;--> statement-breakpoint
ALTER TABLE "list_items" ADD CONSTRAINT "list_items_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
-- The editable lists start with what the code used to fix, for every existing network.
INSERT INTO "list_items" ("organisation_id", "list", "key", "label_fr", "label_en", "position", "data")
SELECT o."id", v."list", v."key", v."label_fr", v."label_en", v."position", v."data"
FROM "organisations" o
CROSS JOIN (VALUES
  ('resource_kind', 'room', 'Salle', 'Room', 0, '{}'::jsonb),
  ('resource_kind', 'desk', 'Poste de coworking', 'Coworking desk', 1, '{}'::jsonb),
  ('resource_kind', 'equipment', 'Équipement', 'Equipment', 2, '{}'::jsonb),
  ('donation_category', 'furniture', 'Mobilier', 'Furniture', 0, '{"stream":"furniture"}'::jsonb),
  ('donation_category', 'it_equipment', 'Matériel informatique', 'IT equipment', 1, '{"stream":"weee"}'::jsonb),
  ('donation_category', 'appliances', 'Électroménager', 'Appliances', 2, '{"stream":"weee"}'::jsonb),
  ('donation_category', 'clothes', 'Vêtements et textiles', 'Clothes and textiles', 3, '{"stream":"textiles"}'::jsonb),
  ('donation_category', 'food', 'Denrées alimentaires', 'Food', 4, '{}'::jsonb),
  ('donation_category', 'building_materials', 'Matériaux de construction', 'Building materials', 5, '{"stream":"building_materials"}'::jsonb),
  ('donation_category', 'bikes', 'Vélos', 'Bikes', 6, '{"stream":"bikes"}'::jsonb),
  ('donation_category', 'books_toys', 'Livres et jouets', 'Books and toys', 7, '{}'::jsonb),
  ('donation_category', 'other', 'Autre', 'Other', 8, '{}'::jsonb),
  ('audience', 'member', 'Membre', 'Member', 0, '{}'::jsonb),
  ('audience', 'qpv_resident', 'Habitant·e d’un QPV', 'QPV resident', 1, '{}'::jsonb),
  ('audience', 'association', 'Association', 'Association', 2, '{}'::jsonb),
  ('audience', 'company', 'Entreprise', 'Company', 3, '{}'::jsonb),
  ('audience', 'centre_programme', 'Programme du centre (gratuit)', 'Centre programme (free)', 4, '{}'::jsonb),
  ('tariff', 'gratuit', 'Gratuit', 'Free', 0, '{"tariff":{"hourlyCents":{"member":0,"qpv_resident":0,"association":0,"company":0},"flatFeeCents":0}}'::jsonb)
) AS v("list", "key", "label_fr", "label_en", "position", "data")
ON CONFLICT DO NOTHING;--> statement-breakpoint
UPDATE "event_kinds" k SET "position" = s."n" - 1
FROM (SELECT "id", row_number() OVER (PARTITION BY "organisation_id" ORDER BY "created_at", "label") AS "n" FROM "event_kinds") s
WHERE s."id" = k."id";
