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
ALTER TABLE "agreement_questions" ADD CONSTRAINT "agreement_questions_agreement_id_patient_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."patient_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_signatures" ADD CONSTRAINT "agreement_signatures_agreement_id_patient_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."patient_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD CONSTRAINT "agreement_versions_agreement_id_patient_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."patient_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_agreements" ADD CONSTRAINT "patient_agreements_template_id_agreement_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."agreement_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_questions_agreement_idx" ON "agreement_questions" USING btree ("agreement_id","asked_at");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_signatures_once_unique" ON "agreement_signatures" USING btree ("agreement_id","version_number","signer_role");--> statement-breakpoint
CREATE INDEX "agreement_templates_org_idx" ON "agreement_templates" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_versions_number_unique" ON "agreement_versions" USING btree ("agreement_id","number");--> statement-breakpoint
CREATE INDEX "concerns_patient_idx" ON "concerns" USING btree ("org_id","patient_id","occurred_on");--> statement-breakpoint
CREATE INDEX "patient_agreements_patient_idx" ON "patient_agreements" USING btree ("org_id","patient_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "language_flag_counts_source_unique" ON "language_flag_counts" USING btree ("org_id","source","source_id");--> statement-breakpoint
CREATE INDEX "language_flag_counts_org_time_idx" ON "language_flag_counts" USING btree ("org_id","recorded_at");