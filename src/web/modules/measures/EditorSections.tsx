import { Button, Checkbox, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { locales } from '../../../shared/locales';
import { measureLimits } from '../../../shared/measures';
import { LocalTextFields, RemoveButton, type SectionProps } from './EditorFields';
import { uid } from './editor';

const L = measureLimits;

/** The questionnaire's languages, name and instructions. */
export function BasicsSection({ state, set, showErrors }: SectionProps) {
  const { t } = useTranslation('measures');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="editor-basics">
      <Title order={2} size="h3" id="editor-basics" mb="sm">
        {t('editor.basics')}
      </Title>
      <Stack gap="md">
        <Checkbox.Group
          label={t('editor.languages')}
          description={t('editor.languagesHelp')}
          value={state.languages}
          onChange={(v) =>
            set(
              'languages',
              locales.filter((l) => v.includes(l)),
            )
          }
          error={showErrors && state.languages.length === 0 ? t('editor.languageRequired') : null}
        >
          <Group gap="md" mt={6}>
            {locales.map((l) => (
              <Checkbox key={l} value={l} label={t(`language.names.${l}`, { ns: 'translation' })} data-testid={`editor-language-${l}`} />
            ))}
          </Group>
        </Checkbox.Group>
        <LocalTextFields
          label={t('editor.name')}
          value={state.name}
          onChange={(v) => set('name', v)}
          languages={state.languages}
          showErrors={showErrors}
          testId="editor-name"
        />
        <LocalTextFields
          label={t('editor.instructions')}
          value={state.instructions}
          onChange={(v) => set('instructions', v)}
          languages={state.languages}
          multiline
          required={false}
          showErrors={showErrors}
        />
      </Stack>
    </Paper>
  );
}

/** The answer options every item shares. */
export function OptionsSection({ state, set, showErrors }: SectionProps) {
  const { t } = useTranslation('measures');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="editor-options">
      <Title order={2} size="h3" id="editor-options" mb="xs">
        {t('editor.options')}
      </Title>
      <Text size="sm" mb="sm">
        {t('editor.optionsHelp')}
      </Text>
      <Stack gap="md">
        {state.options.map((o, i) => (
          <fieldset key={o.uid} className="measure-item">
            <legend>{t('editor.optionN', { n: i + 1 })}</legend>
            <Stack gap={6}>
              <NumberInput
                label={t('editor.value')}
                value={o.value}
                onChange={(v) =>
                  set(
                    'options',
                    state.options.map((x, j) => (j === i ? { ...x, value: v } : x)),
                  )
                }
                allowDecimal={false}
                min={L.optionValueMin}
                max={L.optionValueMax}
                w={140}
                required
              />
              <LocalTextFields
                label={t('editor.optionLabel')}
                value={o.label}
                onChange={(v) =>
                  set(
                    'options',
                    state.options.map((x, j) => (j === i ? { ...x, label: v } : x)),
                  )
                }
                languages={state.languages}
                showErrors={showErrors}
              />
              {state.options.length > L.optionsMin && (
                <RemoveButton
                  label={t('editor.removeOption', { n: i + 1 })}
                  onClick={() =>
                    set(
                      'options',
                      state.options.filter((_, j) => j !== i),
                    )
                  }
                />
              )}
            </Stack>
          </fieldset>
        ))}
        {state.options.length < L.optionsMax && (
          <Button
            variant="default"
            w="fit-content"
            onClick={() =>
              set('options', [
                ...state.options,
                { uid: uid(), value: Math.max(-1, ...state.options.map((o) => Number(o.value) || 0)) + 1, label: {} },
              ])
            }
          >
            {t('editor.addOption')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

/** The items (questions). */
export function ItemsSection({ state, set, showErrors }: SectionProps) {
  const { t } = useTranslation('measures');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="editor-items">
      <Title order={2} size="h3" id="editor-items" mb="sm">
        {t('editor.items')}
      </Title>
      <Stack gap="md">
        {state.items.map((item, i) => (
          <fieldset key={item.uid} className="measure-item">
            <legend>{t('editor.itemN', { n: i + 1 })}</legend>
            <Stack gap={6}>
              <LocalTextFields
                label={t('editor.itemText')}
                value={item.text}
                onChange={(v) =>
                  set(
                    'items',
                    state.items.map((x, j) => (j === i ? { ...x, text: v } : x)),
                  )
                }
                languages={state.languages}
                multiline
                showErrors={showErrors}
                testId={`editor-item-${i}`}
              />
              {state.items.length > L.itemsMin && (
                <RemoveButton
                  label={t('editor.removeItem', { n: i + 1 })}
                  onClick={() =>
                    set(
                      'items',
                      state.items.filter((_, j) => j !== i),
                    )
                  }
                />
              )}
            </Stack>
          </fieldset>
        ))}
        {state.items.length < L.itemsMax && (
          <Button variant="default" w="fit-content" onClick={() => set('items', [...state.items, { uid: uid(), text: {} }])}>
            {t('editor.addItem')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
