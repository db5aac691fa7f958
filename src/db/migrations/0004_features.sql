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
CREATE TABLE "care_plan_checkpoints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"care_plan_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"task_id" uuid,
	"status" text NOT NULL,
	"decision" text,
	"decision_detail" jsonb,
	"summary" jsonb,
	"plan_version" integer,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_plan_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"care_plan_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"change_note" text,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"content" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"updated_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_plan_flares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"care_plan_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"baseline_symptom_score" double precision NOT NULL,
	"peak_symptom_score" double precision NOT NULL,
	"settled_at" timestamp with time zone,
	"symptom_score_after" double precision,
	"trigger" text,
	"reported_by" text NOT NULL,
	"recorded_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_plan_progress_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"care_plan_id" uuid NOT NULL,
	"reported_on" date NOT NULL,
	"after_session_id" uuid,
	"relief_window_days" double precision,
	"goal_scores" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"symptom_score" double precision,
	"note" text,
	"reported_by" text NOT NULL,
	"reported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "therapy_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"care_plan_id" uuid NOT NULL,
	"session_date" date NOT NULL,
	"modalities" jsonb NOT NULL,
	"passive_percent" integer NOT NULL,
	"soreness" jsonb,
	"relief_window_days_reported" double precision,
	"goal_scores" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"symptom_score" double precision,
	"precipitating_event" text,
	"note" text,
	"recorded_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"version_number" integer NOT NULL,
	"question" text NOT NULL,
	"asked_by" uuid NOT NULL,
	"asked_by_name" text NOT NULL,
	"asked_at" timestamp with time zone NOT NULL,
	"answer" text,
	"answered_by" uuid,
	"answered_by_name" text,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "agreement_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"version_number" integer NOT NULL,
	"signer_role" text NOT NULL,
	"signer_user_id" uuid NOT NULL,
	"signer_name" text NOT NULL,
	"text_hash" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"body" text NOT NULL,
	"reading_grade" double precision,
	"is_default" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"updated_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"text_hash" text NOT NULL,
	"reading_grade" double precision,
	"goals" jsonb NOT NULL,
	"reason" text,
	"created_by" text NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "concerns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"details" text NOT NULL,
	"status" text NOT NULL,
	"conversations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"plan" jsonb,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	"created_by" text NOT NULL,
	"created_by_name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patient_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"template_id" uuid,
	"current_version" integer NOT NULL,
	"review_date" date NOT NULL,
	"review_task_id" uuid,
	"goals_source" text NOT NULL,
	"created_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "language_flag_counts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"patient_id" uuid,
	"source" text NOT NULL,
	"source_id" text NOT NULL,
	"count" integer NOT NULL,
	"row_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"terms_version" text NOT NULL,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "language_term_lists" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"terms" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
