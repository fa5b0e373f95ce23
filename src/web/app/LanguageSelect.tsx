import { NativeSelect } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meRoutes, type Session } from '../../shared/auth';
import { type Locale, locales } from '../../shared/locales';
import { call } from './api';
import { currentLocale, isLocale } from './i18n';
import { SESSION_KEY, useSession } from './session';

/** Language switcher: changes the page at once and, when signed in, saves to the profile. */
export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const save = useMutation({
    mutationFn: (locale: Locale) => call(meRoutes.update, { body: { locale } }),
    onSuccess: (me) => {
      queryClient.setQueryData<Session | null>(SESSION_KEY, (old) =>
        old ? { ...old, user: { ...old.user, locale: me?.locale ?? old.user.locale } } : old,
      );
      void queryClient.invalidateQueries({ queryKey: ['me'] });
    },
  });

  const onChange = (value: string) => {
    if (!isLocale(value)) return;
    void i18n.changeLanguage(value);
    if (session?.stage === 'signed-in') {
      queryClient.setQueryData<Session | null>(SESSION_KEY, (old) => (old ? { ...old, user: { ...old.user, locale: value } } : old));
      save.mutate(value);
    }
  };

  return (
    <NativeSelect
      id="language-select"
      data-testid="language-select"
      label={t('language.label')}
      value={currentLocale()}
      onChange={(event) => onChange(event.currentTarget.value)}
      size="xs"
      w={130}
      styles={{ label: { fontSize: 'var(--mantine-font-size-xs)' } }}
    >
      {locales.map((locale) => (
        <option key={locale} value={locale} lang={locale}>
          {t(`language.names.${locale}`)}
        </option>
      ))}
    </NativeSelect>
  );
}
