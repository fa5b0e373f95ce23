import { Button, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/locales';
import { type LocalText, measureLimits } from '../../../shared/measures';
import type { EditorState } from './editor';

const L = measureLimits;

/** What each part of the questionnaire editor gets: the state, a setter, and whether to show errors yet. */
export interface SectionProps {
  state: EditorState;
  set: <K extends keyof EditorState>(key: K, value: EditorState[K]) => void;
  showErrors: boolean;
}

/** One text in each chosen language, labelled "<label> (<language>)". */
export function LocalTextFields({
  label,
  value,
  onChange,
  languages,
  multiline = false,
  required = true,
  showErrors,
  testId,
}: {
  label: string;
  value: LocalText;
  onChange: (value: LocalText) => void;
  languages: Locale[];
  multiline?: boolean;
  required?: boolean;
  showErrors: boolean;
  testId?: string;
}) {
  const { t } = useTranslation('measures');
  return (
    <Stack gap={6}>
      {languages.map((l) => {
        const fieldLabel = t('editor.inLanguage', { label, language: t(`language.names.${l}`, { ns: 'translation' }) });
        const error = showErrors && required && !value[l]?.trim() ? t('validation.required') : null;
        const props = {
          label: fieldLabel,
          value: value[l] ?? '',
          lang: l,
          maxLength: L.localTextMax,
          required,
          error,
          'data-testid': testId ? `${testId}-${l}` : undefined,
          onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange({ ...value, [l]: e.currentTarget.value }),
        };
        return multiline ? <Textarea key={l} autosize minRows={2} {...props} /> : <TextInput key={l} {...props} />;
      })}
    </Stack>
  );
}

/** Removes one option, item or band of the questionnaire. */
export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button variant="subtle" color="red" c="red.9" size="compact-sm" w="fit-content" onClick={onClick}>
      {label}
    </Button>
  );
}
