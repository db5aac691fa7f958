CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"mechanism" text NOT NULL,
	"irritability" text NOT NULL,
	"comorbidities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"onset_date" date,
	"notes" text,
	"assessed_by" text NOT NULL,
	"assessed_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instrument_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"instrument_id" text NOT NULL,
	"requested_by" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"response_id" uuid,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "intake_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"template" jsonb NOT NULL,
	"version" integer NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intakes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"template_version" integer NOT NULL,
	"status" text NOT NULL,
	"pages" jsonb NOT NULL,
	"current_page" text NOT NULL,
	"saved_pages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"story" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"red_flag_answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"raised_alerts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sent_by" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "questionnaire_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"intake_id" uuid,
	"request_id" uuid,
	"instrument_id" text NOT NULL,
	"instrument_version" text NOT NULL,
	"answers" jsonb NOT NULL,
	"score" jsonb NOT NULL,
	"status" text NOT NULL,
	"authored_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_requests" ADD CONSTRAINT "instrument_requests_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intakes" ADD CONSTRAINT "intakes_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_intake_id_intakes_id_fk" FOREIGN KEY ("intake_id") REFERENCES "public"."intakes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_request_id_instrument_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."instrument_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessments_patient_idx" ON "assessments" USING btree ("org_id","patient_id","assessed_at");--> statement-breakpoint
CREATE INDEX "instrument_requests_patient_idx" ON "instrument_requests" USING btree ("org_id","patient_id","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "intake_templates_org_version_unique" ON "intake_templates" USING btree ("org_id","version");--> statement-breakpoint
CREATE INDEX "intakes_patient_idx" ON "intakes" USING btree ("org_id","patient_id","sent_at");--> statement-breakpoint
CREATE INDEX "questionnaire_responses_series_idx" ON "questionnaire_responses" USING btree ("org_id","patient_id","instrument_id","authored_at");--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaire_responses_intake_instrument_unique" ON "questionnaire_responses" USING btree ("intake_id","instrument_id") WHERE "questionnaire_responses"."intake_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaire_responses_request_unique" ON "questionnaire_responses" USING btree ("request_id") WHERE "questionnaire_responses"."request_id" is not null;