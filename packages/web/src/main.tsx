import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { Center, Loader, MantineProvider } from '@mantine/core';
import '@mantine/core/styles.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { I18nProvider } from './i18n/i18n.tsx';
import { SessionProvider, useSession } from './auth/session.tsx';
import { LoginPage } from './auth/LoginPage.tsx';
import { Layout } from './shell/Layout.tsx';
import { ChangePasswordPage } from './auth/ChangePasswordPage.tsx';

/** A unit's reporter lands on "Việc của tôi", not on the list of plans. */
type Roles = { roles: Array<{ role: string }> };
const only = (me: Roles, role: string) =>
  me.roles.length > 0 && me.roles.every((r) => r.role === role);

/** Where a person starts: a reporter's inbox, the national overview, or the plans. */
function Home({ me }: { me: Roles }) {
  if (only(me, 'unit_reporter')) return <MyReportsPage />;
  if (only(me, 'national_viewer')) return <NationalPage />;
  return <PlanListPage />;
}

// Every screen is its own chunk, fetched when first opened: the sign-in page and a reporter's
// inbox do not download the importer's review, administration, cascade or the charts.
const PlanListPage = lazy(() =>
  import('./plans/PlanListPage.tsx').then((m) => ({ default: m.PlanListPage })),
);
const PlanPage = lazy(() => import('./plans/PlanPage.tsx').then((m) => ({ default: m.PlanPage })));
const ImportPage = lazy(() =>
  import('./imports/ImportPage.tsx').then((m) => ({ default: m.ImportPage })),
);
const ReviewPage = lazy(() =>
  import('./imports/ReviewPage.tsx').then((m) => ({ default: m.ReviewPage })),
);
const MyReportsPage = lazy(() =>
  import('./reports/MyReportsPage.tsx').then((m) => ({ default: m.MyReportsPage })),
);
const OpenReport = lazy(() =>
  import('./reports/OpenReport.tsx').then((m) => ({ default: m.OpenReport })),
);
const ReportPage = lazy(() =>
  import('./reports/ReportPage.tsx').then((m) => ({ default: m.ReportPage })),
);
const PeriodPage = lazy(() =>
  import('./periods/PeriodPage.tsx').then((m) => ({ default: m.PeriodPage })),
);
const AdminPage = lazy(() =>
  import('./admin/AdminPage.tsx').then((m) => ({ default: m.AdminPage })),
);
const CommuneDashboardPage = lazy(() => import('./dashboards/CommuneDashboardPage.tsx'));
const ProvincePage = lazy(() => import('./dashboards/ProvincePage.tsx'));
const NationalPage = lazy(() => import('./dashboards/NationalPage.tsx'));

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

function Routed() {
  const { me, loading } = useSession();
  if (loading) {
    return (
      <Center mih="100vh">
        <Loader />
      </Center>
    );
  }
  if (!me) return <LoginPage />;
  if (me.mustChangePassword) return <ChangePasswordPage />;
  return (
    <Layout>
      <Suspense fallback={<Loader />}>
        <Routes>
          <Route path="/" element={<Home me={me} />} />
          <Route path="/plans/import" element={<ImportPage />} />
          <Route path="/plans/:id/review" element={<ReviewPage />} />
          <Route path="/plans/:id" element={<PlanPage />} />
          <Route path="/reports" element={<MyReportsPage />} />
          <Route path="/reports/:id" element={<ReportPage />} />
          <Route path="/reports/period/:periodId/unit/:unitId" element={<OpenReport />} />
          <Route path="/periods/:id" element={<PeriodPage />} />
          <Route path="/admin" element={<AdminPage />} />
          <Route path="/plans/:id/dashboard" element={<CommuneDashboardPage />} />
          <Route path="/provinces/:id" element={<ProvincePage />} />
          <Route path="/national" element={<NationalPage />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider>
      <I18nProvider>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <SessionProvider>
              <Routed />
            </SessionProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </I18nProvider>
    </MantineProvider>
  </StrictMode>,
);
