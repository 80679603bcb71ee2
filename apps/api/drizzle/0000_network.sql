CREATE TABLE "centre_closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"centre_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "centre_closures_centre_period_key" UNIQUE("centre_id","starts_on","ends_on"),
	CONSTRAINT "centre_closures_order_check" CHECK ("centre_closures"."starts_on" <= "centre_closures"."ends_on")
);
--> statement-breakpoint
CREATE TABLE "centre_opening_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"centre_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"opens" time NOT NULL,
	"closes" time NOT NULL,
	CONSTRAINT "centre_opening_hours_weekday_check" CHECK ("centre_opening_hours"."weekday" between 1 and 7),
	CONSTRAINT "centre_opening_hours_order_check" CHECK ("centre_opening_hours"."opens" < "centre_opening_hours"."closes")
);
--> statement-breakpoint
CREATE TABLE "centres" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"commune" text NOT NULL,
	"qpv" text,
	"street" text NOT NULL,
	"postal_code" text NOT NULL,
	"city" text NOT NULL,
	"time_zone" text DEFAULT 'America/Cayenne' NOT NULL,
	"phone" text,
	"email" text,
	"search_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "centres_organisation_slug_key" UNIQUE("organisation_id","slug")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "partner_centres" (
	"partner_id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	CONSTRAINT "partner_centres_partner_id_centre_id_pk" PRIMARY KEY("partner_id","centre_id")
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"website" text,
	"search_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partners_organisation_slug_key" UNIQUE("organisation_id","slug"),
	CONSTRAINT "partners_kind_check" CHECK ("partners"."kind" in ('association', 'public_body', 'company', 'foundation'))
);
--> statement-breakpoint
ALTER TABLE "centre_closures" ADD CONSTRAINT "centre_closures_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centre_opening_hours" ADD CONSTRAINT "centre_opening_hours_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centres" ADD CONSTRAINT "centres_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_centres" ADD CONSTRAINT "partner_centres_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_centres" ADD CONSTRAINT "partner_centres_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "centre_opening_hours_centre_idx" ON "centre_opening_hours" USING btree ("centre_id","weekday","opens");--> statement-breakpoint
CREATE INDEX "centres_organisation_name_idx" ON "centres" USING btree ("organisation_id","name");--> statement-breakpoint
CREATE INDEX "partner_centres_centre_idx" ON "partner_centres" USING btree ("centre_id");