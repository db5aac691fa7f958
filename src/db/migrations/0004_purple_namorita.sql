CREATE TABLE "acupuncture_eligibility" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"pain_onset_date" date,
	"nonspecific" boolean,
	"associated_with_surgery" boolean,
	"associated_with_pregnancy" boolean,
	"reviews" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recorded_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benefit_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"service" text NOT NULL,
	"kind" text DEFAULT 'custom' NOT NULL,
	"visit_limit" integer,
	"period_kind" text NOT NULL,
	"period_days" integer,
	"prior_auth_required" boolean DEFAULT false NOT NULL,
	"copay_note" text,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coverage_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"payer_id" uuid NOT NULL,
	"name" text NOT NULL,
	"notes" text,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patient_coverages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"member_id" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prior_authorisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"coverage_id" uuid NOT NULL,
	"service" text NOT NULL,
	"status" text NOT NULL,
	"requested_units" integer,
	"authorised_units" integer,
	"start_date" date,
	"end_date" date,
	"reference" text,
	"history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"visit_type" text NOT NULL,
	"provider_name" text NOT NULL,
	"location" text,
	"telehealth" boolean DEFAULT false NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"status" text NOT NULL,
	"notes" text,
	"reminder_task_id" uuid,
	"created_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "huddle_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"huddle_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"note" text NOT NULL,
	"decisions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "huddles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"status" text NOT NULL,
	"date" date NOT NULL,
	"appointment_date" date,
	"note" text,
	"actor" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"service" text NOT NULL,
	"receiving_provider" text,
	"urgency" text NOT NULL,
	"reason" text NOT NULL,
	"question" text NOT NULL,
	"handoff" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"sent_date" date NOT NULL,
	"status_date" date NOT NULL,
	"appointment_date" date,
	"decline_reason" text,
	"expected_wait_days" integer,
	"expected_wait_source" text NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"bridge_plan" jsonb,
	"step_task_id" uuid,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_waits" (
	"org_id" uuid NOT NULL,
	"service" text NOT NULL,
	"wait_days" integer NOT NULL,
	"note" text,
	"entered_by" uuid NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "service_waits_org_id_service_pk" PRIMARY KEY("org_id","service")
);
--> statement-breakpoint
CREATE TABLE "social_needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"active" boolean NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "benefit_rules" ADD CONSTRAINT "benefit_rules_plan_id_coverage_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."coverage_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_plans" ADD CONSTRAINT "coverage_plans_payer_id_payers_id_fk" FOREIGN KEY ("payer_id") REFERENCES "public"."payers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_coverages" ADD CONSTRAINT "patient_coverages_plan_id_coverage_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."coverage_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prior_authorisations" ADD CONSTRAINT "prior_authorisations_coverage_id_patient_coverages_id_fk" FOREIGN KEY ("coverage_id") REFERENCES "public"."patient_coverages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "huddle_notes" ADD CONSTRAINT "huddle_notes_huddle_id_huddles_id_fk" FOREIGN KEY ("huddle_id") REFERENCES "public"."huddles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "acupuncture_eligibility_patient_idx" ON "acupuncture_eligibility" USING btree ("org_id","patient_id");--> statement-breakpoint
CREATE INDEX "benefit_rules_plan_idx" ON "benefit_rules" USING btree ("org_id","plan_id");--> statement-breakpoint
CREATE INDEX "coverage_plans_payer_idx" ON "coverage_plans" USING btree ("org_id","payer_id");--> statement-breakpoint
CREATE INDEX "patient_coverages_patient_idx" ON "patient_coverages" USING btree ("org_id","patient_id");--> statement-breakpoint
CREATE INDEX "payers_org_idx" ON "payers" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "prior_authorisations_patient_idx" ON "prior_authorisations" USING btree ("org_id","patient_id");--> statement-breakpoint
CREATE INDEX "appointments_patient_idx" ON "appointments" USING btree ("org_id","patient_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_org_start_idx" ON "appointments" USING btree ("org_id","starts_at");--> statement-breakpoint
CREATE INDEX "huddle_notes_huddle_idx" ON "huddle_notes" USING btree ("huddle_id");--> statement-breakpoint
CREATE INDEX "huddle_notes_patient_idx" ON "huddle_notes" USING btree ("org_id","patient_id");--> statement-breakpoint
CREATE INDEX "huddles_org_idx" ON "huddles" USING btree ("org_id","held_on");--> statement-breakpoint
CREATE INDEX "referral_events_referral_idx" ON "referral_events" USING btree ("referral_id","recorded_at");--> statement-breakpoint
CREATE INDEX "referrals_patient_idx" ON "referrals" USING btree ("org_id","patient_id");--> statement-breakpoint
CREATE INDEX "referrals_org_service_idx" ON "referrals" USING btree ("org_id","service","sent_date");--> statement-breakpoint
CREATE UNIQUE INDEX "social_needs_patient_kind_unique" ON "social_needs" USING btree ("org_id","patient_id","kind");