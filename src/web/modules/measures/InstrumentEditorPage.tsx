import './measures.css';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { notifySuccess } from '../../app/notify';
import { LOCALES, type Locale } from '../../app/types';
import { usePageTitle } from '../../app/usePageTitle';
import {
  bandProblems,
  type EditorBand,
  type EditorState,
  emptyEditor,
  fromDefinition,
  missingTexts,
  scoreRange,
  toBody,
  uid,
} from './editor';
import { useLocale, useLocalText, useMeasuresError } from './hooks';
import { enc, keys, paths, useInstrument } from './queries';
import type { InstrumentSummary, LocalText, Severity } from './types';

const SEVERITIES: Severity[] = ['none', 'mild', 'moderate', 'severe'];

/** One text in each chosen language, labelled "<label> (<language>)". */
function LocalTextFields({
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
function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button variant="subtle" color="red" c="red.9" size="compact-sm" w="fit-content" onClick={onClick}>
      {label}
    </Button>
  );
}

function Editor({ initial, editKey }: { initial: EditorState; editKey: string | null }) {
  const { t } = useTranslation('measures');
  const errorText = useMeasuresError();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [state, setState] = useState<EditorState>(initial);
  const [showErrors, setShowErrors] = useState(false);
  const set = <K extends keyof EditorState>(key: K, value: EditorState[K]) => setState((s) => ({ ...s, [key]: value }));
  const range = scoreRange(state);
  const badBands = bandProblems(state);
  const save = useMutation({
    mutationFn: () =>
      editKey
        ? api.put<InstrumentSummary>(`/api/instruments/${enc(editKey)}`, toBody(state))
        : api.post<InstrumentSummary>('/api/instruments', toBody(state)),
    onSuccess: () => {
      notifySuccess(editKey ? t('editor.savedVersion') : t('editor.created'));
      void queryClient.invalidateQueries({ queryKey: keys.instruments });
      if (editKey) void queryClient.invalidateQueries({ queryKey: keys.instrument(editKey) });
      navigate(paths.instruments);
    },
  });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setShowErrors(true);
    if (state.languages.length === 0 || missingTexts(state).length > 0 || badBands.length > 0) return;
    save.mutate();
  };
  const updateBand = (i: number, patch: Partial<EditorBand>) =>
    set(
      'bands',
      state.bands.map((b, j) => (j === i ? { ...b, ...patch } : b)),
    );
  return (
    <form onSubmit={submit} noValidate data-testid="instrument-editor">
      <Stack gap="lg">
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
                  LOCALES.filter((l) => v.includes(l)),
                )
              }
              error={showErrors && state.languages.length === 0 ? t('editor.languageRequired') : null}
            >
              <Group gap="md" mt={6}>
                {LOCALES.map((l) => (
                  <Checkbox
                    key={l}
                    value={l}
                    label={t(`language.names.${l}`, { ns: 'translation' })}
                    data-testid={`editor-language-${l}`}
                  />
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
                  {state.options.length > 2 && (
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
            {state.options.length < 11 && (
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
                  {state.items.length > 1 && (
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
            {state.items.length < 40 && (
              <Button variant="default" w="fit-content" onClick={() => set('items', [...state.items, { uid: uid(), text: {} }])}>
                {t('editor.addItem')}
              </Button>
            )}
          </Stack>
        </Paper>

        <Paper withBorder p="md" component="section" aria-labelledby="editor-scoring">
          <Title order={2} size="h3" id="editor-scoring" mb="sm">
            {t('editor.scoring')}
          </Title>
          <Stack gap="md">
            <Radio.Group
              label={t('editor.scoringRule')}
              value={state.scoring}
              onChange={(v) => set('scoring', v === 'mean' ? 'mean' : 'sum')}
            >
              <Group gap="md" mt={6}>
                <Radio value="sum" label={t('editor.sum')} />
                <Radio value="mean" label={t('editor.mean')} />
              </Group>
            </Radio.Group>
            <Checkbox
              label={t('editor.higherIsBetter')}
              checked={state.higherIsBetter}
              onChange={(e) => set('higherIsBetter', e.currentTarget.checked)}
            />
            {range && <Text size="sm">{t('editor.range', { min: range.min, max: range.max })}</Text>}
            <Title order={3} size="h4">
              {t('editor.bands')}
            </Title>
            <Text size="sm">{t('editor.bandsHelp')}</Text>
            {state.bands.map((b, i) => (
              <fieldset key={b.uid} className="measure-item" data-invalid={showErrors && badBands.includes(i)}>
                <legend>{t('editor.bandN', { n: i + 1 })}</legend>
                <Stack gap={6}>
                  {showErrors && badBands.includes(i) && (
                    <Text c="red.9" size="sm" fw={600}>
                      {t('editor.bandGap')}
                    </Text>
                  )}
                  <Group gap="sm" align="flex-start">
                    <NumberInput
                      label={t('editor.min')}
                      value={b.min}
                      onChange={(v) => updateBand(i, { min: v })}
                      w={120}
                      required
                      decimalScale={2}
                    />
                    <NumberInput
                      label={t('editor.max')}
                      value={b.max}
                      onChange={(v) => updateBand(i, { max: v })}
                      w={120}
                      required
                      decimalScale={2}
                    />
                    <NativeSelect
                      label={t('editor.severity')}
                      value={b.severity}
                      onChange={(e) => updateBand(i, { severity: e.currentTarget.value as Severity })}
                    >
                      {SEVERITIES.map((s) => (
                        <option key={s} value={s}>
                          {t(`severity.${s}`)}
                        </option>
                      ))}
                    </NativeSelect>
                    <NativeSelect
                      label={t('editor.alert')}
                      value={b.alert}
                      onChange={(e) => updateBand(i, { alert: e.currentTarget.value as EditorBand['alert'] })}
                    >
                      <option value="">{t('editor.noAlert')}</option>
                      <option value="normal">{t('level.normal')}</option>
                      <option value="urgent">{t('level.urgent')}</option>
                    </NativeSelect>
                  </Group>
                  <LocalTextFields
                    label={t('editor.bandLabel')}
                    value={b.label}
                    onChange={(v) => updateBand(i, { label: v })}
                    languages={state.languages}
                    showErrors={showErrors}
                  />
                  {state.bands.length > 1 && (
                    <RemoveButton
                      label={t('editor.removeBand', { n: i + 1 })}
                      onClick={() =>
                        set(
                          'bands',
                          state.bands.filter((_, j) => j !== i),
                        )
                      }
                    />
                  )}
                </Stack>
              </fieldset>
            ))}
            <Button
              variant="default"
              w="fit-content"
              onClick={() => {
                const last = state.bands[state.bands.length - 1];
                const start = last ? Number(last.max) + 1 : (range?.min ?? 0);
                set('bands', [
                  ...state.bands,
                  { uid: uid(), min: start, max: range?.max ?? start, label: {}, severity: 'none', alert: '' },
                ]);
              }}
            >
              {t('editor.addBand')}
            </Button>
          </Stack>
        </Paper>
        {showErrors && (missingTexts(state).length > 0 || badBands.length > 0 || state.languages.length === 0) && (
          <Alert color="red" variant="light" role="alert">
            {t('editor.fixErrors')}
          </Alert>
        )}
        <ErrorAlert error={save.error} message={errorText(save.error)} />
        <Group>
          <Button type="submit" loading={save.isPending} data-testid="instrument-save">
            {editKey ? t('editor.saveVersion') : t('editor.create')}
          </Button>
          <Button component={Link} to={paths.instruments} variant="default">
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** `/admin/instruments/new` and `/admin/instruments/:key/edit`: the provider's own questionnaire. */
export function InstrumentEditorPage() {
  const { t } = useTranslation('measures');
  const { key } = useParams();
  const locale = useLocale();
  const text = useLocalText();
  const instrument = useInstrument(key);
  const errorText = useMeasuresError();
  const [initial, setInitial] = useState<EditorState | null>(key ? null : emptyEditor(locale));
  useEffect(() => {
    if (key && instrument.data?.definition && !initial) setInitial(fromDefinition(instrument.data.definition));
  }, [key, instrument.data, initial]);
  const title = key
    ? t('editor.editTitle', { name: instrument.data ? text(instrument.data.name, instrument.data.languages) : key })
    : t('editor.newTitle');
  usePageTitle(title);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={paths.instruments} size="sm">
        {t('library.back')}
      </Anchor>
      <Title order={1}>{title}</Title>
      <Text>{key ? t('editor.editIntro') : t('editor.intro')}</Text>
      {key && instrument.isPending && <PageLoader />}
      <ErrorAlert error={instrument.error} message={errorText(instrument.error)} />
      {initial && <Editor initial={initial} editKey={key ?? null} />}
    </Stack>
  );
}
