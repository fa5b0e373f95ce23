import { Alert, List, PasswordInput, type PasswordInputProps } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { minPasswordLength } from '../../shared/schemas';
import { type FieldError, isApiError } from './api';
import { errorTitleKey, fieldErrorText } from './error-text';
import i18n from './i18n';
import { useLabels } from './labels';

// biome-ignore lint/suspicious/noExplicitAny: any form shape
type AnyForm = UseFormReturnType<any, any>;

function matchField(values: Record<string, unknown>, rawPath: string): string | null {
  const path = rawPath.replace(/^body\./, '');
  const last = path.split('.').pop() ?? path;
  return path in values ? path : last in values ? last : null;
}

/**
 * The text shown at an input: the translated error code when there is one (e.g. `invalid_code`),
 * else the validator's message translated ("Invalid UUID" never reaches a person in English).
 */
function fieldMessage(code: string, serverMessage: string): string {
  const key = `errors.${code}`;
  if (code !== 'validation_failed' && typeof i18n.getResource('en', 'translation', key) === 'string') {
    return i18n.t(key);
  }
  const text = fieldErrorText(serverMessage);
  return i18n.t(text.key, text.values);
}

/** A field's name for the error list: its translated label (`fields.<name>`) when there is one. */
function fieldName(path: string): string | null {
  const last =
    path
      .replace(/^body\./, '')
      .split('.')
      .filter((part) => !/^\d+$/.test(part))
      .pop() ?? '';
  const key = `fields.${last}`;
  return last && typeof i18n.getResource('en', 'translation', key) === 'string' ? i18n.t(key) : null;
}

/**
 * Put the API's field errors next to the matching inputs of `form`.
 * Returns the field errors that match no input (to show in the general alert).
 */
export function applyFieldErrors(form: AnyForm, error: unknown, aliases: Record<string, string> = {}): FieldError[] {
  if (!isApiError(error) || error.fields.length === 0) return [];
  const values = form.getValues() as Record<string, unknown>;
  const errors: Record<string, string> = {};
  const rest: FieldError[] = [];
  for (const field of error.fields) {
    const matched = matchField(values, field.path) ?? matchField(aliases, field.path);
    const name = matched && matched in aliases ? (aliases[matched] ?? null) : matched;
    if (name) {
      const message = fieldMessage(error.code, field.message);
      errors[name] = errors[name] && errors[name] !== message ? `${errors[name]} ${message}` : message;
    } else rest.push(field);
  }
  form.setErrors(errors);
  return rest;
}

/** True when every field error of `error` landed on an input, so no alert is needed. */
export function fieldErrorsCoverAll(form: AnyForm, error: unknown, aliases: Record<string, string> = {}): boolean {
  if (!isApiError(error) || error.fields.length === 0) return false;
  const values = { ...aliases, ...(form.getValues() as Record<string, unknown>) };
  return error.fields.every((f) => matchField(values, f.path) !== null);
}

/** A general error shown above a form or a list. */
export function ErrorAlert({
  error,
  title,
  form,
  message,
  aliases = {},
}: {
  error: unknown;
  title?: string;
  form?: AnyForm;
  /** API field name → form field name, where they differ. */
  aliases?: Record<string, string>;
  /** Replaces the message derived from the error code. */
  message?: string;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  if (!error) return null;
  if (form && fieldErrorsCoverAll(form, error, aliases)) return null;
  const known = form ? { ...aliases, ...(form.getValues() as Record<string, unknown>) } : {};
  const loose = isApiError(error) ? error.fields.filter((f) => !form || matchField(known, f.path) === null) : [];
  return (
    <Alert color="red" variant="light" title={title ?? t(errorTitleKey(error))} role="alert">
      {message ?? labels.error(error)}
      {loose.length > 0 && (
        <List size="sm" mt="xs">
          {loose.map((f) => {
            const name = fieldName(f.path);
            return (
              <List.Item key={`${f.path}:${f.message}`}>
                {name ? `${name}: ` : ''}
                {fieldMessage(isApiError(error) ? error.code : 'validation_failed', f.message)}
              </List.Item>
            );
          })}
        </List>
      )}
    </Alert>
  );
}

/** PasswordInput whose show/hide toggle has a translated name. */
export function Password(props: PasswordInputProps) {
  const { t } = useTranslation();
  return <PasswordInput visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }} {...props} />;
}

/** The server's rule for a new password (src/shared/schemas.ts). */
export const MIN_PASSWORD_LENGTH = minPasswordLength;
