import { Anchor, AppShell, Box, Burger, Button, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { LanguageSelect } from './LanguageSelect';
import { type NavEntry, navEntries } from './nav';
import { useOutbox } from './outbox';
import { useSession } from './session';
import { useSignOut } from './useSignOut';

const GROUP_LABELS: Record<NavEntry['group'], string | null> = {
  main: null,
  admin: 'nav.groups.admin',
  platform: 'nav.groups.platform',
  dev: 'nav.groups.dev',
};

function isActive(pathname: string, to: string) {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

function Navigation({ entries, onNavigate }: { entries: NavEntry[]; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const groups = (Object.keys(GROUP_LABELS) as NavEntry['group'][])
    .map((group) => ({ group, items: entries.filter((e) => e.group === group) }))
    .filter((g) => g.items.length > 0);
  return (
    <Stack gap="md">
      {groups.map(({ group, items }) => {
        const label = GROUP_LABELS[group];
        const labelId = `nav-group-${group}`;
        return (
          <div key={group}>
            {label && (
              <Text id={labelId} size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" mb={4}>
                {t(label)}
              </Text>
            )}
            <ul className="nav-list" aria-labelledby={label ? labelId : undefined}>
              {items.map((entry) => {
                const active = isActive(pathname, entry.to);
                return (
                  <li key={entry.to}>
                    <NavLink
                      component={Link}
                      to={entry.to}
                      label={t(entry.label)}
                      active={active}
                      aria-current={active ? 'page' : undefined}
                      onClick={onNavigate}
                    />
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </Stack>
  );
}

function SignOutButton(props: { visibleFrom?: 'sm'; hiddenFrom?: 'sm'; fullWidth?: boolean }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return (
    <Button variant="default" size="xs" loading={signOut.isPending} onClick={() => signOut.mutate()} {...props}>
      {t('auth.signOut')}
    </Button>
  );
}

/** The page frame: header, navigation (when signed in) and main content. */
export function Shell() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { data: session } = useSession();
  const { data: outbox } = useOutbox();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  const signedIn = session?.stage === 'signed-in';
  const entries = signedIn && session ? navEntries(session, Boolean(outbox)) : [];

  // Move focus to the content after navigation so screen readers announce the new page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on purpose whenever the path changes
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    close();
    mainRef.current?.focus({ preventScroll: true });
  }, [location.pathname, close]);

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={signedIn ? { width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } } : undefined}
      padding="md"
    >
      <a className="skip-link" href="#main-content">
        {t('shell.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            {signedIn && (
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? t('shell.closeMenu') : t('shell.openMenu')}
                aria-expanded={opened}
                aria-controls="main-navigation"
              />
            )}
            <Anchor component={Link} to={signedIn ? '/' : '/sign-in'} fw={700} size="lg" underline="never" c="inherit">
              {t('app.name')}
            </Anchor>
          </Group>
          <Group gap="sm" wrap="nowrap" align="center">
            {session && (
              <Text size="sm" visibleFrom="md" c="dimmed" truncate maw={200}>
                {session.user.name}
              </Text>
            )}
            <LanguageSelect />
            {session && <SignOutButton visibleFrom={signedIn ? 'sm' : undefined} />}
          </Group>
        </Group>
      </AppShell.Header>
      {signedIn && (
        <AppShell.Navbar id="main-navigation" p="sm" aria-label={t('shell.navigation')}>
          <AppShell.Section grow component={ScrollArea}>
            <Navigation entries={entries} onNavigate={close} />
          </AppShell.Section>
          <AppShell.Section hiddenFrom="sm" pt="sm">
            <SignOutButton hiddenFrom="sm" fullWidth />
          </AppShell.Section>
        </AppShell.Navbar>
      )}
      <AppShell.Main id="main-content" ref={mainRef} tabIndex={-1} className="main-content">
        <Box maw={1100}>
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
