import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Switch,
  tokens,
} from '@fluentui/react-components';
import { BusySpinner } from '../../ui/BusySpinner.tsx';
import type { MergeRules, MergeRulesDto } from 'core-api/client';
import { useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage, fieldError, isVersionConflict } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { Muted } from '../../ui/Muted.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Section } from '../../ui/Section.tsx';
import { useAction } from '../../ui/useAction.ts';
import { FieldRules } from './FieldRules.tsx';
import { OriginPriority } from './OriginPriority.tsx';
import { SurvivorCriteria } from './SurvivorCriteria.tsx';
import { submitOnSaveKey } from '../../ui/submitOnSaveKey.ts';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
  },
  thresholds: {
    display: 'grid',
    alignItems: 'start',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 16rem), 1fr))',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
});

type Threshold = 'sameThreshold' | 'maybeThreshold';

/** A threshold as the reader writes numbers (`12,5` or `12.5`), unrounded. */
function formatThreshold(value: number, locale: 'fr' | 'en'): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    maximumFractionDigits: 6,
    useGrouping: false,
  }).format(value);
}

/** A number as typed in either language (`12,5` or `12.5`), or null. */
function readNumber(text: string): number | null {
  const value = Number(text.trim().replace(',', '.'));

  return text.trim() === '' || Number.isNaN(value) ? null : value;
}

export type MergeRulesFormProps = {
  /** The rules read, with their version. */
  saved: MergeRulesDto;
  /** Reads the rules again (after a colleague's save). */
  onReload: () => void;
};

/**
 * The duplicate rules as a form: each part in its own section, saved
 * together with the version read. The API checks them and its objections
 * are shown beside the fields they concern.
 */
export function MergeRulesForm({ saved, onReload }: MergeRulesFormProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const client = useApi();
  const [current, setCurrent] = useState(saved);
  const [rules, setRules] = useState<MergeRules>(saved.rules);
  const asText = (value: number) => formatThreshold(value, locale);
  const [texts, setTexts] = useState<Record<Threshold, string>>({
    sameThreshold: asText(saved.rules.sameThreshold),
    maybeThreshold: asText(saved.rules.maybeThreshold),
  });
  const [unreadable, setUnreadable] = useState<Threshold[]>([]);
  const save = useAction<MergeRulesDto>();
  const failure = save.state.status === 'error' ? save.state.error : null;
  const conflict = isVersionConflict(failure);
  const errorAt = (path: string) =>
    fieldError(failure, `rules.${path}`, locale);

  const change = (next: Partial<MergeRules>) => {
    setRules((previous) => ({ ...previous, ...next }));
    if (save.state.status === 'done') save.reset();
  };

  const submit = async () => {
    const numbers = {
      sameThreshold: readNumber(texts.sameThreshold),
      maybeThreshold: readNumber(texts.maybeThreshold),
    };
    const missing = (Object.keys(numbers) as Threshold[]).filter(
      (key) => numbers[key] === null,
    );
    setUnreadable(missing);
    if (missing.length > 0) return;
    const next = { ...rules, ...(numbers as Record<Threshold, number>) };
    const done = await save.run(() =>
      client.mergeRules.save(next, current.version),
    );
    if (!done) return;
    setCurrent(done.data);
    setRules(done.data.rules);
  };

  const thresholdField = (key: Threshold, label: string, hint: string) => (
    <Field
      label={label}
      hint={hint}
      validationMessage={
        unreadable.includes(key) ? t('rules.notANumber') : errorAt(key)
      }
    >
      <Input
        inputMode="decimal"
        value={texts[key]}
        onChange={(_, data) => {
          setTexts((previous) => ({ ...previous, [key]: data.value }));
          setUnreadable((previous) => previous.filter((item) => item !== key));
        }}
      />
    </Field>
  );

  return (
    <form
      className={styles.form}
      onKeyDown={submitOnSaveKey}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Muted>
        {current.updatedAt
          ? t('rules.updatedAt', { date: formatDateTime(current.updatedAt) })
          : t('rules.defaults')}
      </Muted>
      <Section title={t('rules.auto.title')}>
        <Field
          hint={t('rules.auto.hint')}
          validationMessage={errorAt('autoMergeOnImport')}
        >
          <Switch
            label={t('rules.auto.label')}
            checked={rules.autoMergeOnImport}
            onChange={(_, data) => change({ autoMergeOnImport: data.checked })}
          />
        </Field>
      </Section>
      <Section title={t('rules.thresholds.title')}>
        <div className={styles.thresholds}>
          {thresholdField(
            'sameThreshold',
            t('rules.same.label'),
            t('rules.same.hint'),
          )}
          {thresholdField(
            'maybeThreshold',
            t('rules.maybe.label'),
            t('rules.maybe.hint'),
          )}
        </div>
      </Section>
      <SurvivorCriteria
        criteria={rules.survivor}
        onChange={(survivor) => change({ survivor })}
        error={errorAt('survivor')}
      />
      <OriginPriority
        origins={rules.originPriority}
        onChange={(originPriority) => change({ originPriority })}
        error={errorAt('originPriority')}
      />
      <FieldRules
        fields={rules.fields}
        onChange={(fields) => change({ fields })}
        errorOf={(field) => errorAt(`fields.${field}`)}
      />
      <div className={styles.actions}>
        <Button
          type="submit"
          appearance="primary"
          disabledFocusable={save.running}
          icon={save.running ? <BusySpinner silent /> : undefined}
        >
          {save.running ? t('rules.saving') : t('rules.save')}
        </Button>
      </div>
      {save.state.status === 'done' && (
        <Notice focusOnMount>{t('rules.saved')}</Notice>
      )}
      {conflict && (
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>{t('rules.conflict')}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={onReload}>{t('rules.reload')}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {failure !== null && !conflict && (
        <ErrorMessage message={errorMessage(failure, t)} />
      )}
    </form>
  );
}
