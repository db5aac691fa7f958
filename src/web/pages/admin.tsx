/** /admin for administrators and clinic leads: check the audit log, manage API tokens. */
import type { ReactElement } from 'react';
import { ApiTokens } from '../components/api-tokens';
import { AuditCheck } from '../components/audit-check';
import { usePageTitle } from '../hooks';

export function AdminPage(): ReactElement {
  usePageTitle('Admin');
  return (
    <>
      <h1>Admin</h1>
      <AuditCheck />
      <ApiTokens />
    </>
  );
}
