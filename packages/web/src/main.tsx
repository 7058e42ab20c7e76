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
import { PlanListPage } from './plans/PlanListPage.tsx';
import { PlanPage } from './plans/PlanPage.tsx';
import { ImportPage } from './imports/ImportPage.tsx';
import { ReviewPage } from './imports/ReviewPage.tsx';
import { MyReportsPage } from './reports/MyReportsPage.tsx';
import { OpenReport } from './reports/OpenReport.tsx';

/** A unit's reporter lands on "Việc của tôi", not on the list of plans. */
const reporterOnly = (me: { roles: Array<{ role: string }> }) =>
  me.roles.length > 0 && me.roles.every((r) => r.role === 'unit_reporter');
import { ReportPage } from './reports/ReportPage.tsx';
import { PeriodPage } from './periods/PeriodPage.tsx';
import { AdminPage } from './admin/AdminPage.tsx';
import { ChangePasswordPage } from './auth/ChangePasswordPage.tsx';

// Dashboards carry the charting library: loaded only when opened.
const CommuneDashboardPage = lazy(() => import('./dashboards/CommuneDashboardPage.tsx'));
const ProvincePage = lazy(() => import('./dashboards/ProvincePage.tsx'));

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
      <Routes>
        <Route path="/" element={reporterOnly(me) ? <MyReportsPage /> : <PlanListPage />} />
        <Route path="/plans/import" element={<ImportPage />} />
        <Route path="/plans/:id/review" element={<ReviewPage />} />
        <Route path="/plans/:id" element={<PlanPage />} />
        <Route path="/reports" element={<MyReportsPage />} />
        <Route path="/reports/:id" element={<ReportPage />} />
        <Route path="/reports/period/:periodId/unit/:unitId" element={<OpenReport />} />
        <Route path="/periods/:id" element={<PeriodPage />} />
        <Route path="/admin" element={<AdminPage />} />
        <Route
          path="/plans/:id/dashboard"
          element={
            <Suspense fallback={<Loader />}>
              <CommuneDashboardPage />
            </Suspense>
          }
        />
        <Route
          path="/provinces/:id"
          element={
            <Suspense fallback={<Loader />}>
              <ProvincePage />
            </Suspense>
          }
        />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
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
