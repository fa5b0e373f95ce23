import './measures.css';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { type Locale, locales } from '../../../shared/locales';
import {
  type InstrumentDefinition,
  type InstrumentTranslation,
  instrumentTranslationRoutes,
  measureLimits,
} from '../../../shared/measures';
import { call, isApiError } from '../../app/api';
import { useFormat } from '../../app/format-hooks';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { notifySuccess } from '../../app/notify';
import { usePageTitle } from '../../app/usePageTitle';
import { useLocale, useLocalText, useMeasuresError } from './hooks';
import { keys, paths, useInstrument } from './queries';

// `/admin/instruments/:key/translations`: the official translation a provider holds of a built-in
// instrument, entered field by field beside our reference wording, versioned and withdrawable.

/** The fields of a translation, by the path the server's 422 names (`texts.items.i3`). */
type Fields = Record<string, string>;

interface FieldSpec {
  path: string;
  label: string;
  reference: string;
  long: boolean;
}

/** The languages a built-in ships itself (not entered by the provider). */
function officialOf(def: InstrumentDefinition): Locale[] {
  return locales.filter((l) => def.languages[l] && !def.languages[l]?.providerEntered);
}

function usedSets(def: InstrumentDefinition): string[] {
  return [...new Set(def.items.flatMap((i) => (i.type === 'choice' ? [i.options] : [])))];
}

function fieldsFrom(translation: InstrumentTranslation | undefined): Fields {
  if (!translation) return {};
  const t = translation.texts;
  return {
    'texts.name': t.name,
    'texts.instructions': t.instructions,
    ...Object.fromEntries(Object.entries(t.items).map(([id, v]) => [`texts.items.${id}`, v])),
    ...Object.fromEntries(
      Object.entries(t.options).flatMap(([set, opts]) => Object.entries(opts).map(([value, v]) => [`texts.options.${set}.${value}`, v])),
    ),
  };
}

function bodyTexts(def: InstrumentDefinition, fields: Fields) {
  return {
    name: fields['texts.name'] ?? '',
    instructions: fields['texts.instructions'] ?? '',
    items: Object.fromEntries(def.items.map((i) => [i.id, fields[`texts.items.${i.id}`] ?? ''])),
    options: Object.fromEntries(
      usedSets(def).map((set) => [
        set,
        Object.fromEntries((def.optionSets[set] ?? []).map((o) => [String(o.value), fields[`texts.options.${set}.${o.value}`] ?? ''])),
      ]),
    ),
  };
}

