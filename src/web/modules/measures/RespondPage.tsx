import './measures.css';
import { Alert, Anchor, Button, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { type Locale, locales } from '../../../shared/locales';
import type { Answers, RespondForm, RespondItem, RespondResult } from '../../../shared/measures';
import { visibleItems } from '../../../shared/measures-logic';
import { isApiError } from '../../app/api';
import { useFormat } from '../../app/format-hooks';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { currentLocale, isLocale } from '../../app/i18n';
import { usePageTitle } from '../../app/usePageTitle';
import { useLocalText, useMeasuresError } from './hooks';
import { answersToSend, missingItems, progress, severityColor } from './logic';
import { keys } from './queries';
import { fetchRespondForm, RespondError, saveDraft, submitAnswers } from './respond-api';

const AUTOSAVE_MS = 1200;

/** A message page for a link that cannot be answered (unknown, expired, answered already). */
function LinkProblem({ error }: { error: unknown }) {
  const { t } = useTranslation('measures');
  const code = error instanceof RespondError ? error.code : 'unknown';
  const provider = error instanceof RespondError ? error.providerName : null;
  const title =
    code === 'link_expired'
      ? t('respond.expiredTitle')
      : code === 'already_answered'
        ? t('respond.answeredTitle')
        : code === 'link_unknown'
          ? t('respond.unknownTitle')
          : t('respond.errorTitle');
  const body =
    code === 'link_expired'
      ? provider
        ? t('respond.expiredBody', { provider })
        : t('respond.expiredBodyPlain')
      : code === 'already_answered'
        ? t('respond.answeredBody')
        : code === 'link_unknown'
          ? t('respond.unknownBody')
          : t('respond.errorBody');
  usePageTitle(title);
  return (
    <Stack gap="sm" data-testid={`respond-${code}`}>
      <Title order={1}>{title}</Title>
      <Text size="lg">{body}</Text>
    </Stack>
  );
}

function ChoiceItem({
  item,
  index,
  value,
  invalid,
  onChange,
  text,
}: {
  item: Extract<RespondItem, { type: 'choice' }>;
  index: number;
  value: number | undefined;
  invalid: boolean;
  onChange: (value: number) => void;
  text: (value: RespondItem['text']) => string;
}) {
  const { t } = useTranslation('measures');
  const errorId = useId();
  return (
    <fieldset
      className="measure-item"
      data-invalid={invalid}
      data-testid={`respond-item-${item.id}`}
      id={`item-${item.id}`}
      aria-describedby={invalid ? errorId : undefined}
      tabIndex={-1}
    >
      <legend>
        {index + 1}. {text(item.text)}
      </legend>
      {invalid && (
        <Text id={errorId} c="red.9" size="sm" fw={600}>
          {t('respond.missingOne')}
        </Text>
      )}
      <div className="measure-options">
        {item.options.map((option) => (
          <label key={option.value} className="measure-option">
            <input
              type="radio"
              name={`answer-${item.id}`}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              data-testid={`respond-option-${item.id}-${option.value}`}
            />
            <span>{text(option.label)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function ResultView({ result, providerName }: { result: RespondResult['result']; providerName: string }) {
  const { t } = useTranslation('measures');
  const text = useLocalText();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <Stack gap="md" data-testid="respond-result">
      <Title order={2} ref={headingRef} tabIndex={-1}>
        {t('respond.resultTitle')}
      </Title>
      <Text size="lg">{t('respond.thanks')}</Text>
      <Paper
        withBorder
        p="md"
        data-severity={result.band.severity}
        style={{ borderInlineStart: `6px solid var(--mantine-color-${severityColor(result.band.severity)}-6)` }}
      >
        <Stack gap="xs">
          {/* Whole, never clipped: a heading wraps where a badge would cut "Very low well-being: a depression scre…". */}
          <Title order={3} size="h3" data-testid="respond-band">
            {result.band.label}
          </Title>
          <Text size="lg" data-testid="respond-explanation">
            {result.explanation}
          </Text>
          <Text size="sm" data-testid="respond-score">
            {t('respond.score', { score: result.score, min: result.min, max: result.max })}
          </Text>
          <Text size="sm">{result.higherIsBetter ? t('respond.higherBetter') : t('respond.lowerBetter')}</Text>
        </Stack>
      </Paper>
      <Stack gap="xs" component="section" aria-labelledby="respond-next-title">
        <Title order={3} size="h4" id="respond-next-title">
          {t('respond.nextTitle')}
        </Title>
        <Text data-testid="respond-next">{result.nextSteps}</Text>
      </Stack>
      {result.guidance.show && (
        <Paper withBorder p="md" component="section" aria-labelledby="respond-guidance" data-testid="respond-guidance" bg="blue.0">
          <Stack gap="sm">
            <Title order={2} size="h3" id="respond-guidance">
              {t('respond.guidanceTitle')}
            </Title>
            {text(result.guidance.text) && (
              <Text style={{ whiteSpace: 'pre-wrap' }} lang={result.guidance.textLocale ?? undefined}>
                {text(result.guidance.text)}
              </Text>
            )}
            <Text>{t('respond.guidanceProvider', { provider: providerName })}</Text>
            {result.guidance.crisisLines.length > 0 && (
              <>
                <Title order={3} size="h4">
                  {t('respond.crisisLines')}
                </Title>
                <ul className="plain-list" data-testid="respond-crisis-lines">
                  {result.guidance.crisisLines.map((line) => (
                    <li key={`${line.name}:${line.phone}`}>
                      <Text fw={600}>{line.name}</Text>
                      <Anchor href={`tel:${line.phone.replace(/[^\d+]/g, '')}`} size="lg" underline="always">
                        {line.phone}
                      </Anchor>
                      {line.hours && <Text size="sm">{line.hours}</Text>}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <Text fw={600} data-testid="respond-emergency">
              {result.guidance.emergency}
            </Text>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

/**
 * The questionnaire is in one language, never mixed with another: say which, in the page's
 * language, when it is not the page's own; offer the languages it exists in; and say kindly when
 * its wording was entered by the provider rather than shipped with the service.
 */
function FormLanguage({ form, pageLocale, onChoose }: { form: RespondForm; pageLocale: Locale; onChoose: (locale: Locale) => void }) {
  const { t } = useTranslation('measures');
  const shown = form.locale;
  const inLanguage = (l: Locale) => t(`respondLanguage.in.${l}`);
  return (
    <Stack gap="xs">
      {shown !== pageLocale && (
        <Alert color="blue" variant="light" role="status" data-testid="respond-language-note">
          {form.availableLocales.includes(pageLocale)
            ? t('respondLanguage.chosen', { shown: inLanguage(shown) })
            : t('respondLanguage.notAvailable', { wanted: inLanguage(pageLocale), shown: inLanguage(shown) })}
        </Alert>
      )}
      {form.availableLocales.length > 1 && (
        <NativeSelect
          id="respond-form-language"
          data-testid="respond-form-language"
          label={t('respondLanguage.form')}
          description={t('respondLanguage.formHint')}
          value={shown}
          onChange={(e) => {
            const value = e.currentTarget.value;
            if (isLocale(value)) onChoose(value);
          }}
          size="sm"
          maw={320}
        >
          {form.availableLocales.map((l) => (
            <option key={l} value={l}>
              {t(`language.names.${l}`, { ns: 'translation' })}
            </option>
          ))}
        </NativeSelect>
      )}
      {form.providerEntered && (
        <Text size="sm" c="dimmed" data-testid="respond-provider-entered">
          {t('respondLanguage.providerEntered', {
            provider: form.providerName,
            shownIn: inLanguage(shown),
            source: form.providerEntered.source,
          })}
        </Text>
      )}
    </Stack>
  );
}

function RespondFormView({
  token,
  form,
  answers,
  setAnswers,
  onDone,
  pageLocale,
  onChooseFormLocale,
}: {
  token: string;
  form: RespondForm;
  answers: Answers;
  setAnswers: (update: (old: Answers) => Answers) => void;
  onDone: (result: RespondResult['result']) => void;
  pageLocale: Locale;
  onChooseFormLocale: (locale: Locale) => void;
}) {
  const { t } = useTranslation('measures');
  const text = useLocalText();
  const errorText = useMeasuresError();
  const format = useFormat();
  const [dirty, setDirty] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [saveFailed, setSaveFailed] = useState(false);
  const [missing, setMissing] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [answeredAlready, setAnsweredAlready] = useState(false);
  // Counts the changes, so that a save finishing after a newer change does not mark that one saved.
  const changes = useRef(0);
  const instrument = form.instrument;
  const lang = form.locale;
  const pick = useCallback((value: RespondItem['text']) => text(value, [lang]), [text, lang]);
  const items = visibleItems(instrument.items, instrument.gate, answers);
  const hiddenCount = instrument.items.length - items.length;
  const { answered, total } = progress(items, answers);

  // Autosave: a short pause after each change keeps the half-answered form as a draft.
  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(() => {
      const saving = changes.current;
      saveDraft(token, answersToSend(instrument.items, answers))
        .then((r) => {
          setSavedAt(r?.savedAt ?? new Date().toISOString());
          setSaveFailed(false);
          // A change made while this save was under way has its own save pending: keep it.
          if (changes.current === saving) setDirty(false);
        })
        .catch(() => setSaveFailed(true));
    }, AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [answers, dirty, token, instrument.items]);

  const setAnswer = (id: string, value: number | string) => {
    setAnswers((old) => ({ ...old, [id]: value }));
    setMissing((old) => old.filter((m) => m !== id));
    changes.current += 1;
    setDirty(true);
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    const gaps = missingItems(items, answers);
    setMissing(gaps);
    if (gaps.length > 0) {
      document.getElementById(`item-${gaps[0]}`)?.focus();
      return;
    }
    setSubmitting(true);
    try {
      const response = await submitAnswers(token, answersToSend(items, answers), pageLocale, form.locale);
      onDone(response.result);
    } catch (e) {
      if (isApiError(e) && e.code === 'already_answered') setAnsweredAlready(true);
      else if (isApiError(e) && e.fields.length > 0) {
        const ids = e.fields.map((f) => f.path.replace(/^(body\.)?answers\./, '')).filter((id) => items.some((i) => i.id === id));
        setMissing(ids);
        setError(ids.length > 0 ? null : e);
        if (ids[0]) document.getElementById(`item-${ids[0]}`)?.focus();
      } else setError(e);
    } finally {
      setSubmitting(false);
    }
  };

  if (answeredAlready) {
    return (
      <Alert color="blue" variant="light" title={t('respond.answeredTitle')} role="status" data-testid="respond-already-answered">
        {t('respond.answeredBody')}
      </Alert>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="respond-title">
      <Stack gap="md">
        <div lang={lang}>
          <Title order={1} id="respond-title" data-testid="respond-title">
            {pick(instrument.name)}
          </Title>
        </div>
        <Text size="sm">{t('respond.from', { provider: form.providerName })}</Text>
        <FormLanguage form={form} pageLocale={pageLocale} onChoose={onChooseFormLocale} />
        {pick(instrument.instructions) && (
          <Text lang={lang} size="md">
            {pick(instrument.instructions)}
          </Text>
        )}
        <Text size="sm">{t('respond.expires', { at: format.dateTime(form.expiresAt) })}</Text>
        <div>
          <Text id="respond-progress-label" size="sm" fw={600} data-testid="respond-progress">
            {t('respond.progress', { answered, total })}
          </Text>
          <progress className="measure-progress" aria-labelledby="respond-progress-label" max={Math.max(total, 1)} value={answered} />
        </div>
        <Stack gap="md" lang={lang}>
          {items.map((item, index) =>
            item.type === 'choice' ? (
              <ChoiceItem
                key={item.id}
                item={item}
                index={index}
                value={typeof answers[item.id] === 'number' ? (answers[item.id] as number) : undefined}
                invalid={missing.includes(item.id)}
                onChange={(value) => setAnswer(item.id, value)}
                text={pick}
              />
            ) : (
              <Textarea
                key={item.id}
                id={`item-${item.id}`}
                label={`${index + 1}. ${pick(item.text)}`}
                description={t('respond.optionalText')}
                value={typeof answers[item.id] === 'string' ? (answers[item.id] as string) : ''}
                onChange={(e) => setAnswer(item.id, e.currentTarget.value)}
                maxLength={item.maxLength}
                autosize
                minRows={3}
                size="md"
                data-testid={`respond-text-${item.id}`}
              />
            ),
          )}
        </Stack>
        {hiddenCount > 0 && (
          <Alert color="blue" variant="light" role="status" data-testid="respond-gate-closed">
            {t('respond.gateClosed')}
          </Alert>
        )}
        {missing.length > 0 && (
          <Alert color="red" variant="light" role="alert" data-testid="respond-missing">
            {t('respond.missing', { count: missing.length })}
          </Alert>
        )}
        {error ? <ErrorAlert error={error} message={errorText(error)} /> : null}
        <Text size="sm" aria-live="polite" data-testid="respond-draft-status">
          {saveFailed
            ? t('respond.draftFailed')
            : savedAt
              ? t('respond.draftSaved', { at: format.dateTime(savedAt, { timeStyle: 'short', dateStyle: 'short' }) })
              : ''}
        </Text>
        <Button type="submit" size="lg" fullWidth loading={submitting} data-testid="respond-submit">
          {t('respond.submit')}
        </Button>
        <Text size="sm">{t('respond.privacy')}</Text>
      </Stack>
    </form>
  );
}

/** `/r/:token`: a check-in answered from a single-use link in a mail, no account needed. */
export function RespondPage() {
  const { t, i18n } = useTranslation('measures');
  const { token = '' } = useParams();
  // The page's language (our words, in any of the four) and the questionnaire language the
  // respondent chose among those it exists in (none chosen: the server picks the best one).
  const [locale, setLocale] = useState<Locale>(() => currentLocale());
  const [formLocale, setFormLocale] = useState<Locale | null>(null);
  const [result, setResult] = useState<RespondResult['result'] | null>(null);
  const form = useQuery({
    queryKey: keys.respond(token, `${locale}:${formLocale ?? ''}`),
    queryFn: ({ signal }) => fetchRespondForm(token, locale, signal, formLocale),
    retry: false,
    refetchOnWindowFocus: false,
    staleTime: Number.POSITIVE_INFINITY,
    enabled: Boolean(token) && !result,
    // Switching the language keeps the form on screen until the new wording arrives.
    placeholderData: keepPreviousData,
  });
  const data = form.data;
  // The answers outlive a change of language; the server's draft seeds them once.
  const [answers, setAnswers] = useState<Answers | null>(null);
  useEffect(() => {
    if (data && answers === null) setAnswers({ ...(data.draft ?? {}) });
  }, [data, answers]);
  usePageTitle(t('respond.pageTitle'));

  const changeLanguage = (value: string) => {
    if (!isLocale(value)) return;
    void i18n.changeLanguage(value);
    setLocale(value);
    // A new page language asks for the questionnaire in it too, where it exists.
    setFormLocale(null);
  };

  return (
    <div className="respond-page">
      <header className="respond-header">
        <Text fw={700} size="lg">
          {data?.providerName ?? t('respond.brand')}
        </Text>
        {/* Our words exist in every language; the questionnaire's own languages are offered with it. */}
        <NativeSelect
          id="respond-language"
          data-testid="respond-language"
          label={t('respondLanguage.page')}
          value={locale}
          onChange={(e) => changeLanguage(e.currentTarget.value)}
          size="sm"
          w={160}
        >
          {locales.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(`language.names.${l}`, { ns: 'translation' })}
            </option>
          ))}
        </NativeSelect>
      </header>
      <main id="main-content">
        {result && data ? (
          <ResultView result={result} providerName={data.providerName} />
        ) : form.isPending && !data ? (
          <PageLoader />
        ) : form.error && !data ? (
          <LinkProblem error={form.error} />
        ) : data && answers ? (
          <RespondFormView
            token={token}
            form={data}
            answers={answers}
            setAnswers={(update) => setAnswers((old) => update(old ?? {}))}
            onDone={setResult}
            pageLocale={locale}
            onChooseFormLocale={setFormLocale}
          />
        ) : null}
      </main>
    </div>
  );
}
