/**
 * Person-first language (docs/language.md).
 * - `language_term_lists`: the terms a clinic adds to the reference table (src/domain/language/term-table.ts),
 *   one versioned list per clinic (ETag / If-Match); check results name the version that produced them.
 * - `language_flag_counts`: how many listed terms a saved free-text field held when it was saved, one row per
 *   (clinic, source, source id), replaced on each save, for the quality dashboard. Counts only, never the text.
 */
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export interface StoredClinicTerm {
  phrase: string;
  suggestion: string;
  note?: string;
}

export const languageTermLists = pgTable('language_term_lists', {
  orgId: uuid('org_id').primaryKey(),
  terms: jsonb('terms').$type<StoredClinicTerm[]>().notNull().default([]),
  version: integer('version').notNull().default(1),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const languageFlagCounts = pgTable(
  'language_flag_counts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    /** Null for text about no one patient (a task for the whole team). */
    patientId: uuid('patient_id'),
    /** Which field: `task`, `assessment-notes`, `break-glass-reason`, ... */
    source: text('source').notNull(),
    sourceId: text('source_id').notNull(),
    count: integer('count').notNull(),
    /** The term-table rows that were hit (ids of src/domain/language/term-table.ts or `clinic:<phrase>`). */
    rowIds: jsonb('row_ids').$type<string[]>().notNull().default([]),
    termsVersion: text('terms_version').notNull(),
    recordedBy: text('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('language_flag_counts_source_unique').on(t.orgId, t.source, t.sourceId),
    index('language_flag_counts_org_time_idx').on(t.orgId, t.recordedAt),
  ],
);
