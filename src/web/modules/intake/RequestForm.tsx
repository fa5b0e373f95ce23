import { Alert, Button, Checkbox, Fieldset, NativeSelect, NumberInput, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, ErrorAlert } from '../../app/forms';
import { currentLocale, toLocale } from '../../app/i18n';
import { LOCALES } from '../../app/types';
import { PrivacyNotice } from './PrivacyNotice';
import { FORM_CONTRAST } from './styles';
import { localDateTimeToIso } from './time';
import { EVENT_TYPES, REQUESTABLE_SERVICE_KINDS, type RequestKind } from './types';

export interface RequestFormValues {
  kind: RequestKind | '';
  serviceKind: string;
  organisationName: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  eventType: string;
  eventAt: string;
  affectedCount: number | string;
  location: string;
  preferredLocale: string;
  message: string;
  consent: boolean;
  website: string;
}

/** The body of `POST /api/public/providers/:slug/requests` (public) or `POST /api/requests` (portal). */
export type RequestBody = Record<string, unknown>;

/** Off-screen, not display:none (some bots skip hidden inputs). */
const HONEYPOT_STYLE = { position: 'absolute', left: '-10000px', top: 'auto', width: 1, height: 1, overflow: 'hidden' } as const;

const LEGEND = { legend: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)', marginBottom: 'var(--mantine-spacing-xs)' } };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Put the keyboard focus on the first input that has an error. */
function focusFirstInvalid(form: HTMLFormElement | null) {
  window.setTimeout(() => {
    const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
  }, 0);
}

/**
 * The request for support, used on the public page (anyone, with consent, honeypot and timing)
 * and in the client portal (signed-in client contact; the organisation comes from the membership).
 */
