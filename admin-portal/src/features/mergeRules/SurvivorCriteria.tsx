import {
  Button,
  Field,
  makeStyles,
  Select,
  tokens,
} from '@fluentui/react-components';
import type { SurvivorCriterion } from 'core-api/client';
import { useId, useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import { LiveMessage } from '../../ui/LiveMessage.tsx';
import { Muted } from '../../ui/Muted.tsx';
import { ReorderList } from '../../ui/ReorderList.tsx';
import { Section } from '../../ui/Section.tsx';
import { CRITERIA, criterionLabels } from './ruleLabels.ts';

const useStyles = makeStyles({
  body: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  text: { margin: 0 },
  add: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalS,
  },
  select: { minWidth: 0, maxWidth: '24rem', flexGrow: 1 },
  // A native list is as wide as its longest choice (the engagement criterion
  // is a sentence): it shrinks to the phone's width, the choices it opens on
  // keep their whole text.
  fit: { minWidth: 0, maxWidth: '100%' },
  error: { margin: 0, color: tokens.colorPaletteRedForeground1 },
});

export type SurvivorCriteriaProps = {
  criteria: SurvivorCriterion[];
  onChange: (criteria: SurvivorCriterion[]) => void;
  /** The API's objection to the list, if any. */
  error?: string;
};

/**
 * « Choix de la fiche de référence »: the criteria in the order they apply,
 * moved by their buttons; the unused ones can be added at the end.
 */
export function SurvivorCriteria({
  criteria,
  onChange,
  error,
}: SurvivorCriteriaProps) {
  const styles = useStyles();
  const t = useT();
  const errorId = useId();
  const unused = CRITERIA.filter((criterion) => !criteria.includes(criterion));
  const [chosen, setChosen] = useState<SurvivorCriterion | ''>('');
  const [announcement, setAnnouncement] = useState('');
  const toAdd = chosen && unused.includes(chosen) ? chosen : unused[0];
  const labelOf = (criterion: SurvivorCriterion) =>
    t(criterionLabels[criterion]);

  const add = () => {
    if (!toAdd) return;
    onChange([...criteria, toAdd]);
    setChosen('');
    setAnnouncement(
      t('order.added', {
        item: labelOf(toAdd),
        position: criteria.length + 1,
      }),
    );
  };

  return (
    <Section title={t('rules.survivor.title')}>
      <div className={styles.body}>
        <p className={styles.text}>
          <Muted>{t('rules.survivor.intro')}</Muted>
        </p>
        <ReorderList
          label={t('rules.survivor.list')}
          items={criteria}
          labelOf={labelOf}
          onChange={onChange}
          describedBy={error ? errorId : undefined}
        />
        {error && (
          <p id={errorId} role="alert" className={styles.error}>
            {error}
          </p>
        )}
        {unused.length > 0 && (
          <div className={styles.add}>
            <Field label={t('rules.survivor.add')} className={styles.select}>
              <Select
                className={styles.fit}
                select={{ className: styles.fit }}
                value={toAdd}
                onChange={(_, data) =>
                  setChosen(data.value as SurvivorCriterion)
                }
              >
                {unused.map((criterion) => (
                  <option key={criterion} value={criterion}>
                    {labelOf(criterion)}
                  </option>
                ))}
              </Select>
            </Field>
            <Button onClick={add}>{t('rules.survivor.addButton')}</Button>
          </div>
        )}
        <LiveMessage>{announcement}</LiveMessage>
      </div>
    </Section>
  );
}
