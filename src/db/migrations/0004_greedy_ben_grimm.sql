CREATE TABLE "clinic_opioid_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "medication_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"ingredient_code" text NOT NULL,
	"ingredient_name" text NOT NULL,
	"ingredients" jsonb NOT NULL,
	"form" text NOT NULL,
	"release" text DEFAULT 'immediate' NOT NULL,
	"route" text,
	"dosage" jsonb NOT NULL,
	"directions_text" text,
	"days_supply" integer,
	"prescriber" text,
	"pharmacy" text,
	"start_date" date,
	"end_date" date,
	"status" text NOT NULL,
	"indication" text DEFAULT 'pain' NOT NULL,
	"increased_on" date,
	"stop_reason" text,
	"source" text NOT NULL,
	"source_id" text,
	"created_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opioid_abrupt_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"order_id" uuid,
	"taper_plan_id" uuid,
	"reason" text NOT NULL,
	"detection" jsonb NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opioid_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"reviewed_on" date NOT NULL,
	"reviewed_by" text NOT NULL,
	"note" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opioid_risk_histories" (
	"patient_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"history" jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pdmp_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"checked_on" date NOT NULL,
	"checked_by" text NOT NULL,
	"checked_by_name" text NOT NULL,
	"findings" text NOT NULL,
	"needs_discussion" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "taper_actual_doses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"taper_plan_id" uuid NOT NULL,
	"taken_on" date NOT NULL,
	"mme_per_day" double precision NOT NULL,
	"note" text,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "taper_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"status" text NOT NULL,
	"start_date" date NOT NULL,
	"duration_of_use_days" integer NOT NULL,
	"pace" jsonb NOT NULL,
	"pauses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"order_ids" jsonb NOT NULL,
	"plan" jsonb NOT NULL,
	"patient_agreement" text NOT NULL,
	"naloxone_offered" boolean NOT NULL,
	"life_threatening_reason" text,
	"created_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "urine_drug_tests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"collected_on" date NOT NULL,
	"method" text NOT NULL,
	"results" jsonb NOT NULL,
	"notes" text,
	"reconciliation" jsonb NOT NULL,
	"conversation_task_id" uuid,
	"entered_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "opioid_abrupt_changes" ADD CONSTRAINT "opioid_abrupt_changes_order_id_medication_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."medication_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opioid_abrupt_changes" ADD CONSTRAINT "opioid_abrupt_changes_taper_plan_id_taper_plans_id_fk" FOREIGN KEY ("taper_plan_id") REFERENCES "public"."taper_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taper_actual_doses" ADD CONSTRAINT "taper_actual_doses_taper_plan_id_taper_plans_id_fk" FOREIGN KEY ("taper_plan_id") REFERENCES "public"."taper_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "medication_orders_patient_idx" ON "medication_orders" USING btree ("org_id","patient_id","status");--> statement-breakpoint
CREATE INDEX "medication_orders_ingredient_idx" ON "medication_orders" USING btree ("org_id","patient_id","ingredient_code");--> statement-breakpoint
CREATE INDEX "opioid_abrupt_changes_org_idx" ON "opioid_abrupt_changes" USING btree ("org_id","recorded_at");--> statement-breakpoint
CREATE INDEX "opioid_abrupt_changes_patient_idx" ON "opioid_abrupt_changes" USING btree ("org_id","patient_id");--> statement-breakpoint
CREATE INDEX "opioid_reviews_patient_idx" ON "opioid_reviews" USING btree ("org_id","patient_id","reviewed_on");--> statement-breakpoint
CREATE INDEX "pdmp_checks_patient_idx" ON "pdmp_checks" USING btree ("org_id","patient_id","checked_on");--> statement-breakpoint
CREATE INDEX "taper_actual_doses_plan_idx" ON "taper_actual_doses" USING btree ("taper_plan_id","taken_on");--> statement-breakpoint
CREATE INDEX "taper_plans_patient_idx" ON "taper_plans" USING btree ("org_id","patient_id","start_date");--> statement-breakpoint
CREATE INDEX "urine_drug_tests_patient_idx" ON "urine_drug_tests" USING btree ("org_id","patient_id","collected_on");