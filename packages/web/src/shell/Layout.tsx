import type { ReactNode } from 'react';
import { AppShell, Button, Group, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../auth/session.tsx';
import { NotificationBell } from '../notifications/NotificationBell.tsx';

export function Layout({ children }: { children: ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  const { me, logout } = useSession();
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Link to="/" style={{ textDecoration: 'none', color: 'inherit' }}>
              <Title order={4} style={{ whiteSpace: 'nowrap' }}>
                {t('app.name')}
              </Title>
            </Link>
            <Text component={Link} to="/" size="sm" visibleFrom="xs">
              {t('nav.plans')}
            </Text>
            {me?.roles
              .filter((r) => r.role === 'province_viewer')
              .slice(0, 1)
              .map((r) => (
                <Text
                  key={r.scopeUnitId}
                  component={Link}
                  to={`/provinces/${r.scopeUnitId}`}
                  size="sm"
                >
                  {t('nav.province')}
                </Text>
              ))}
            {me?.roles.some((r) => r.role === 'admin' || r.role === 'national_viewer') && (
              <Text component={Link} to="/national" size="sm" style={{ whiteSpace: 'nowrap' }}>
                {t('nav.national')}
              </Text>
            )}
            {me?.roles.some((r) => r.role === 'admin' || r.role === 'focal_officer') && (
              <Text component={Link} to="/admin" size="sm" style={{ whiteSpace: 'nowrap' }}>
                {t('nav.admin')}
              </Text>
            )}
            {me?.roles.some((r) => r.role === 'unit_reporter') && (
              <Text component={Link} to="/reports" size="sm" style={{ whiteSpace: 'nowrap' }}>
                {t('nav.myReports')}
              </Text>
            )}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell />
            <Text size="sm" visibleFrom="sm" data-testid="current-user">
              {me?.displayName}
            </Text>
            <Button
              variant="subtle"
              size="xs"
              px={6}
              onClick={() => setLocale(locale === 'vi' ? 'en' : 'vi')}
              aria-label={t('nav.language')}
            >
              <Text size="xs" visibleFrom="sm" span>
                {t('nav.language')}
              </Text>
              <Text size="xs" hiddenFrom="sm" span>
                {locale === 'vi' ? 'EN' : 'VI'}
              </Text>
            </Button>
            <Button variant="light" size="xs" onClick={() => void logout()}>
              {t('nav.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
