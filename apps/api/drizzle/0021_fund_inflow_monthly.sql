CREATE TABLE "fund_inflow_monthly" (
	"organisation_id" uuid NOT NULL,
	"month" date NOT NULL,
	"flow" text NOT NULL,
	"donor_id" uuid,
	"entries" integer NOT NULL,
	"amount_cents" bigint NOT NULL,
	CONSTRAINT "fund_inflow_monthly_key" UNIQUE NULLS NOT DISTINCT("organisation_id","month","flow","donor_id"),
	CONSTRAINT "fund_inflow_monthly_flow_check" CHECK ("fund_inflow_monthly"."flow" in ('money', 'grant'))
);
