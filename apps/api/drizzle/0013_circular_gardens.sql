CREATE TABLE "circular_inflows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"occurred_on" date NOT NULL,
	"centre_id" uuid NOT NULL,
	"stream_id" uuid NOT NULL,
	"mass_grams" bigint NOT NULL,
	"measurement" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"origin" text NOT NULL,
	"donation_id" uuid,
	CONSTRAINT "circular_inflows_mass_check" CHECK ("circular_inflows"."mass_grams" > 0),
	CONSTRAINT "circular_inflows_measurement_check" CHECK ("circular_inflows"."measurement" in ('weighed', 'estimated')),
	CONSTRAINT "circular_inflows_origin_check" CHECK ("circular_inflows"."origin" in ('collection', 'drop_off', 'donation', 'garden')),
	CONSTRAINT "circular_inflows_donation_check" CHECK (("circular_inflows"."origin" = 'donation') = ("circular_inflows"."donation_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "material_streams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"family" text NOT NULL,
	"rep_stream" text,
	"waste_code" text,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 100 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "material_streams_waste_code_check" CHECK ("material_streams"."waste_code" ~ '^[0-9]{2} [0-9]{2} [0-9]{2}$')
);
--> statement-breakpoint
CREATE TABLE "circular_outflows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"occurred_on" date NOT NULL,
	"centre_id" uuid NOT NULL,
	"stream_id" uuid NOT NULL,
	"mass_grams" bigint NOT NULL,
	"measurement" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"facility_id" uuid NOT NULL,
	"treatment" text NOT NULL,
	"operation_code" text,
	"transporter" text,
	"tracking_ref" text,
	CONSTRAINT "circular_outflows_mass_check" CHECK ("circular_outflows"."mass_grams" > 0),
	CONSTRAINT "circular_outflows_measurement_check" CHECK ("circular_outflows"."measurement" in ('weighed', 'estimated')),
	CONSTRAINT "circular_outflows_treatment_check" CHECK ("circular_outflows"."treatment" in ('reuse', 'recycling', 'energy_recovery', 'disposal')),
	CONSTRAINT "circular_outflows_code_check" CHECK (("circular_outflows"."treatment" = 'reuse' and "circular_outflows"."operation_code" is null) or ("circular_outflows"."treatment" <> 'reuse' and "circular_outflows"."operation_code" ~ '^(R([1-9]|1[0-3])|D([1-9]|1[0-5]))$'))
);
--> statement-breakpoint
CREATE TABLE "circular_reuses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"occurred_on" date NOT NULL,
	"centre_id" uuid NOT NULL,
	"stream_id" uuid NOT NULL,
	"mass_grams" bigint NOT NULL,
	"measurement" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"item_count" integer NOT NULL,
	CONSTRAINT "circular_reuses_mass_check" CHECK ("circular_reuses"."mass_grams" > 0),
	CONSTRAINT "circular_reuses_count_check" CHECK ("circular_reuses"."item_count" > 0),
	CONSTRAINT "circular_reuses_kind_check" CHECK ("circular_reuses"."kind" in ('repaired', 'sorted')),
	CONSTRAINT "circular_reuses_measurement_check" CHECK ("circular_reuses"."measurement" in ('weighed', 'estimated'))
);
--> statement-breakpoint
CREATE TABLE "stream_stocks" (
	"centre_id" uuid NOT NULL,
	"stream_id" uuid NOT NULL,
	"stock_grams" bigint DEFAULT 0 NOT NULL,
	"last_movement_on" date,
	CONSTRAINT "stream_stocks_centre_id_stream_id_pk" PRIMARY KEY("centre_id","stream_id"),
	CONSTRAINT "stream_stocks_non_negative_check" CHECK ("stream_stocks"."stock_grams" >= 0)
);
--> statement-breakpoint
CREATE TABLE "waste_facilities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"siret" text NOT NULL,
	"address_line" text NOT NULL,
	"postcode" text NOT NULL,
	"city" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waste_facilities_siret_check" CHECK ("waste_facilities"."siret" ~ '^[0-9]{14}$')
);
--> statement-breakpoint
CREATE TABLE "compost_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"garden_id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	"stream_id" uuid NOT NULL,
	"started_on" date NOT NULL,
	"input_grams" bigint NOT NULL,
	"measurement" text NOT NULL,
	"ready_on" date,
	"compost_grams" bigint,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compost_batches_input_check" CHECK ("compost_batches"."input_grams" > 0),
	CONSTRAINT "compost_batches_output_check" CHECK ("compost_batches"."compost_grams" is null or "compost_batches"."compost_grams" >= 0),
	CONSTRAINT "compost_batches_ready_check" CHECK ("compost_batches"."ready_on" is null or "compost_batches"."ready_on" >= "compost_batches"."started_on")
);
--> statement-breakpoint
CREATE TABLE "garden_waiting_list" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"garden_id" uuid NOT NULL,
	"gardener_id" uuid NOT NULL,
	"requested_on" date NOT NULL,
	"note" text,
	"status" text DEFAULT 'waiting' NOT NULL,
	"assignment_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "garden_waiting_list_status_check" CHECK ("garden_waiting_list"."status" in ('waiting', 'assigned', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "gardeners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"centre_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gardens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"centre_id" uuid NOT NULL,
	"name" text NOT NULL,
	"area_m2" double precision NOT NULL,
	"grid_columns" integer NOT NULL,
	"grid_rows" integer NOT NULL,
	"resource_id" uuid,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gardens_area_check" CHECK ("gardens"."area_m2" > 0),
	CONSTRAINT "gardens_grid_check" CHECK ("gardens"."grid_columns" between 1 and 20 and "gardens"."grid_rows" between 1 and 20)
);
--> statement-breakpoint
CREATE TABLE "harvests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"garden_id" uuid NOT NULL,
	"plot_id" uuid,
	"gardener_id" uuid,
	"harvested_on" date NOT NULL,
	"crop" text NOT NULL,
	"grams" bigint,
	"count" integer,
	"count_unit" text,
	"destination" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "harvests_amount_check" CHECK ("harvests"."grams" >= 0 or "harvests"."count" > 0),
	CONSTRAINT "harvests_destination_check" CHECK ("harvests"."destination" in ('gardener', 'collective_distribution', 'market', 'solidarity_grocery'))
);
--> statement-breakpoint
CREATE TABLE "plot_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plot_id" uuid NOT NULL,
	"gardener_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plot_assignments_period_check" CHECK ("plot_assignments"."ends_on" is null or "plot_assignments"."ends_on" >= "plot_assignments"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "garden_plots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"garden_id" uuid NOT NULL,
	"label" text NOT NULL,
	"kind" text NOT NULL,
	"area_m2" double precision NOT NULL,
	"exposure" text NOT NULL,
	"grid_row" integer NOT NULL,
	"grid_column" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "garden_plots_kind_check" CHECK ("garden_plots"."kind" in ('individual', 'collective')),
	CONSTRAINT "garden_plots_exposure_check" CHECK ("garden_plots"."exposure" in ('sun', 'part_shade', 'shade')),
	CONSTRAINT "garden_plots_area_check" CHECK ("garden_plots"."area_m2" > 0)
);
--> statement-breakpoint
ALTER TABLE "circular_inflows" ADD CONSTRAINT "circular_inflows_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circular_inflows" ADD CONSTRAINT "circular_inflows_stream_id_material_streams_id_fk" FOREIGN KEY ("stream_id") REFERENCES "public"."material_streams"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circular_inflows" ADD CONSTRAINT "circular_inflows_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circular_inflows" ADD CONSTRAINT "circular_inflows_donation_id_donations_id_fk" FOREIGN KEY ("donation_id") REFERENCES "public"."donations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_streams" ADD CONSTRAINT "material_streams_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circular_outflows" ADD CONSTRAINT "circular_outflows_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circular_outflows" ADD CONSTRAINT "circular_outflows_stream_id_material_streams_id_fk" FOREIGN KEY ("stream_id") REFERENCES "public"."material_streams"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circular_outflows" ADD CONSTRAINT "circular_outflows_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circular_outflows" ADD CONSTRAINT "circular_outflows_facility_id_waste_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."waste_facilities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circular_reuses" ADD CONSTRAINT "circular_reuses_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circular_reuses" ADD CONSTRAINT "circular_reuses_stream_id_material_streams_id_fk" FOREIGN KEY ("stream_id") REFERENCES "public"."material_streams"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circular_reuses" ADD CONSTRAINT "circular_reuses_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stream_stocks" ADD CONSTRAINT "stream_stocks_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stream_stocks" ADD CONSTRAINT "stream_stocks_stream_id_material_streams_id_fk" FOREIGN KEY ("stream_id") REFERENCES "public"."material_streams"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waste_facilities" ADD CONSTRAINT "waste_facilities_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compost_batches" ADD CONSTRAINT "compost_batches_garden_id_gardens_id_fk" FOREIGN KEY ("garden_id") REFERENCES "public"."gardens"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compost_batches" ADD CONSTRAINT "compost_batches_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compost_batches" ADD CONSTRAINT "compost_batches_stream_id_material_streams_id_fk" FOREIGN KEY ("stream_id") REFERENCES "public"."material_streams"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compost_batches" ADD CONSTRAINT "compost_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "garden_waiting_list" ADD CONSTRAINT "garden_waiting_list_garden_id_gardens_id_fk" FOREIGN KEY ("garden_id") REFERENCES "public"."gardens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "garden_waiting_list" ADD CONSTRAINT "garden_waiting_list_gardener_id_gardeners_id_fk" FOREIGN KEY ("gardener_id") REFERENCES "public"."gardeners"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "garden_waiting_list" ADD CONSTRAINT "garden_waiting_list_assignment_id_plot_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."plot_assignments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gardeners" ADD CONSTRAINT "gardeners_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gardens" ADD CONSTRAINT "gardens_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gardens" ADD CONSTRAINT "gardens_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "harvests" ADD CONSTRAINT "harvests_garden_id_gardens_id_fk" FOREIGN KEY ("garden_id") REFERENCES "public"."gardens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "harvests" ADD CONSTRAINT "harvests_plot_id_garden_plots_id_fk" FOREIGN KEY ("plot_id") REFERENCES "public"."garden_plots"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "harvests" ADD CONSTRAINT "harvests_gardener_id_gardeners_id_fk" FOREIGN KEY ("gardener_id") REFERENCES "public"."gardeners"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "harvests" ADD CONSTRAINT "harvests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plot_assignments" ADD CONSTRAINT "plot_assignments_plot_id_garden_plots_id_fk" FOREIGN KEY ("plot_id") REFERENCES "public"."garden_plots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plot_assignments" ADD CONSTRAINT "plot_assignments_gardener_id_gardeners_id_fk" FOREIGN KEY ("gardener_id") REFERENCES "public"."gardeners"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plot_assignments" ADD CONSTRAINT "plot_assignments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "garden_plots" ADD CONSTRAINT "garden_plots_garden_id_gardens_id_fk" FOREIGN KEY ("garden_id") REFERENCES "public"."gardens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "circular_inflows_centre_date_idx" ON "circular_inflows" USING btree ("centre_id","occurred_on");--> statement-breakpoint
CREATE INDEX "circular_inflows_date_idx" ON "circular_inflows" USING btree ("occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "circular_inflows_donation_key" ON "circular_inflows" USING btree ("donation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "material_streams_code_key" ON "material_streams" USING btree ("organisation_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "material_streams_name_key" ON "material_streams" USING btree ("organisation_id","name");--> statement-breakpoint
CREATE INDEX "circular_outflows_centre_date_idx" ON "circular_outflows" USING btree ("centre_id","occurred_on");--> statement-breakpoint
CREATE INDEX "circular_outflows_date_idx" ON "circular_outflows" USING btree ("occurred_on");--> statement-breakpoint
CREATE INDEX "circular_outflows_facility_idx" ON "circular_outflows" USING btree ("facility_id");--> statement-breakpoint
CREATE INDEX "circular_reuses_centre_date_idx" ON "circular_reuses" USING btree ("centre_id","occurred_on");--> statement-breakpoint
CREATE INDEX "circular_reuses_date_idx" ON "circular_reuses" USING btree ("occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "waste_facilities_siret_key" ON "waste_facilities" USING btree ("organisation_id","siret");--> statement-breakpoint
CREATE INDEX "compost_batches_garden_idx" ON "compost_batches" USING btree ("garden_id","started_on");--> statement-breakpoint
CREATE INDEX "compost_batches_date_idx" ON "compost_batches" USING btree ("started_on");--> statement-breakpoint
CREATE INDEX "garden_waiting_list_garden_idx" ON "garden_waiting_list" USING btree ("garden_id","status","requested_on");--> statement-breakpoint
CREATE UNIQUE INDEX "garden_waiting_list_live_key" ON "garden_waiting_list" USING btree ("garden_id","gardener_id") WHERE "garden_waiting_list"."status" = 'waiting';--> statement-breakpoint
CREATE INDEX "gardeners_centre_idx" ON "gardeners" USING btree ("centre_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "gardens_name_key" ON "gardens" USING btree ("centre_id","name");--> statement-breakpoint
CREATE INDEX "harvests_garden_date_idx" ON "harvests" USING btree ("garden_id","harvested_on");--> statement-breakpoint
CREATE INDEX "plot_assignments_plot_idx" ON "plot_assignments" USING btree ("plot_id","starts_on");--> statement-breakpoint
CREATE INDEX "plot_assignments_gardener_idx" ON "plot_assignments" USING btree ("gardener_id");--> statement-breakpoint
CREATE UNIQUE INDEX "garden_plots_label_key" ON "garden_plots" USING btree ("garden_id","label");--> statement-breakpoint
CREATE UNIQUE INDEX "garden_plots_cell_key" ON "garden_plots" USING btree ("garden_id","grid_row","grid_column");