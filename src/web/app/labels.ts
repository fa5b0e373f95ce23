import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from './api';

/** Translate `key` if the locale files have a string there, else return `raw`. */
export function useTranslateOr() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (key: string, raw: string, options?: Record<string, unknown>) =>
      typeof i18n.getResource('en', 'translation', key) === 'string' ? t(key, options) : raw,
    [t, i18n],
  );
}

/** Labels for roles, audit actions and error codes; unknown values render raw. */
export function useLabels() {
  const { t } = useTranslation();
  const tOr = useTranslateOr();
  const role = useCallback((value: string) => tOr(`roles.${value}`, value), [tOr]);
  const action = useCallback((value: string) => tOr(`auditActions.${value}`, value), [tOr]);
  const error = useCallback(
    (value: unknown): string => {
      if (!isApiError(value)) return t('errors.unknown');
      if (value.code === 'rate_limited' && value.retryAfter) {
        return t('errors.rate_limited_retry', { count: value.retryAfter });
      }
      return tOr(`errors.${value.code}`, value.message || t('errors.unknown'));
    },
    [t, tOr],
  );
  return { role, action, error };
}

/**
 * Error text for a domain module: its own codes from its namespace's `errors.*`, everything else
 * as the app words it.
 */
export function useModuleError(namespace: string, ownCodes: readonly string[]) {
  const { t } = useTranslation(namespace);
  const labels = useLabels();
  return useCallback(
    (error: unknown): string | undefined => {
      if (!error) return undefined;
      if (isApiError(error) && ownCodes.includes(error.code)) return t(`errors.${error.code}`);
      return labels.error(error);
    },
    [t, labels, ownCodes],
  );
}
