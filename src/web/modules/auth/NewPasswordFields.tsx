import type { UseFormReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH, Password } from '../../app/forms';

export interface NewPasswordValues {
  password: string;
  repeat: string;
}

/** Client-side rules for a new password typed twice. */
export function newPasswordRules(t: TFunction) {
  return {
    password: (v: string) => (v.length >= MIN_PASSWORD_LENGTH ? null : t('validation.passwordLength', { min: MIN_PASSWORD_LENGTH })),
    repeat: (v: string, values: NewPasswordValues) => (v === values.password ? null : t('validation.passwordsDiffer')),
  };
}

// biome-ignore lint/suspicious/noExplicitAny: any form holding the two fields
export function NewPasswordFields({ form }: { form: UseFormReturnType<any, any> }) {
  const { t } = useTranslation();
  return (
    <>
      <Password
        label={t('auth.newPassword')}
        description={t('auth.passwordHint', { min: MIN_PASSWORD_LENGTH })}
        autoComplete="new-password"
        required
        {...form.getInputProps('password')}
      />
      <Password label={t('auth.repeatPassword')} autoComplete="new-password" required {...form.getInputProps('repeat')} />
    </>
  );
}
