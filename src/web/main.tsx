/** Entry point: session, routes and the error boundary. Every route also works on a fresh page load. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider, createBrowserRouter, type RouteObject } from 'react-router-dom';
import { HomeRedirect, RequireAdmin, RequirePersonFacing, RequireSignIn, RequireStaff, SignedOutOnly } from './components/guards';
import { Layout } from './components/layout';
import { AdminPage } from './pages/admin';
import { AgreementTemplatesPage } from './pages/agreement-templates';
import { MyAgreementPage } from './pages/my-agreement';
import { PatientAgreementPage } from './pages/patient-agreement';
import { BreakGlassPage } from './pages/break-glass';
import { CarePlanPage } from './pages/care-plan';
import { CheckInPage } from './pages/check-in';
import { ErrorPage, NotFoundPage } from './pages/error';
import { ImagingContextPage } from './pages/imaging-context';
import { InboxPage } from './pages/inbox';
import { IntakePage } from './pages/intake';
import { LoginPage } from './pages/login';
import { MedicationsPage } from './pages/medications';
import { MePage, MePatientPage } from './pages/me';
import { PatientPage } from './pages/patient';
import { PatientsPage } from './pages/patients';
import { CoordinationPage } from './pages/coordination';
import { HuddlePage } from './pages/huddle';
import { SetupPage } from './pages/setup';
import { SummaryPage } from './pages/summary';
import { CoveragePage } from './pages/coverage';
import { CoveragePlansPage } from './pages/coverage-plans';
import { SessionProvider } from './session';
import './styles.css';

const routes: RouteObject[] = [
  {
    path: '/',
    errorElement: <ErrorPage />,
    children: [
      { index: true, element: <HomeRedirect /> },
      {
        element: <SignedOutOnly />,
        children: [
          { path: 'login', element: <LoginPage /> },
          { path: 'setup', element: <SetupPage /> },
        ],
      },
      {
        element: <RequireSignIn />,
        children: [
          {
            element: <Layout />,
            children: [
              {
                errorElement: <ErrorPage inline />,
                children: [
                  {
                    element: <RequireStaff />,
                    children: [
                      { path: 'patients', element: <PatientsPage /> },
                      { path: 'patients/:id', element: <PatientPage /> },
                      { path: 'patients/:id/summary', element: <SummaryPage /> },
                      { path: 'patients/:id/medications', element: <MedicationsPage /> },
                      { path: 'patients/:id/care-plan', element: <CarePlanPage /> },
                      { path: 'break-glass', element: <BreakGlassPage /> },
                      { path: 'inbox', element: <InboxPage /> },
                      { path: 'calculators/imaging-context', element: <ImagingContextPage /> },
                      { path: 'patients/:id/coverage', element: <CoveragePage /> },
                      { path: 'coverage/plans', element: <CoveragePlansPage /> },
                      { path: 'coordination', element: <CoordinationPage /> },
                      { path: 'huddle', element: <HuddlePage /> },
                      { path: 'patients/:id/agreement', element: <PatientAgreementPage /> },
                      { element: <RequireAdmin />, children: [{ path: 'admin', element: <AdminPage /> }, { path: 'agreement-templates', element: <AgreementTemplatesPage /> }] },
                    ],
                  },
                  {
                    element: <RequirePersonFacing />,
                    children: [
                      { path: 'me', element: <MePage /> },
                      { path: 'me/agreement', element: <MyAgreementPage /> },
                      { path: 'me/:patientId', element: <MePatientPage /> },
                      { path: 'intake/:id', element: <IntakePage /> },
                      { path: 'check-in/:requestId', element: <CheckInPage /> },
                    ],
                  },
                  { path: '*', element: <NotFoundPage /> },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
];

const router = createBrowserRouter(routes);
const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <SessionProvider>
      <RouterProvider router={router} />
    </SessionProvider>
  </StrictMode>,
);
