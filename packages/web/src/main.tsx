import { lazy, StrictMode, Suspense, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { Badge, Center, createTheme, Loader, MantineProvider } from '@mantine/core';
import '@mantine/core/styles.css';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { I18nProvider } from './i18n/i18n.tsx';
import { SessionProvider, useSession } from './auth/session.tsx';
import {
  hideSignInForm,
  showSignInForm,
  SIGNED_IN_EVENT,
  signedInPage,
} from './auth/signInForm.ts';
import { Layout } from './shell/Layout.tsx';
import { loadInbox, loadReport, prefetchReporterStart } from './reports/api.ts';
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
const MyReportsPage = lazy(() => loadInbox().then((m) => ({ default: m.MyReportsPage })));
const OpenReport = lazy(() =>
  import('./reports/OpenReport.tsx').then((m) => ({ default: m.OpenReport })),
);
const ReportPage = lazy(() => loadReport().then((m) => ({ default: m.ReportPage })));
const PeriodPage = lazy(() =>
  import('./periods/PeriodPage.tsx').then((m) => ({ default: m.PeriodPage })),
);
const AdminPage = lazy(() =>
  import('./admin/AdminPage.tsx').then((m) => ({ default: m.AdminPage })),
);
const CommuneDashboardPage = lazy(() => import('./dashboards/CommuneDashboardPage.tsx'));
const ProvincePage = lazy(() => import('./dashboards/ProvincePage.tsx'));
const NationalPage = lazy(() => import('./dashboards/NationalPage.tsx'));
const AmendPage = lazy(() => import('./plans/amendments/AmendPage.tsx'));
const PlanReviewPage = lazy(() => import('./plans/reviews/ReviewPage.tsx'));

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

function Routed() {
  const { me, loading } = useSession();
  const signedIn = me !== null;
  const queryClient = useQueryClient();
  const reporter = me !== null && only(me, 'unit_reporter');
  useEffect(() => {
    if (loading) return;
    if (signedIn) hideSignInForm();
    else showSignInForm();
  }, [loading, signedIn]);
  useEffect(() => {
    if (reporter) prefetchReporterStart(queryClient);
  }, [reporter, queryClient]);
  // Signed out, the page's own sign-in form (index.html) is all there is to see.
  if (loading && !document.documentElement.classList.contains('has-session')) return null;
  if (loading) {
    return (
      <Center mih="100vh">
        <Loader />
      </Center>
    );
  }
  if (!me) return null;
  if (me.mustChangePassword) return <ChangePasswordPage />;
  return (
    <Layout>
      <Suspense fallback={<Loader />}>
        <Routes>
          <Route path="/" element={<Home me={me} />} />
          <Route path="/plans/import" element={<ImportPage />} />
          <Route path="/plans/:id/review" element={<ReviewPage />} />
          <Route path="/plans/:id" element={<PlanPage />} />
          <Route path="/plans/:id/amend" element={<AmendPage />} />
          <Route path="/plans/:id/reviews" element={<PlanReviewPage />} />
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

// A status badge is read whole or not at all: in a narrow table cell Mantine cut it to "ĐÃ …".
const theme = createTheme({
  components: { Badge: Badge.extend({ styles: { root: { minWidth: 'max-content' } } }) },
});

const app = (
  <StrictMode>
    <MantineProvider theme={theme}>
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
  </StrictMode>
);

// Signed out, the page's own form is all there is: the application starts once someone signs
// in, so its start-up never holds up typing on a slow phone.
const start = () => createRoot(document.getElementById('root')!).render(app);
if (signedInPage()) start();
else window.addEventListener(SIGNED_IN_EVENT, start, { once: true });
