CREATE TABLE "booking_monthly" (
	"month" date NOT NULL,
	"centre_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"bookings" integer NOT NULL,
	"seconds" bigint NOT NULL,
	CONSTRAINT "booking_monthly_key" UNIQUE("month","centre_id","resource_id")
);
--> statement-breakpoint
CREATE INDEX "booking_monthly_empty_idx" ON "booking_monthly" USING btree ("month") WHERE "booking_monthly"."bookings" = 0;