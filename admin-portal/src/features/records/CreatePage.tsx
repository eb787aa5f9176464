import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { BusySpinner } from '../../ui/BusySpinner.tsx';
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../../api.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { DuplicateCandidates } from './DuplicateCandidates.tsx';
import { FormProblems, problemsOf, type Problem } from './formProblems.ts';
import { ProblemSummary } from './ProblemSummary.tsx';
import type { useCreateWithCheck } from './useCreateWithCheck.ts';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    minWidth: 0,
  },
  intro: { margin: 0 },
  buttons: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
});

export type CreatePageProps = {
  title: string;
  intro: string;
  flow: ReturnType<typeof useCreateWithCheck<unknown>>;
  /** Where « Annuler » goes. */
  cancelHref: string;
  /** The form's sections; `more` says whether the optional ones show. */
  children: (problems: Problem[], more: boolean) => ReactNode;
};

/**
 * The screen of a new record: its form (the first fields, « Plus de
 * champs » for the rest), checked for duplicates before it is created.
 * Ctrl+S (⌘S) submits as the button does.
 */
export function CreatePage({
  title,
  intro,
  flow,
  cancelHref,
  children,
}: CreatePageProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const [more, setMore] = useState(false);
  const problems = problemsOf(flow.error, locale);

  return (
    <div className={styles.root}>
      <PageHeading focusOnMount>{title}</PageHeading>
      <p className={styles.intro}>{intro}</p>
      {flow.error !== null && (
        <ProblemSummary
          message={
            flow.error instanceof FormProblems
              ? t('card.form.invalid')
              : errorMessage(flow.error, t)
          }
          problems={problems}
        />
      )}
      {flow.candidates && (
        <DuplicateCandidates
          candidates={flow.candidates}
          creating={flow.busy}
          onCreateAnyway={() => void flow.createAnyway()}
          onBack={flow.back}
        />
      )}
      <form
        className={styles.root}
        noValidate
        aria-label={title}
        onKeyDown={(event) => {
          if ((event.ctrlKey || event.metaKey) && event.key === 's') {
            event.preventDefault();
            void flow.submit();
          }
        }}
        onSubmit={(event) => {
          event.preventDefault();
          void flow.submit();
        }}
      >
        {children(problems, more)}
        <div className={styles.buttons}>
          <Button appearance="subtle" onClick={() => setMore(!more)}>
            {t(more ? 'card.create.less' : 'card.create.more')}
          </Button>
        </div>
        <div className={styles.buttons}>
          <Button
            type="submit"
            appearance="primary"
            disabledFocusable={flow.busy}
            icon={flow.busy ? <BusySpinner /> : undefined}
          >
            {t('card.create.submit')}
          </Button>
          <Button as="a" href={cancelHref}>
            {t('card.cancel')}
          </Button>
        </div>
      </form>
    </div>
  );
}