export function RequestForm({
  mode,
  providerName,
  privacyNoticeVersion,
  organisationName,
  initialKind,
  initialContact,
  timeZone,
  onSubmit,
}: {
  mode: 'public' | 'portal';
  providerName: string;
  privacyNoticeVersion?: string;
  /** Portal: the client contact's organisation, shown read-only. */
  organisationName?: string | null;
  initialKind?: RequestKind | null;
  initialContact?: { name?: string; email?: string };
  /** Zone in which the "when" field is read. */
  timeZone: string;
  onSubmit: (body: RequestBody) => Promise<unknown>;
}) {
  const { t } = useTranslation('intake');
  const { t: tCommon } = useTranslation();
  const renderedAt = useRef(Date.now());
  const formRef = useRef<HTMLFormElement>(null);
  const isPublic = mode === 'public';

  const form = useForm<RequestFormValues>({
    mode: 'controlled',
    initialValues: {
      kind: initialKind ?? '',
      serviceKind: '',
      organisationName: '',
      contactName: initialContact?.name ?? '',
      contactPhone: '',
      contactEmail: initialContact?.email ?? '',
      eventType: '',
      eventAt: '',
      affectedCount: '',
      location: '',
      preferredLocale: currentLocale(),
      message: '',
      consent: false,
      website: '',
    },
    validate: {
      kind: (v) => (v ? null : t('form.kindRequired')),
      organisationName: (v) => (isPublic && !v.trim() ? tCommon('validation.required') : null),
      contactName: (v) => (v.trim() ? null : tCommon('validation.required')),
      contactEmail: (v) => (EMAIL.test(v.trim()) ? null : tCommon('validation.email')),
      contactPhone: (v) => (/^[+0-9 ()-]*$/.test(v.trim()) ? null : t('form.phoneInvalid')),
      eventType: (v, values) => (values.kind === 'crisis' && !v ? t('form.eventTypeRequired') : null),
      eventAt: (v) => (v && !localDateTimeToIso(v, timeZone) ? t('form.eventAtInvalid') : null),
      affectedCount: (v) =>
        v === '' || (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 100_000) ? null : t('form.affectedCountInvalid'),
      consent: (v) => (isPublic && !v ? t('form.consentRequired') : null),
    },
  });

  // Until the person picks a preferred language, it follows the page's language.
  const { i18n } = useTranslation();
  const pageLanguage = toLocale(i18n.resolvedLanguage ?? i18n.language) ?? 'en';
  const localeChosen = useRef(false);
  const { setFieldValue } = form;
  useEffect(() => {
    if (!localeChosen.current) setFieldValue('preferredLocale', pageLanguage);
  }, [pageLanguage, setFieldValue]);

  const send = useMutation({
    mutationFn: (values: RequestFormValues) => {
      const crisis = values.kind === 'crisis';
      const optional = (text: string) => (text.trim() ? text.trim() : undefined);
      const body: RequestBody = {
        kind: values.kind,
        serviceKind: !crisis && values.serviceKind ? values.serviceKind : undefined,
        contactName: values.contactName.trim(),
        contactPhone: optional(values.contactPhone),
        contactEmail: values.contactEmail.trim(),
        eventType: crisis ? values.eventType : undefined,
        eventAt: crisis && values.eventAt ? (localDateTimeToIso(values.eventAt, timeZone) ?? undefined) : undefined,
        affectedCount: crisis && typeof values.affectedCount === 'number' ? values.affectedCount : undefined,
        location: crisis ? optional(values.location) : undefined,
        preferredLocale: values.preferredLocale,
        message: optional(values.message),
      };
      if (isPublic) {
        body.organisationName = values.organisationName.trim();
        body.consent = values.consent;
        body.website = values.website;
        body.elapsedMs = Date.now() - renderedAt.current;
      }
      return onSubmit(body);
    },
    onError: (error) => {
      applyFieldErrors(form, error);
      focusFirstInvalid(formRef.current);
    },
  });

  const crisis = form.values.kind === 'crisis';
  const optionalText = t('form.optional');

  return (
    <form
      ref={formRef}
      onSubmit={form.onSubmit(
        (values) => send.mutate(values),
        () => focusFirstInvalid(formRef.current),
      )}
      noValidate
      style={FORM_CONTRAST}
    >
      <Stack gap="md">
        <ErrorAlert error={send.error} form={form} />
        <Radio.Group label={t('form.kind')} required withAsterisk={false} {...form.getInputProps('kind')}>
          <Stack gap="sm" mt="xs">
            <Radio value="crisis" label={t('form.kindCrisis')} description={t('form.kindCrisisHelp')} />
            <Radio value="service" label={t('form.kindService')} description={t('form.kindServiceHelp')} />
          </Stack>
        </Radio.Group>

        {crisis && (
          <Alert color="red" variant="light" title={t('form.emergencyTitle')}>
            {t('form.emergency')}
          </Alert>
        )}

        <Fieldset legend={t('form.contactLegend')} variant="unstyled" styles={LEGEND}>
          <Stack gap="sm">
            {isPublic ? (
              <TextInput
                label={t('form.organisationName')}
                autoComplete="organization"
                required
                {...form.getInputProps('organisationName')}
              />
            ) : (
              organisationName && (
                <Text size="sm">
                  {t('form.organisationName')}: <strong>{organisationName}</strong>
                </Text>
              )
            )}
            <TextInput label={t('form.contactName')} autoComplete="name" required {...form.getInputProps('contactName')} />
            <TextInput
              label={t('form.contactPhone')}
              description={t('form.contactPhoneHelp', { optional: optionalText })}
              type="tel"
              autoComplete="tel"
              {...form.getInputProps('contactPhone')}
            />
            <TextInput label={t('form.contactEmail')} type="email" autoComplete="email" required {...form.getInputProps('contactEmail')} />
            <NativeSelect
              label={t('form.preferredLocale')}
              {...form.getInputProps('preferredLocale')}
              onChange={(event) => {
                localeChosen.current = true;
                form.setFieldValue('preferredLocale', event.currentTarget.value);
              }}
            >
              {LOCALES.map((locale) => (
                <option key={locale} value={locale} lang={locale}>
                  {tCommon(`language.names.${locale}`)}
                </option>
              ))}
            </NativeSelect>
          </Stack>
        </Fieldset>

        {form.values.kind === 'service' && (
          <NativeSelect label={t('form.serviceKind')} {...form.getInputProps('serviceKind')}>
            <option value="">{t('form.serviceKindUnsure')}</option>
            {REQUESTABLE_SERVICE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`serviceKinds.${kind}`)}
              </option>
            ))}
          </NativeSelect>
        )}

        {crisis && (
          <Fieldset legend={t('form.crisisLegend')} variant="unstyled" styles={LEGEND}>
            <Stack gap="sm">
              <Radio.Group label={t('form.eventType')} required withAsterisk={false} {...form.getInputProps('eventType')}>
                <Stack gap="xs" mt="xs">
                  {EVENT_TYPES.map((type) => (
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
                min={1}
                max={100000}
                allowDecimal={false}
                allowNegative={false}
                hideControls
                maw={200}
                {...form.getInputProps('affectedCount')}
              />
              <TextInput
                label={t('form.location')}
                description={t('form.locationHelp', { optional: optionalText })}
                {...form.getInputProps('location')}
              />
            </Stack>
          </Fieldset>
        )}

        <Textarea
          label={t('form.message')}
          description={crisis ? t('form.messageHelpCrisis', { optional: optionalText }) : t('form.messageHelp', { optional: optionalText })}
          autosize
          minRows={4}
          maxRows={12}
          {...form.getInputProps('message')}
        />

        {isPublic && (
          <>
            <PrivacyNotice providerName={providerName} version={privacyNoticeVersion} />
            <Checkbox
              label={t('form.consent', { provider: providerName })}
              required
              {...form.getInputProps('consent', { type: 'checkbox' })}
            />
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
        )}

        <Button type="submit" loading={send.isPending} w="fit-content" color={crisis ? 'red' : undefined} size="md">
          {crisis ? t('form.submitCrisis') : t('form.submit')}
        </Button>
      </Stack>
    </form>
  );
}
