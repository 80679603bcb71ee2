CREATE TABLE "circle_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"what" text,
	"owner" text,
	"due_on" date NOT NULL,
	"outcome" text,
	"note" text,
	"evaluated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "circle_agreements_outcome_check" CHECK ("circle_agreements"."outcome" is null or "circle_agreements"."outcome" in ('done', 'partly', 'not_done'))
);
--> statement-breakpoint
CREATE TABLE "circle_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"booking_id" uuid,
	"resource_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"participant_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "circle_sessions_kind_check" CHECK ("circle_sessions"."kind" in ('pre_circle', 'circle', 'post_circle')),
	CONSTRAINT "circle_sessions_status_check" CHECK ("circle_sessions"."status" in ('scheduled', 'held', 'cancelled')),
	CONSTRAINT "circle_sessions_time_check" CHECK ("circle_sessions"."ends_at" > "circle_sessions"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "circle_agreements" ADD CONSTRAINT "circle_agreements_case_id_circle_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."circle_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_sessions" ADD CONSTRAINT "circle_sessions_case_id_circle_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."circle_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_sessions" ADD CONSTRAINT "circle_sessions_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_sessions" ADD CONSTRAINT "circle_sessions_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "circle_agreements_case_idx" ON "circle_agreements" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "circle_sessions_case_idx" ON "circle_sessions" USING btree ("case_id","starts_at");