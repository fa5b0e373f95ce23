import { Checkbox, Fieldset, NativeSelect, NumberInput, Radio, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { type EventType, eventTypes, intakeLimits, type RequestKind, requestableServiceKinds } from '../../../shared/intake';
import { type Locale, locales } from '../../../shared/locales';
import { PrivacyNotice } from './PrivacyNotice';

export type RequestableServiceKind = (typeof requestableServiceKinds)[number];

export interface RequestFormValues {
  kind: RequestKind | '';
  serviceKind: RequestableServiceKind | '';
  organisationName: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  eventType: EventType | '';
  eventAt: string;
  affectedCount: number | string;
  location: string;
  preferredLocale: Locale;
  message: string;
  consent: boolean;
  website: string;
}

export type RequestForm = UseFormReturnType<RequestFormValues>;

export const LEGEND = { legend: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)', marginBottom: 'var(--mantine-spacing-xs)' } };

/** Off-screen, not display:none (some bots skip hidden inputs). */
const HONEYPOT_STYLE = { position: 'absolute', left: '-10000px', top: 'auto', width: 1, height: 1, overflow: 'hidden' } as const;

/** Who asks: the organisation (typed on the public form, the membership's in the portal) and the contact person. */
export function ContactFields({
  form,
  isPublic,
  organisationName,
  localeChosen,
}: {
  form: RequestForm;
  isPublic: boolean;
  organisationName?: string | null;
  /** Set once the person picks a language: from then on it no longer follows the page's. */
  localeChosen: MutableRefObject<boolean>;
}) {
  const { t } = useTranslation('intake');
  const { t: tCommon } = useTranslation();
  const optionalText = t('form.optional');
  return (
    <Fieldset legend={t('form.contactLegend')} variant="unstyled" styles={LEGEND}>
      <Stack gap="sm">
        {isPublic ? (
          <TextInput
            label={t('form.organisationName')}
            autoComplete="organization"
            required
            maxLength={intakeLimits.nameMax}
            {...form.getInputProps('organisationName')}
          />
        ) : (
          organisationName && (
            <Text size="sm">
              {t('form.organisationName')}: <strong>{organisationName}</strong>
            </Text>
          )
        )}
        <TextInput
          label={t('form.contactName')}
          autoComplete="name"
          required
          maxLength={intakeLimits.nameMax}
          {...form.getInputProps('contactName')}
        />
        <TextInput
          label={t('form.contactPhone')}
          description={t('form.contactPhoneHelp', { optional: optionalText })}
          type="tel"
          autoComplete="tel"
          maxLength={intakeLimits.phoneMax}
          {...form.getInputProps('contactPhone')}
        />
        <TextInput label={t('form.contactEmail')} type="email" autoComplete="email" required {...form.getInputProps('contactEmail')} />
        <NativeSelect
          label={t('form.preferredLocale')}
          {...form.getInputProps('preferredLocale')}
          onChange={(event) => {
            localeChosen.current = true;
            form.setFieldValue('preferredLocale', event.currentTarget.value as Locale);
          }}
        >
          {locales.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {tCommon(`language.names.${locale}`)}
            </option>
          ))}
        </NativeSelect>
      </Stack>
    </Fieldset>
  );
}

/** Outside a crisis: the kind of service asked for, or "not sure". */
export function ServiceKindField({ form }: { form: RequestForm }) {
  const { t } = useTranslation('intake');
  return (
    <NativeSelect label={t('form.serviceKind')} {...form.getInputProps('serviceKind')}>
      <option value="">{t('form.serviceKindUnsure')}</option>
      {requestableServiceKinds.map((kind) => (
        <option key={kind} value={kind}>
          {t(`serviceKinds.${kind}`)}
        </option>
      ))}
    </NativeSelect>
  );
}

/** A crisis: what happened, when, to how many, where. */
export function CrisisFields({ form }: { form: RequestForm }) {
  const { t } = useTranslation('intake');
  const optionalText = t('form.optional');
  return (
    <Fieldset legend={t('form.crisisLegend')} variant="unstyled" styles={LEGEND}>
      <Stack gap="sm">
        <Radio.Group label={t('form.eventType')} required withAsterisk={false} {...form.getInputProps('eventType')}>
          <Stack gap="xs" mt="xs">
            {eventTypes.map((type) => (
              <Radio key={type} value={type} label={t(`eventTypes.${type}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <TextInput
          label={t('form.eventAt')}
          description={t('form.eventAtHelp', { optional: optionalText })}
          type="datetime-local"
          maw={280}
          {...form.getInputProps('eventAt')}
        />
        <NumberInput
          label={t('form.affectedCount')}
          description={optionalText}
          min={intakeLimits.affectedCountMin}
          max={intakeLimits.affectedCountMax}
          allowDecimal={false}
          allowNegative={false}
          hideControls
          maw={200}
          {...form.getInputProps('affectedCount')}
        />
        <TextInput
          label={t('form.location')}
          description={t('form.locationHelp', { optional: optionalText })}
          maxLength={intakeLimits.locationMax}
          {...form.getInputProps('location')}
        />
      </Stack>
    </Fieldset>
  );
}

/** The public form only: the privacy notice, consent, and the honeypot. */
export function PublicFields({
  form,
  providerName,
  privacyNoticeVersion,
}: {
  form: RequestForm;
  providerName: string;
  privacyNoticeVersion?: string;
}) {
  const { t } = useTranslation('intake');
  return (
    <>
      <PrivacyNotice providerName={providerName} version={privacyNoticeVersion} />
      <Checkbox label={t('form.consent', { provider: providerName })} required {...form.getInputProps('consent', { type: 'checkbox' })} />
      {/* Spam defence: people never see or reach this field; a bot filling it is quietly ignored. */}
      <div aria-hidden="true" style={HONEYPOT_STYLE}>
        <label htmlFor="request-website">Website</label>
        <input
          id="request-website"
          type="text"
          name="website"
          tabIndex={-1}
          autoComplete="off"
          value={form.values.website}
          onChange={(event) => form.setFieldValue('website', event.currentTarget.value)}
        />
      </div>
    </>
  );
}
