import './measures.css';
import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { instrumentRoutes } from '../../../shared/measures';
import { call } from '../../app/api';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { notifySuccess } from '../../app/notify';
import { usePageTitle } from '../../app/usePageTitle';
import { ScoringSection } from './EditorBands';
import { BasicsSection, ItemsSection, OptionsSection } from './EditorSections';
import { bandProblems, type EditorState, emptyEditor, fromDefinition, missingTexts, toBody } from './editor';
import { useLocale, useLocalText, useMeasuresError } from './hooks';
import { keys, paths, useInstrument } from './queries';

/** The questionnaire editor: its parts (EditorSections, EditorBands) share one state, saved as a whole. */
function Editor({ initial, editKey }: { initial: EditorState; editKey: string | null }) {
  const { t } = useTranslation('measures');
  const errorText = useMeasuresError();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [state, setState] = useState<EditorState>(initial);
  const [showErrors, setShowErrors] = useState(false);
  const set = <K extends keyof EditorState>(key: K, value: EditorState[K]) => setState((s) => ({ ...s, [key]: value }));
  const badBands = bandProblems(state);
  const save = useMutation({
    mutationFn: () =>
      editKey
        ? call(instrumentRoutes.revise, { params: { key: editKey }, body: toBody(state) })
        : call(instrumentRoutes.create, { body: toBody(state) }),
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
  return (
    <form onSubmit={submit} noValidate data-testid="instrument-editor">
      <Stack gap="lg">
        <BasicsSection state={state} set={set} showErrors={showErrors} />
        <OptionsSection state={state} set={set} showErrors={showErrors} />
        <ItemsSection state={state} set={set} showErrors={showErrors} />
        <ScoringSection state={state} set={set} showErrors={showErrors} />
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
