import { Alert, Anchor, Button, Code, CopyButton, Group, NumberInput, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { checkBusinessId } from '../../../shared/business-id';
import { intakeApi, intakeLimits, type OnCallEntry, type ProviderSettings, providerSettingsLimits as S } from '../../../shared/intake';
import { call } from '../../app/api';
import { applyFieldErrors, ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { notifySuccess } from '../../app/notify';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { FORM_CONTRAST } from './styles';

const SETTINGS_KEY = ['intake', 'provider-settings'] as const;
const ON_CALL_KEY = ['intake', 'on-call'] as const;

interface Values {
  firstContactTargetHours: number | string;
  lateCancellationHours: number | string;
  lateCancellationChargePercent: number | string;
  participantCancellationHours: number | string;
  businessId: string;
}

function toValues(s: ProviderSettings): Values {
  return {
    firstContactTargetHours: Math.round((s.firstContactTargetMinutes / 60) * 100) / 100,
    lateCancellationHours: s.lateCancellationHours,
    lateCancellationChargePercent: s.lateCancellationChargePercent,
    participantCancellationHours: s.participantCancellationHours,
    businessId: s.businessId ?? '',
  };
}

function SettingsForm({ settings }: { settings: ProviderSettings }) {
  const { t } = useTranslation('intake');
  const { t: tCommon } = useTranslation();
  const queryClient = useQueryClient();
  const number = (min: number, max: number) => (v: number | string) =>
    typeof v === 'number' && v >= min && v <= max ? null : t('settings.between', { min, max });
  // The form asks for the first-contact target in hours; the contract counts minutes.
  const targetHoursMin = S.firstContactTargetMinutesMin / 60;
  const targetHoursMax = S.firstContactTargetMinutesMax / 60;
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: toValues(settings),
    validate: {
      firstContactTargetHours: number(targetHoursMin, targetHoursMax),
      lateCancellationHours: number(S.cancellationHoursMin, S.cancellationHoursMax),
      lateCancellationChargePercent: number(S.chargePercentMin, S.chargePercentMax),
      participantCancellationHours: number(S.cancellationHoursMin, S.cancellationHoursMax),
      // The same check the server makes, so a typo is caught before saving.
      businessId: (v) => (!v.trim() || checkBusinessId(settings.country, v).ok ? null : tCommon('errors.invalid_business_id')),
    },
  });
  const save = useMutation({
    mutationFn: (values: Values) =>
      call(intakeApi.updateSettings, {
        body: {
          firstContactTargetMinutes: Math.round(Number(values.firstContactTargetHours) * 60),
          lateCancellationHours: Number(values.lateCancellationHours),
          lateCancellationChargePercent: Number(values.lateCancellationChargePercent),
          participantCancellationHours: Number(values.participantCancellationHours),
          businessId: values.businessId.trim() || null,
        },
      }),
    onSuccess: (saved) => {
      notifySuccess(t('settings.saved'));
      queryClient.setQueryData(SETTINGS_KEY, saved);
      form.setInitialValues(toValues(saved));
      form.resetDirty();
      void queryClient.invalidateQueries({ queryKey: ['intake', 'requests'] });
    },
    onError: (error) =>
      applyFieldErrors(form, error, {
        firstContactTargetMinutes: 'firstContactTargetHours',
      }),
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate style={FORM_CONTRAST}>
      <Stack gap="sm">
        <ErrorAlert error={save.error} form={form} aliases={{ firstContactTargetMinutes: 'firstContactTargetHours' }} />
        <NumberInput
          label={t('settings.firstContactTarget')}
          description={t('settings.firstContactTargetHelp')}
          min={targetHoursMin}
          max={targetHoursMax}
          step={0.5}
          decimalScale={2}
          allowNegative={false}
          w={{ base: '100%', xs: 320 }}
          {...form.getInputProps('firstContactTargetHours')}
        />
        <NumberInput
          label={t('settings.lateCancellationHours')}
          description={t('settings.lateCancellationHoursHelp')}
          min={S.cancellationHoursMin}
          max={S.cancellationHoursMax}
          allowDecimal={false}
          allowNegative={false}
          w={{ base: '100%', xs: 320 }}
          {...form.getInputProps('lateCancellationHours')}
        />
        <NumberInput
          label={t('settings.lateCancellationChargePercent')}
          description={t('settings.lateCancellationChargePercentHelp')}
          min={S.chargePercentMin}
          max={S.chargePercentMax}
          allowDecimal={false}
          allowNegative={false}
          w={{ base: '100%', xs: 320 }}
          {...form.getInputProps('lateCancellationChargePercent')}
        />
        <NumberInput
          label={t('settings.participantCancellationHours')}
          description={t('settings.participantCancellationHoursHelp')}
          min={S.cancellationHoursMin}
          max={S.cancellationHoursMax}
          allowDecimal={false}
          allowNegative={false}
          w={{ base: '100%', xs: 320 }}
          {...form.getInputProps('participantCancellationHours')}
        />
        <TextInput
          label={t('settings.businessId')}
          description={t('settings.businessIdHelp')}
          maxLength={intakeLimits.businessIdMax}
          w={{ base: '100%', xs: 320 }}
          {...form.getInputProps('businessId')}
        />
        <Button type="submit" loading={save.isPending} w="fit-content">
          {tCommon('common.save')}
        </Button>
      </Stack>
    </form>
  );
}

function OnCallList() {
  const { t } = useTranslation('intake');
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ON_CALL_KEY, queryFn: () => call(intakeApi.onCall) });
  const toggle = useMutation({
    mutationFn: ({ entry, onCall }: { entry: OnCallEntry; onCall: boolean }) =>
      call(intakeApi.setOnCall, { params: { membershipId: entry.membershipId }, body: { onCall } }),
    onSuccess: (_, { entry, onCall }) => {
      notifySuccess(onCall ? t('settings.onCallOn', { name: entry.name }) : t('settings.onCallOff', { name: entry.name }));
      void queryClient.invalidateQueries({ queryKey: ON_CALL_KEY });
    },
  });
  const onCallCount = list.data?.items.filter((e) => e.onCall).length ?? 0;
  return (
    <Stack gap="sm">
      {list.isPending && <PageLoader />}
      <ErrorAlert error={list.error ?? toggle.error} />
      {list.data && list.data.items.length === 0 && <Text>{t('settings.noPractitioners')}</Text>}
      {list.data && list.data.items.length > 0 && onCallCount === 0 && (
        <Alert color="red" variant="light" title={t('settings.nobodyOnCallTitle')}>
          {t('settings.nobodyOnCall')}
        </Alert>
      )}
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {(list.data?.items ?? []).map((entry) => (
          <li key={entry.membershipId}>
            <Switch
              checked={entry.onCall}
              disabled={toggle.isPending}
              onChange={(event) => toggle.mutate({ entry, onCall: event.currentTarget.checked })}
              label={t('settings.onCallLabel', { name: entry.name })}
              description={entry.email}
            />
          </li>
        ))}
      </Stack>
    </Stack>
  );
}

