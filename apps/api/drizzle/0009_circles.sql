CREATE TABLE "circle_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"centre_id" uuid NOT NULL,
	"description" text,
	"stage" text DEFAULT 'intake' NOT NULL,
	"abandon_reason" text,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"stage_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"purged_at" timestamp with time zone,
	"created_by" uuid,
	CONSTRAINT "circle_cases_reference_unique" UNIQUE("reference"),
	CONSTRAINT "circle_cases_stage_check" CHECK ("circle_cases"."stage" in ('intake', 'pre_circles', 'circle', 'post_circle', 'closed', 'abandoned')),
	CONSTRAINT "circle_cases_closed_check" CHECK (("circle_cases"."stage" in ('closed', 'abandoned')) = ("circle_cases"."closed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "circle_facilitators" (
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "circle_facilitators_case_id_user_id_pk" PRIMARY KEY("case_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "circle_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"pseudonym" text NOT NULL,
	"role" text NOT NULL,
	"invited_by" text,
	"consent" text DEFAULT 'invited' NOT NULL,
	"consent_at" timestamp with time zone,
	"consent_recorded_by" uuid,
	"contact" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "circle_participants_case_pseudonym" UNIQUE("case_id","pseudonym"),
	CONSTRAINT "circle_participants_role_check" CHECK ("circle_participants"."role" in ('author', 'receiver', 'community')),
	CONSTRAINT "circle_participants_consent_check" CHECK ("circle_participants"."consent" in ('invited', 'consented', 'declined'))
);
--> statement-breakpoint
ALTER TABLE "circle_cases" ADD CONSTRAINT "circle_cases_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_cases" ADD CONSTRAINT "circle_cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_facilitators" ADD CONSTRAINT "circle_facilitators_case_id_circle_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."circle_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_facilitators" ADD CONSTRAINT "circle_facilitators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_participants" ADD CONSTRAINT "circle_participants_case_id_circle_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."circle_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_participants" ADD CONSTRAINT "circle_participants_consent_recorded_by_users_id_fk" FOREIGN KEY ("consent_recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "circle_cases_centre_idx" ON "circle_cases" USING btree ("centre_id","opened_at");--> statement-breakpoint
CREATE INDEX "circle_facilitators_user_idx" ON "circle_facilitators" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "circle_participants_case_idx" ON "circle_participants" USING btree ("case_id");