ALTER TABLE "opioid_abrupt_changes" ADD CONSTRAINT "opioid_abrupt_changes_order_id_medication_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."medication_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opioid_abrupt_changes" ADD CONSTRAINT "opioid_abrupt_changes_taper_plan_id_taper_plans_id_fk" FOREIGN KEY ("taper_plan_id") REFERENCES "public"."taper_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taper_actual_doses" ADD CONSTRAINT "taper_actual_doses_taper_plan_id_taper_plans_id_fk" FOREIGN KEY ("taper_plan_id") REFERENCES "public"."taper_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan_checkpoints" ADD CONSTRAINT "care_plan_checkpoints_care_plan_id_care_plans_id_fk" FOREIGN KEY ("care_plan_id") REFERENCES "public"."care_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan_versions" ADD CONSTRAINT "care_plan_versions_care_plan_id_care_plans_id_fk" FOREIGN KEY ("care_plan_id") REFERENCES "public"."care_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan_flares" ADD CONSTRAINT "care_plan_flares_care_plan_id_care_plans_id_fk" FOREIGN KEY ("care_plan_id") REFERENCES "public"."care_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan_progress_reports" ADD CONSTRAINT "care_plan_progress_reports_care_plan_id_care_plans_id_fk" FOREIGN KEY ("care_plan_id") REFERENCES "public"."care_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan_progress_reports" ADD CONSTRAINT "care_plan_progress_reports_after_session_id_therapy_sessions_id_fk" FOREIGN KEY ("after_session_id") REFERENCES "public"."therapy_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapy_sessions" ADD CONSTRAINT "therapy_sessions_care_plan_id_care_plans_id_fk" FOREIGN KEY ("care_plan_id") REFERENCES "public"."care_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_questions" ADD CONSTRAINT "agreement_questions_agreement_id_patient_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."patient_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_signatures" ADD CONSTRAINT "agreement_signatures_agreement_id_patient_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."patient_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD CONSTRAINT "agreement_versions_agreement_id_patient_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."patient_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_agreements" ADD CONSTRAINT "patient_agreements_template_id_agreement_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."agreement_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_rules" ADD CONSTRAINT "benefit_rules_plan_id_coverage_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."coverage_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_plans" ADD CONSTRAINT "coverage_plans_payer_id_payers_id_fk" FOREIGN KEY ("payer_id") REFERENCES "public"."payers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_coverages" ADD CONSTRAINT "patient_coverages_plan_id_coverage_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."coverage_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prior_authorisations" ADD CONSTRAINT "prior_authorisations_coverage_id_patient_coverages_id_fk" FOREIGN KEY ("coverage_id") REFERENCES "public"."patient_coverages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "huddle_notes" ADD CONSTRAINT "huddle_notes_huddle_id_huddles_id_fk" FOREIGN KEY ("huddle_id") REFERENCES "public"."huddles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "medication_orders_patient_idx" ON "medication_orders" USING btree ("org_id","patient_id","status");--> statement-breakpoint
CREATE INDEX "medication_orders_ingredient_idx" ON "medication_orders" USING btree ("org_id","patient_id","ingredient_code");--> statement-breakpoint
CREATE INDEX "opioid_abrupt_changes_org_idx" ON "opioid_abrupt_changes" USING btree ("org_id","recorded_at");--> statement-breakpoint
CREATE INDEX "opioid_abrupt_changes_patient_idx" ON "opioid_abrupt_changes" USING btree ("org_id","patient_id");--> statement-breakpoint
CREATE INDEX "opioid_reviews_patient_idx" ON "opioid_reviews" USING btree ("org_id","patient_id","reviewed_on");--> statement-breakpoint
CREATE INDEX "pdmp_checks_patient_idx" ON "pdmp_checks" USING btree ("org_id","patient_id","checked_on");--> statement-breakpoint
CREATE INDEX "taper_actual_doses_plan_idx" ON "taper_actual_doses" USING btree ("taper_plan_id","taken_on");--> statement-breakpoint
CREATE INDEX "taper_plans_patient_idx" ON "taper_plans" USING btree ("org_id","patient_id","start_date");--> statement-breakpoint
CREATE INDEX "urine_drug_tests_patient_idx" ON "urine_drug_tests" USING btree ("org_id","patient_id","collected_on");--> statement-breakpoint
CREATE INDEX "care_plan_checkpoints_patient_idx" ON "care_plan_checkpoints" USING btree ("org_id","patient_id","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "care_plan_versions_plan_version_unique" ON "care_plan_versions" USING btree ("care_plan_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "care_plans_patient_unique" ON "care_plans" USING btree ("org_id","patient_id");--> statement-breakpoint
CREATE INDEX "care_plan_flares_patient_idx" ON "care_plan_flares" USING btree ("org_id","patient_id","started_at");--> statement-breakpoint
CREATE INDEX "care_plan_progress_reports_patient_idx" ON "care_plan_progress_reports" USING btree ("org_id","patient_id","reported_on");--> statement-breakpoint
CREATE INDEX "therapy_sessions_patient_idx" ON "therapy_sessions" USING btree ("org_id","patient_id","session_date");--> statement-breakpoint
CREATE INDEX "agreement_questions_agreement_idx" ON "agreement_questions" USING btree ("agreement_id","asked_at");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_signatures_once_unique" ON "agreement_signatures" USING btree ("agreement_id","version_number","signer_role");--> statement-breakpoint
CREATE INDEX "agreement_templates_org_idx" ON "agreement_templates" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_versions_number_unique" ON "agreement_versions" USING btree ("agreement_id","number");--> statement-breakpoint
CREATE INDEX "concerns_patient_idx" ON "concerns" USING btree ("org_id","patient_id","occurred_on");--> statement-breakpoint
CREATE INDEX "patient_agreements_patient_idx" ON "patient_agreements" USING btree ("org_id","patient_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "language_flag_counts_source_unique" ON "language_flag_counts" USING btree ("org_id","source","source_id");--> statement-breakpoint
CREATE INDEX "language_flag_counts_org_time_idx" ON "language_flag_counts" USING btree ("org_id","recorded_at");--> statement-breakpoint
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