function EmbedSnippet({ settings }: { settings: ProviderSettings }) {
  const { t } = useTranslation('intake');
  const { data: session } = useSession();
  const providerName = session?.memberships.find((m) => m.providerId === session.providerId)?.providerName ?? '';
  const slug = settings.slug;
  const check = useQuery({
    queryKey: ['public-provider', slug],
    queryFn: () => call(intakeApi.publicProvider, { params: { slug } }),
    enabled: Boolean(slug),
    retry: false,
    staleTime: 5 * 60_000,
  });
  const origin = window.location.origin;
  const link = `${origin}/request/${encodeURIComponent(slug)}`;
  const snippet = `<iframe src="${link}?embed=1" title="${t('settings.iframeTitle', { provider: providerName }).replace(/"/g, '&quot;')}" width="100%" height="1400" style="border:0;max-width:760px" loading="lazy"></iframe>`;
  return (
    <Stack gap="sm">
      {check.isError && (
        <Alert color="yellow" variant="light" title={t('settings.slugUnknownTitle')}>
          {t('settings.slugUnknown', { slug })}
        </Alert>
      )}
      <Text size="sm">{t('settings.publicLinkHelp')}</Text>
      <Group gap="sm" wrap="wrap">
        <Anchor href={link} target="_blank" rel="noopener" data-testid="public-link" style={{ overflowWrap: 'anywhere' }}>
          {link}
        </Anchor>
        <CopyButton value={link}>
          {({ copied, copy }) => (
            <Button size="xs" variant="default" onClick={copy}>
              {copied ? t('settings.copied') : t('settings.copyLink')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="sm">{t('settings.embedHelp')}</Text>
      <Code block data-testid="embed-snippet" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {snippet}
      </Code>
      <CopyButton value={snippet}>
        {({ copied, copy }) => (
          <Button size="xs" variant="default" onClick={copy} w="fit-content">
            {copied ? t('settings.copied') : t('settings.copySnippet')}
          </Button>
        )}
      </CopyButton>
    </Stack>
  );
}

/** `/admin/intake-settings`: first-contact target, cancellation rules, who is on call, the embeddable form. */
export function IntakeSettingsPage() {
  const { t } = useTranslation('intake');
  usePageTitle(t('settings.title'));
  const settings = useQuery({ queryKey: SETTINGS_KEY, queryFn: () => call(intakeApi.settings) });
  return (
    <Stack gap="lg">
      <Title order={1}>{t('settings.title')}</Title>
      {settings.isPending && <PageLoader />}
      <ErrorAlert error={settings.error} />
      {settings.data && (
        <section aria-labelledby="settings-rules">
          <Paper withBorder p="md">
            <Title order={2} size="h3" id="settings-rules" mb="sm">
              {t('settings.rulesTitle')}
            </Title>
            <SettingsForm settings={settings.data} />
          </Paper>
        </section>
      )}
      <section aria-labelledby="settings-on-call">
        <Paper withBorder p="md">
          <Title order={2} size="h3" id="settings-on-call" mb="xs">
            {t('settings.onCallTitle')}
          </Title>
          <Text size="sm" mb="sm">
            {t('settings.onCallHelp')}
          </Text>
          <OnCallList />
        </Paper>
      </section>
      {settings.data && (
        <section aria-labelledby="settings-embed">
          <Paper withBorder p="md">
            <Title order={2} size="h3" id="settings-embed" mb="xs">
              {t('settings.embedTitle')}
            </Title>
            <EmbedSnippet settings={settings.data} />
          </Paper>
        </section>
      )}
    </Stack>
  );
}
