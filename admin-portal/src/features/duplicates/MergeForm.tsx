import {
  Button,
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  tokens,
} from '@fluentui/react-components';
import { BusySpinner } from '../../ui/BusySpinner.tsx';
import { useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorDetails, errorMessage } from '../../api.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import type {
  ChoosableField,
  DuplicatePairDto,
  MergeReport,
} from 'core-api/client';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { Muted } from '../../ui/Muted.tsx';
import { Section } from '../../ui/Section.tsx';
import { useAction } from '../../ui/useAction.ts';
import {
  buildMergeRequest,
  chosenSides,
  likelySurvivor,
  type PairContacts,
  type Side,
} from './mergeChoices.ts';
import { MergeTable } from './MergeTable.tsx';

const useStyles = makeStyles({
  body: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  text: { margin: 0 },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
});

export type MergeFormProps = {
  pair: DuplicatePairDto;
  contacts: PairContacts;
  /** Administrators choose and decide; editors only compare. */
  canDecide: boolean;
  onMerged: (report: MergeReport) => void;
  onDismissed: () => void;
};

/**
 * The comparison of a pair's two records with, for administrators, the
 * choice of each differing value and of the surviving record, then
 * « Fusionner » or « Pas un doublon ».
 */
export function MergeForm({
  pair,
  contacts,
  canDecide,
  onMerged,
  onDismissed,
}: MergeFormProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const client = useApi();
  // The side the administrators' survivorship rules keep, as the API says.
  const [survivor, setSurvivor] = useState<Side>(
    () => pair.proposedSurvivor ?? likelySurvivor(contacts),
  );
  const [choices, setChoices] = useState<Partial<Record<ChoosableField, Side>>>(
    {},
  );
  const merge = useAction<MergeReport>();
  const dismiss = useAction<void>();
  const busy = merge.running || dismiss.running;
  const failed =
    merge.state.status === 'error'
      ? merge.state.error
      : dismiss.state.status === 'error'
        ? dismiss.state.error
        : undefined;

  const handleMerge = async () => {
    dismiss.reset();
    const request = buildMergeRequest(contacts, survivor, choices);
    const merged = await merge.run(() =>
      client.duplicates.merge(pair.id, request),
    );
    if (merged) onMerged(merged.data);
  };

  const handleDismiss = async () => {
    merge.reset();
    const dismissed = await dismiss.run(() =>
      client.duplicates.dismiss(pair.id),
    );
    if (dismissed) onDismissed();
  };

  return (
    <Section title={t('review.fields')}>
      <div className={styles.body}>
        {canDecide && <p className={styles.text}>{t('review.choiceHint')}</p>}
        <MergeTable
          contacts={contacts}
          sides={chosenSides(contacts, survivor, choices)}
          onChoose={
            canDecide
              ? (field, side) =>
                  setChoices((current) => ({ ...current, [field]: side }))
              : undefined
          }
        />
        <Muted>{t('review.keptFromBoth')}</Muted>
        {canDecide && (
          <>
            <Field label={t('review.survivor')} hint={t('review.survivorHint')}>
              <RadioGroup
                value={survivor}
                onChange={(_, data) => setSurvivor(data.value as Side)}
              >
                {(['a', 'b'] as const).map((side) => (
                  <Radio
                    key={side}
                    value={side}
                    label={t('review.recordName', {
                      side: t(
                        side === 'a' ? 'review.recordA' : 'review.recordB',
                      ),
                      name: contacts[side].displayName,
                      id: contacts[side].id,
                    })}
                  />
                ))}
              </RadioGroup>
            </Field>
            <div className={styles.actions}>
              <Button
                appearance="primary"
                disabledFocusable={busy}
                icon={merge.running ? <BusySpinner silent /> : undefined}
                onClick={handleMerge}
              >
                {merge.running ? t('review.merging') : t('review.merge')}
              </Button>
              <Button disabledFocusable={busy} onClick={handleDismiss}>
                {t('review.dismiss')}
              </Button>
            </div>
            {failed !== undefined && (
              <ErrorMessage
                message={errorMessage(failed, t)}
                details={errorDetails(failed, t, locale)}
              />
            )}
          </>
        )}
      </div>
    </Section>
  );
}
