import { Button, Checkbox, Group, NativeSelect, NumberInput, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { measureLimits, type Severity, severities } from '../../../shared/measures';
import { LocalTextFields, RemoveButton, type SectionProps } from './EditorFields';
import { bandProblems, type EditorBand, scoreRange, uid } from './editor';

const L = measureLimits;

/** The scoring rule and the bands over the score range (checked as the server checks them). */
export function ScoringSection({ state, set, showErrors }: SectionProps) {
  const { t } = useTranslation('measures');
  const range = scoreRange(state);
  const badBands = bandProblems(state);
  const updateBand = (i: number, patch: Partial<EditorBand>) =>
    set(
      'bands',
      state.bands.map((b, j) => (j === i ? { ...b, ...patch } : b)),
    );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="editor-scoring">
      <Title order={2} size="h3" id="editor-scoring" mb="sm">
        {t('editor.scoring')}
      </Title>
      <Stack gap="md">
        <Radio.Group label={t('editor.scoringRule')} value={state.scoring} onChange={(v) => set('scoring', v === 'mean' ? 'mean' : 'sum')}>
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
                  min={L.bandBoundMin}
                  max={L.bandBoundMax}
                  w={120}
                  required
                  decimalScale={2}
                />
                <NumberInput
                  label={t('editor.max')}
                  value={b.max}
                  onChange={(v) => updateBand(i, { max: v })}
                  min={L.bandBoundMin}
                  max={L.bandBoundMax}
                  w={120}
                  required
                  decimalScale={2}
                />
                <NativeSelect
                  label={t('editor.severity')}
                  value={b.severity}
                  onChange={(e) => updateBand(i, { severity: e.currentTarget.value as Severity })}
                >
                  {severities.map((s) => (
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
              {state.bands.length > L.bandsMin && (
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
        {state.bands.length < L.bandsMax && (
          <Button
            variant="default"
            w="fit-content"
            onClick={() => {
              const last = state.bands[state.bands.length - 1];
              const start = last ? Number(last.max) + 1 : (range?.min ?? 0);
              set('bands', [...state.bands, { uid: uid(), min: start, max: range?.max ?? start, label: {}, severity: 'none', alert: '' }]);
            }}
          >
            {t('editor.addBand')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
