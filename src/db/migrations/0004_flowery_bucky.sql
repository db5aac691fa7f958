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
ALTER TABLE "care_plan_checkpoints" ADD CONSTRAINT "care_plan_checkpoints_care_plan_id_care_plans_id_fk" FOREIGN KEY ("care_plan_id") REFERENCES "public"."care_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan_versions" ADD CONSTRAINT "care_plan_versions_care_plan_id_care_plans_id_fk" FOREIGN KEY ("care_plan_id") REFERENCES "public"."care_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan_flares" ADD CONSTRAINT "care_plan_flares_care_plan_id_care_plans_id_fk" FOREIGN KEY ("care_plan_id") REFERENCES "public"."care_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan_progress_reports" ADD CONSTRAINT "care_plan_progress_reports_care_plan_id_care_plans_id_fk" FOREIGN KEY ("care_plan_id") REFERENCES "public"."care_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan_progress_reports" ADD CONSTRAINT "care_plan_progress_reports_after_session_id_therapy_sessions_id_fk" FOREIGN KEY ("after_session_id") REFERENCES "public"."therapy_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapy_sessions" ADD CONSTRAINT "therapy_sessions_care_plan_id_care_plans_id_fk" FOREIGN KEY ("care_plan_id") REFERENCES "public"."care_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "care_plan_checkpoints_patient_idx" ON "care_plan_checkpoints" USING btree ("org_id","patient_id","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "care_plan_versions_plan_version_unique" ON "care_plan_versions" USING btree ("care_plan_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "care_plans_patient_unique" ON "care_plans" USING btree ("org_id","patient_id");--> statement-breakpoint
CREATE INDEX "care_plan_flares_patient_idx" ON "care_plan_flares" USING btree ("org_id","patient_id","started_at");--> statement-breakpoint
CREATE INDEX "care_plan_progress_reports_patient_idx" ON "care_plan_progress_reports" USING btree ("org_id","patient_id","reported_on");--> statement-breakpoint
CREATE INDEX "therapy_sessions_patient_idx" ON "therapy_sessions" USING btree ("org_id","patient_id","session_date");