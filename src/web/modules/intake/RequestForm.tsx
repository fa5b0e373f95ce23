import { Alert, Button, Radio, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { affectedCount, intakeLimits, type PortalRequestBody, type PublicRequestBody, phonePattern } from '../../../shared/intake';
import { email } from '../../../shared/schemas';
import { useFormat } from '../../app/format-hooks';
import { applyFieldErrors, ErrorAlert } from '../../app/forms';
import { currentLocale, toLocale } from '../../app/i18n';
import { localDateTimeToIso } from '../../app/time';
import { ContactFields, CrisisFields, PublicFields, type RequestFormValues, ServiceKindField } from './RequestFormSections';
import { FORM_CONTRAST } from './styles';

export type { RequestFormValues } from './RequestFormSections';

type Submit<B> = (body: B) => Promise<unknown>;

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
  providerName,
  privacyNoticeVersion,
  organisationName,
  initialKind,
  initialContact,
  timeZone,
  ...target
}: {
  providerName: string;
  privacyNoticeVersion?: string;
  /** Portal: the client contact's organisation, shown read-only. */
  organisationName?: string | null;
  initialKind?: RequestFormValues['kind'] | null;
  initialContact?: { name?: string; email?: string };
  /** Zone in which the "when" field is read. */
  timeZone: string;
} & ({ mode: 'public'; onSubmit: Submit<PublicRequestBody> } | { mode: 'portal'; onSubmit: Submit<PortalRequestBody> })) {
  const { t } = useTranslation('intake');
  const { t: tCommon } = useTranslation();
  const format = useFormat();
  const renderedAt = useRef(Date.now());
  const formRef = useRef<HTMLFormElement>(null);
  const isPublic = target.mode === 'public';

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
      contactEmail: (v) => (email.safeParse(v).success ? null : tCommon('validation.email')),
      contactPhone: (v) => (phonePattern.test(v.trim()) ? null : t('form.phoneInvalid')),
      eventType: (v, values) => (values.kind === 'crisis' && !v ? t('form.eventTypeRequired') : null),
      eventAt: (v) => (v && !localDateTimeToIso(v, timeZone) ? t('form.eventAtInvalid') : null),
      affectedCount: (v) =>
        v === '' || affectedCount.safeParse(v).success
          ? null
          : t('form.affectedCountInvalid', {
              min: format.number(intakeLimits.affectedCountMin),
              max: format.number(intakeLimits.affectedCountMax),
            }),
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
      const body: PortalRequestBody = {
        // The form's validation has made sure a kind is chosen.
        kind: values.kind || 'service',
        serviceKind: !crisis && values.serviceKind ? values.serviceKind : undefined,
        contactName: values.contactName.trim(),
        contactPhone: optional(values.contactPhone),
        contactEmail: values.contactEmail.trim(),
        eventType: crisis && values.eventType ? values.eventType : undefined,
        eventAt: crisis && values.eventAt ? (localDateTimeToIso(values.eventAt, timeZone) ?? undefined) : undefined,
        affectedCount: crisis && typeof values.affectedCount === 'number' ? values.affectedCount : undefined,
        location: crisis ? optional(values.location) : undefined,
        preferredLocale: values.preferredLocale,
        message: optional(values.message),
      };
      if (target.mode === 'portal') return target.onSubmit(body);
      return target.onSubmit({
        ...body,
        organisationName: values.organisationName.trim(),
        // Checked by the form; the server refuses anything but true.
        consent: values.consent as true,
        website: values.website,
        elapsedMs: Date.now() - renderedAt.current,
      });
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

        <ContactFields form={form} isPublic={isPublic} organisationName={organisationName} localeChosen={localeChosen} />

        {form.values.kind === 'service' && <ServiceKindField form={form} />}

        {crisis && <CrisisFields form={form} />}

        <Textarea
          label={t('form.message')}
          description={crisis ? t('form.messageHelpCrisis', { optional: optionalText }) : t('form.messageHelp', { optional: optionalText })}
          autosize
          minRows={4}
          maxRows={12}
          maxLength={intakeLimits.messageMax}
          {...form.getInputProps('message')}
        />

        {isPublic && <PublicFields form={form} providerName={providerName} privacyNoticeVersion={privacyNoticeVersion} />}

        <Button type="submit" loading={send.isPending} w="fit-content" color={crisis ? 'red' : undefined} size="md">
          {crisis ? t('form.submitCrisis') : t('form.submit')}
        </Button>
      </Stack>
    </form>
  );
}
