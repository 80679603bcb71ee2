CREATE TABLE "coworking_check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pass_id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	"resource_id" uuid,
	"day" date NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "coworking_check_ins_pass_day" UNIQUE("pass_id","day")
);
--> statement-breakpoint
CREATE TABLE "coworking_passes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"centre_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"holder_name" text NOT NULL,
	"holder_email" text,
	"search_key" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	"days_total" integer,
	"days_used" integer DEFAULT 0 NOT NULL,
	"price_cents" integer NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coworking_passes_kind_check" CHECK ("coworking_passes"."kind" in ('day', 'carnet10', 'monthly')),
	CONSTRAINT "coworking_passes_days_check" CHECK ("coworking_passes"."days_used" >= 0 and ("coworking_passes"."days_total" is null or "coworking_passes"."days_used" <= "coworking_passes"."days_total")),
	CONSTRAINT "coworking_passes_price_check" CHECK ("coworking_passes"."price_cents" >= 0),
	CONSTRAINT "coworking_passes_validity_check" CHECK ("coworking_passes"."valid_until" >= "coworking_passes"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "event_bookings" (
	"event_id" uuid NOT NULL,
	"booking_id" uuid NOT NULL,
	CONSTRAINT "event_bookings_booking_id_pk" PRIMARY KEY("booking_id")
);
--> statement-breakpoint
CREATE TABLE "event_kinds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_kinds_organisation_key" UNIQUE("organisation_id","key")
);
--> statement-breakpoint
CREATE TABLE "event_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"seats" integer DEFAULT 1 NOT NULL,
	"status" text NOT NULL,
	"attendance" text,
	"source" text NOT NULL,
	"cancel_token_hash" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"promoted_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "event_registrations_cancel_token_hash_unique" UNIQUE("cancel_token_hash"),
	CONSTRAINT "event_registrations_seats_check" CHECK ("event_registrations"."seats" between 1 and 10),
	CONSTRAINT "event_registrations_status_check" CHECK ("event_registrations"."status" in ('registered', 'waitlisted', 'cancelled')),
	CONSTRAINT "event_registrations_attendance_check" CHECK ("event_registrations"."attendance" is null or ("event_registrations"."attendance" in ('present', 'absent') and "event_registrations"."status" = 'registered')),
	CONSTRAINT "event_registrations_source_check" CHECK ("event_registrations"."source" in ('public', 'staff'))
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"centre_id" uuid NOT NULL,
	"kind_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"capacity" integer NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"registration_open" boolean DEFAULT true NOT NULL,
	"partner_id" uuid,
	"basic_needs" text[] DEFAULT '{}'::text[] NOT NULL,
	"anonymous_headcount" integer DEFAULT 0 NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"cancel_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_capacity_check" CHECK ("events"."capacity" >= 1),
	CONSTRAINT "events_headcount_check" CHECK ("events"."anonymous_headcount" >= 0),
	CONSTRAINT "events_status_check" CHECK ("events"."status" in ('scheduled', 'cancelled')),
	CONSTRAINT "events_time_check" CHECK ("events"."ends_at" > "events"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "coworking_check_ins" ADD CONSTRAINT "coworking_check_ins_pass_id_coworking_passes_id_fk" FOREIGN KEY ("pass_id") REFERENCES "public"."coworking_passes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coworking_check_ins" ADD CONSTRAINT "coworking_check_ins_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coworking_check_ins" ADD CONSTRAINT "coworking_check_ins_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coworking_check_ins" ADD CONSTRAINT "coworking_check_ins_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coworking_passes" ADD CONSTRAINT "coworking_passes_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coworking_passes" ADD CONSTRAINT "coworking_passes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_bookings" ADD CONSTRAINT "event_bookings_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_bookings" ADD CONSTRAINT "event_bookings_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_kinds" ADD CONSTRAINT "event_kinds_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_kind_id_event_kinds_id_fk" FOREIGN KEY ("kind_id") REFERENCES "public"."event_kinds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coworking_check_ins_centre_day_idx" ON "coworking_check_ins" USING btree ("centre_id","day");--> statement-breakpoint
CREATE INDEX "coworking_passes_centre_idx" ON "coworking_passes" USING btree ("centre_id","created_at");--> statement-breakpoint
CREATE INDEX "event_bookings_event_idx" ON "event_bookings" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "event_registrations_event_idx" ON "event_registrations" USING btree ("event_id","requested_at");--> statement-breakpoint
CREATE INDEX "events_centre_time_idx" ON "events" USING btree ("centre_id","starts_at");--> statement-breakpoint
CREATE INDEX "events_public_time_idx" ON "events" USING btree ("starts_at") WHERE "events"."public";--> statement-breakpoint
INSERT INTO "event_kinds" ("organisation_id", "key", "label")
SELECT o.id, k.key, k.label FROM "organisations" o
CROSS JOIN (VALUES
  ('cafe-rencontre', 'Café de rencontre'),
  ('atelier', 'Atelier'),
  ('formation', 'Formation'),
  ('concert', 'Concert'),
  ('permanence', 'Permanence de partenaire'),
  ('specialiste', 'Visite de spécialiste ou téléconsultation'),
  ('distribution', 'Distribution')
) AS k(key, label)
ON CONFLICT DO NOTHING;
