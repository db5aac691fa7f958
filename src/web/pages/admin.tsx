/**
 * /admin for administrators and clinic leads: check the audit log, manage API tokens, choose the clinic's
 * settings (factor set, coverage), choose the intake's sections (clinic lead), keep the clinic's person-first
 * language terms and read each questionnaire's licence note.
 */
import type { ReactElement } from 'react';
import { Link } from 'react-router-dom';
import { ApiTokens } from '../components/api-tokens';
import { AuditCheck } from '../components/audit-check';
import { ClinicSettings } from '../components/clinic-settings';
import { InstrumentLicences } from '../components/instrument-licences';
import { IntakeSections } from '../components/intake-sections';
import { LanguageClinicTerms } from '../components/language-clinic-terms';
import { usePageTitle } from '../hooks';
import { useUser } from '../session';

export function AdminPage(): ReactElement {
  usePageTitle('Admin');
  const user = useUser();
  return (
    <>
      <h1>Admin</h1>
      <AuditCheck />
      <ApiTokens />
      {(user.role === 'clinic_lead' || user.role === 'administrator') && <ClinicSettings />}
      {user.role === 'clinic_lead' && <IntakeSections />}
      <section className="card" aria-labelledby="agreement-templates-title">
        <h2 id="agreement-templates-title">Treatment agreement templates</h2>
        <p>
          <Link to="/agreement-templates">Open the agreement templates</Link> (plain language, reading grade shown as you type).
        </p>
      </section>
      <LanguageClinicTerms canEdit={user.role === 'clinic_lead' || user.role === 'administrator'} />
      <InstrumentLicences />
    </>
  );
}
