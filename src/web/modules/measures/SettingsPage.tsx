import './measures.css';
import { Anchor, Button, Checkbox, NativeSelect, NumberInput, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { locales } from '../../../shared/locales';
import { type LocalText, type MeasureSettings, measureLimits, measureSettingsRoutes, pcptsd5Cutoffs } from '../../../shared/measures';
import { call } from '../../app/api';
import { useFormat } from '../../app/format-hooks';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { notifySuccess } from '../../app/notify';
import { usePageTitle } from '../../app/usePageTitle';
import { useMeasuresError } from './hooks';
import { parseMoneyToCents } from './logic';
import { keys, paths, useMeasureSettings } from './queries';

function SettingsForm({ settings }: { settings: MeasureSettings }) {
  const { t } = useTranslation('measures');
  const format = useFormat();
  const errorText = useMeasuresError();
  const queryClient = useQueryClient();
  const [cutoff, setCutoff] = useState<string>(String(settings.pcptsd5Cutoff));
  const [tsq, setTsq] = useState(settings.tsqLicensed);
  const [escalation, setEscalation] = useState<number | string>(settings.escalationMinutes);
  const [validDays, setValidDays] = useState<number | string>(settings.linkValidDays);
  const [reminder, setReminder] = useState<number | string>(settings.reminderAfterHours);
  const [guidance, setGuidance] = useState<LocalText>(settings.guidance ?? {});
  const [cost, setCost] = useState<number | string>(settings.sickDayCostCents === null ? '' : settings.sickDayCostCents / 100);
  const money = (cents: number) =>
    new Intl.NumberFormat(format.locale, { style: 'currency', currency: settings.currency || 'EUR' }).format(cents / 100);
  const save = useMutation({
    mutationFn: () =>
      call(measureSettingsRoutes.update, {
        body: {
          pcptsd5Cutoff: pcptsd5Cutoffs.find((c) => c === Number(cutoff)) ?? settings.pcptsd5Cutoff,
          tsqLicensed: tsq,
          escalationMinutes: Number(escalation),
          linkValidDays: Number(validDays),
          reminderAfterHours: Number(reminder),
          guidance,
          sickDayCostCents: parseMoneyToCents(cost),
        },
      }),
    onSuccess: (updated) => {
      notifySuccess(t('settings.saved'));
      if (updated) queryClient.setQueryData(keys.settings, updated);
      void queryClient.invalidateQueries({ queryKey: keys.settings });
      void queryClient.invalidateQueries({ queryKey: keys.instruments });
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      data-testid="measure-settings-form"
    >
      <Stack gap="lg">
        <Paper withBorder p="md" component="section" aria-labelledby="settings-screening">
          <Title order={2} size="h3" id="settings-screening" mb="sm">
            {t('settings.screening')}
          </Title>
          <Stack gap="md">
            <NativeSelect
              label={t('settings.cutoff')}
              description={t('settings.cutoffHelp')}
              value={cutoff}
              onChange={(e) => setCutoff(e.currentTarget.value)}
              w={{ base: '100%', sm: 420 }}
            >
              {pcptsd5Cutoffs.map((c) => (
                <option key={c} value={String(c)}>
                  {t(`settings.cutoff${c}`)}
                </option>
              ))}
            </NativeSelect>
            <Checkbox
              label={t('settings.tsqLicensed')}
              description={
                settings.tsqLicenceConfirmedAt && settings.tsqLicensed
                  ? t('settings.tsqConfirmedAt', { at: format.dateTime(settings.tsqLicenceConfirmedAt) })
                  : t('settings.tsqHelp')
              }
              checked={tsq}
              onChange={(e) => setTsq(e.currentTarget.checked)}
              data-testid="settings-tsq"
            />
          </Stack>
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="settings-links">
          <Title order={2} size="h3" id="settings-links" mb="sm">
            {t('settings.linksAndAlerts')}
          </Title>
          <Stack gap="md">
            <NumberInput
              label={t('settings.escalation')}
              description={t('settings.escalationHelp')}
              value={escalation}
              onChange={setEscalation}
              min={measureLimits.escalationMinutesMin}
              max={measureLimits.escalationMinutesMax}
              allowDecimal={false}
              w={{ base: '100%', sm: 420 }}
              required
            />
            <NumberInput
              label={t('settings.linkValid')}
              value={validDays}
              onChange={setValidDays}
              min={measureLimits.linkValidDaysMin}
              max={measureLimits.linkValidDaysMax}
              allowDecimal={false}
              w={{ base: '100%', sm: 420 }}
              required
            />
            <NumberInput
              label={t('settings.reminder')}
              description={t('settings.reminderHelp')}
              value={reminder}
              onChange={setReminder}
              min={measureLimits.reminderAfterHoursMin}
              max={measureLimits.reminderAfterHoursMax}
              allowDecimal={false}
              w={{ base: '100%', sm: 420 }}
              required
            />
          </Stack>
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="settings-guidance">
          <Title order={2} size="h3" id="settings-guidance" mb="sm">
            {t('settings.guidance')}
          </Title>
          <Text size="sm" mb="sm">
            {t('settings.guidanceHelp')}
          </Text>
          <Stack gap="sm">
            {locales.map((l) => (
              <Textarea
                key={l}
                lang={l}
                label={t('editor.inLanguage', {
                  label: t('settings.guidanceText'),
                  language: t(`language.names.${l}`, { ns: 'translation' }),
                })}
                value={guidance[l] ?? ''}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setGuidance((g) => ({ ...g, [l]: value }));
                }}
                autosize
                minRows={2}
                maxLength={measureLimits.localTextMax}
              />
            ))}
            {settings.crisisLines.length > 0 && (
              <div>
                <Text fw={600} size="sm">
                  {t('settings.crisisLines')}
                </Text>
                <ul>
                  {settings.crisisLines.map((c) => (
                    <li key={`${c.name}:${c.phone}`}>
                      <Text size="sm">
                        {c.name}: {c.phone}
                        {c.hours ? ` (${c.hours})` : ''}
                      </Text>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </Stack>
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="settings-roi">
          <Title order={2} size="h3" id="settings-roi" mb="sm">
            {t('settings.roi')}
          </Title>
          <NumberInput
            label={t('roi.sickDayCost', { currency: settings.currency })}
            description={
              settings.defaultSickDayCostCents === null
                ? t('roi.sickDayCostHelp')
                : t('settings.sickDayCostHelp', { amount: money(settings.defaultSickDayCostCents) })
            }
            value={cost}
            onChange={setCost}
            min={measureLimits.sickDayCostCentsMin / 100}
            max={measureLimits.sickDayCostCentsMax / 100}
            decimalScale={2}
            w={{ base: '100%', sm: 420 }}
            data-testid="settings-sick-day-cost"
          />
        </Paper>
        <ErrorAlert error={save.error} message={errorText(save.error)} />
        <Button type="submit" w="fit-content" loading={save.isPending} data-testid="settings-save">
          {t('common.save')}
        </Button>
      </Stack>
    </form>
  );
}

/** `/admin/measure-settings`: cut-offs, licences, escalation, links, guidance, sick-day cost. */
export function SettingsPage() {
  const { t } = useTranslation('measures');
  const settings = useMeasureSettings();
  const errorText = useMeasuresError();
  usePageTitle(t('settings.title'));
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={paths.instruments} size="sm">
        {t('library.back')}
      </Anchor>
      <Title order={1}>{t('settings.title')}</Title>
      {settings.isPending && <PageLoader />}
      <ErrorAlert error={settings.error} message={errorText(settings.error)} />
      {settings.data && <SettingsForm settings={settings.data} />}
    </Stack>
  );
}