function TranslationForm({
  def,
  versions,
  onSaved,
}: {
  def: InstrumentDefinition;
  versions: InstrumentTranslation[];
  onSaved: () => void;
}) {
  const { t } = useTranslation('measures');
  const errorText = useMeasuresError();
  const pageLocale = useLocale();
  const official = officialOf(def);
  const open = locales.filter((l) => !official.includes(l));
  // Our reference wording: the page's language when we ship it, else English, else the first we ship.
  const refLocale: Locale = official.includes(pageLocale) ? pageLocale : official.includes('en') ? 'en' : (official[0] ?? 'en');
  const [locale, setLocale] = useState<Locale>(() => (open.includes(pageLocale) ? pageLocale : (open[0] ?? 'fi')));
  const current = versions.find((v) => v.locale === locale && v.current);
  const [fields, setFields] = useState<Fields>(() => fieldsFrom(current));
  const [source, setSource] = useState(current?.source ?? '');
  const [licenceNote, setLicenceNote] = useState(current?.licenceNote ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Another language: start from its current version, if there is one (a new version is a copy to change).
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of language reseeds the form
  useEffect(() => {
    setFields(fieldsFrom(current));
    setSource(current?.source ?? '');
    setLicenceNote(current?.licenceNote ?? '');
    setErrors({});
  }, [locale]);

  const specs: FieldSpec[] = useMemo(() => {
    const ref = (text: Partial<Record<Locale, string>>) => text[refLocale] ?? text.en ?? Object.values(text).find(Boolean) ?? '';
    return [
      { path: 'texts.name', label: t('translations.fieldName'), reference: ref(def.name), long: false },
      { path: 'texts.instructions', label: t('translations.fieldInstructions'), reference: ref(def.instructions), long: true },
      ...def.items.map((item, i) => ({
        path: `texts.items.${item.id}`,
        label: t('translations.fieldItem', { n: i + 1 }),
        reference: ref(item.text),
        long: true,
      })),
      ...usedSets(def).flatMap((set) =>
        (def.optionSets[set] ?? []).map((o) => ({
          path: `texts.options.${set}.${o.value}`,
          label: t('translations.fieldOption', { value: o.value }),
          reference: ref(o.label),
          long: false,
        })),
      ),
    ];
  }, [def, refLocale, t]);

  const save = useMutation({
    mutationFn: () =>
      call(instrumentTranslationRoutes.add, {
        params: { key: def.key },
        body: { locale, texts: bodyTexts(def, fields), source, licenceNote },
      }),
    onSuccess: (saved) => {
      notifySuccess(t('translations.saved', { version: saved.version }));
      setErrors({});
      onSaved();
    },
    onError: (e) => {
      if (!isApiError(e)) return;
      setErrors(
        Object.fromEntries(
          e.fields.map((f) => [
            f.path.replace(/^body\./, ''),
            f.message === 'unknown' ? t('translations.unknownField') : t('translations.required'),
          ]),
        ),
      );
    },
  });

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    // The same rule the server holds: every text there (the server says which, should we miss one).
    const missing = Object.fromEntries(
      specs.filter((s) => s.reference && !(fields[s.path] ?? '').trim()).map((s) => [s.path, t('translations.required')]),
    );
    if (!source.trim()) missing.source = t('translations.required');
    setErrors(missing);
    if (Object.keys(missing).length > 0) {
      document.getElementById(`tr-${Object.keys(missing)[0]}`)?.focus();
      return;
    }
    save.mutate();
  };

  if (open.length === 0) {
    return (
      <Alert color="blue" variant="light" data-testid="translation-all-shipped">
        {t('translations.allShipped')}
      </Alert>
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="translation-form" aria-labelledby="translation-form-title">
      <Stack gap="md">
        <Title order={2} id="translation-form-title">
          {t('translations.formTitle')}
        </Title>
        <Text size="sm">{t('translations.formIntro', { language: t(`language.names.${refLocale}`, { ns: 'translation' }) })}</Text>
        <NativeSelect
          id="tr-locale"
          label={t('translations.language')}
          description={t('translations.languageHint')}
          value={locale}
          onChange={(e) => setLocale(e.currentTarget.value as Locale)}
          data-testid="translation-locale"
          maw={320}
        >
          {open.map((l) => (
            <option key={l} value={l}>
              {t(`language.names.${l}`, { ns: 'translation' })}
            </option>
          ))}
        </NativeSelect>
        <TextInput
          id="tr-source"
          label={t('translations.source')}
          description={t('translations.sourceHint')}
          value={source}
          onChange={(e) => setSource(e.currentTarget.value)}
          error={errors.source}
          required
          maxLength={measureLimits.localTextMax}
          data-testid="translation-source"
        />
        <Textarea
          id="tr-licence"
          label={t('translations.licenceNote')}
          description={t('translations.licenceNoteHint')}
          value={licenceNote}
          onChange={(e) => setLicenceNote(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={measureLimits.localTextMax}
          data-testid="translation-licence"
        />
        {specs.map((spec) => {
          const common = {
            id: `tr-${spec.path}`,
            label: spec.label,
            // Our reference wording beside each field, in the language the admin reads.
            description: spec.reference ? t('translations.reference', { text: spec.reference }) : undefined,
            value: fields[spec.path] ?? '',
            error: errors[spec.path],
            maxLength: measureLimits.localTextMax,
            lang: locale,
            'data-testid': `translation-field-${spec.path}`,
          };
          const change = (value: string) => {
            setFields((old) => ({ ...old, [spec.path]: value }));
            if (errors[spec.path]) setErrors(({ [spec.path]: _gone, ...rest }) => rest);
          };
          return spec.long ? (
            <Textarea key={spec.path} {...common} autosize minRows={1} onChange={(e) => change(e.currentTarget.value)} />
          ) : (
            <TextInput key={spec.path} {...common} onChange={(e) => change(e.currentTarget.value)} />
          );
        })}
        {Object.keys(errors).length > 0 && (
          <Alert color="red" variant="light" role="alert" data-testid="translation-errors">
            {t('translations.fixErrors', { count: Object.keys(errors).length })}
          </Alert>
        )}
        <ErrorAlert error={save.error} message={errorText(save.error)} />
        <Group>
          <Button type="submit" loading={save.isPending} data-testid="translation-save">
            {current ? t('translations.saveVersion', { version: current.version + 1 }) : t('translations.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function VersionCard({ v, onWithdrawn }: { v: InstrumentTranslation; onWithdrawn: () => void }) {
  const { t } = useTranslation('measures');
  const format = useFormat();
  const errorText = useMeasuresError();
  const language = t(`language.names.${v.locale}`, { ns: 'translation' });
  const withdraw = useMutation({
    mutationFn: () => call(instrumentTranslationRoutes.withdraw, { params: { id: v.id } }),
    onSuccess: () => {
      notifySuccess(t('translations.withdrawn', { language, version: v.version }));
      onWithdrawn();
    },
  });
  const status = v.withdrawnAt ? 'withdrawn' : v.current ? 'current' : 'superseded';
  return (
    <Paper withBorder p="sm" component="li" data-testid={`translation-version-${v.locale}-${v.version}`}>
      <Stack gap={4}>
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Text fw={600}>{t('translations.versionTitle', { language, version: v.version })}</Text>
          <Badge variant="light" tt="none" color={status === 'current' ? 'green' : 'gray'}>
            {t(`translations.status.${status}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {v.enteredBy
            ? t('translations.enteredBy', { name: v.enteredBy.name, at: format.dateTime(v.enteredAt) })
            : t('translations.enteredAt', { at: format.dateTime(v.enteredAt) })}
        </Text>
        {v.withdrawnAt && <Text size="sm">{t('translations.withdrawnAt', { at: format.dateTime(v.withdrawnAt) })}</Text>}
        <Text size="sm">
          <strong>{t('translations.source')}:</strong> {v.source}
        </Text>
        {v.licenceNote && (
          <Text size="sm">
            <strong>{t('translations.licenceNote')}:</strong> {v.licenceNote}
          </Text>
        )}
        <ErrorAlert error={withdraw.error} message={errorText(withdraw.error)} />
        {!v.withdrawnAt && (
          <Group>
            <Button
              size="compact-sm"
              variant="default"
              color="red"
              onClick={() => {
                if (window.confirm(t('translations.withdrawConfirm', { language, version: v.version }))) withdraw.mutate();
              }}
              loading={withdraw.isPending}
              data-testid={`translation-withdraw-${v.locale}-${v.version}`}
            >
              {t('translations.withdraw')}
              <VisuallyHidden>{` ${t('translations.versionTitle', { language, version: v.version })}`}</VisuallyHidden>
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** `/admin/instruments/:key/translations`. */
export function TranslationsPage() {
  const { t } = useTranslation('measures');
  const { key = '' } = useParams();
  const instrument = useInstrument(key);
  const text = useLocalText();
  const errorText = useMeasuresError();
  const queryClient = useQueryClient();
  const versions = useQuery({
    queryKey: keys.translations(key),
    queryFn: () => call(instrumentTranslationRoutes.list, { params: { key } }),
    enabled: Boolean(key),
  });
  const name = instrument.data ? text(instrument.data.name, instrument.data.languages) : key;
  usePageTitle(t('translations.title', { name }));
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: keys.translations(key) });
    void queryClient.invalidateQueries({ queryKey: keys.instruments });
    void queryClient.invalidateQueries({ queryKey: keys.instrument(key) });
  };
  const def = instrument.data?.definition;
  const items = versions.data?.items ?? [];
  const official = def ? officialOf(def) : [];
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={paths.instruments} size="sm">
        {t('library.back')}
      </Anchor>
      <Title order={1}>{t('translations.title', { name })}</Title>
      <Text>{t('translations.intro')}</Text>
      {(instrument.isPending || versions.isPending) && <PageLoader />}
      <ErrorAlert error={instrument.error ?? versions.error} message={errorText(instrument.error ?? versions.error)} />
      {instrument.data?.custom && (
        <Alert color="blue" variant="light">
          {t('translations.customHint')}
        </Alert>
      )}
      {def && !instrument.data?.custom && (
        <>
          <Stack gap="xs" component="section" aria-labelledby="tr-shipped">
            <Title order={2} id="tr-shipped" size="h4">
              {t('translations.shipped')}
            </Title>
            <ul className="plain-list">
              {official.map((l) => (
                <li key={l}>
                  <Text size="sm">
                    <strong>{t(`language.names.${l}`, { ns: 'translation' })}</strong>: {def.languages[l]?.source}
                  </Text>
                </li>
              ))}
            </ul>
            <Text size="sm">
              <strong>{t('library.licence')}:</strong> {def.licence}
            </Text>
          </Stack>
          <Stack gap="xs" component="section" aria-labelledby="tr-versions">
            <Title order={2} id="tr-versions" size="h4">
              {t('translations.versions')}
            </Title>
            {items.length === 0 ? (
              <Text size="sm" data-testid="translation-none">
                {t('translations.none')}
              </Text>
            ) : (
              <Stack component="ul" gap="xs" className="plain-list" data-testid="translation-versions">
                {items.map((v) => (
                  <VersionCard key={v.id} v={v} onWithdrawn={refresh} />
                ))}
              </Stack>
            )}
          </Stack>
          {versions.data && <TranslationForm key={items.length} def={def} versions={items} onSaved={refresh} />}
        </>
      )}
    </Stack>
  );
}
