import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { formatDateTime } from '../../format.ts';
import { useT } from '../../i18n/useT.ts';
import { changedFields, type RecordFields } from './recordFields.ts';
import type { Conflict } from './useRecordEditor.ts';

const useStyles = makeStyles({
  list: {
    margin: `${tokens.spacingVerticalS} 0 0`,
    paddingInlineStart: tokens.spacingHorizontalL,
  },
  value: { overflowWrap: 'anywhere' },
  both: { fontWeight: tokens.fontWeightSemibold },
});

export type ConflictNoticeProps<R, F> = {
  conflict: Conflict<R>;
  /** The record as it was when the person began editing. */
  base: R;
  draft: F;
  fields: RecordFields<F>;
  onReapply: () => void;
  onDiscard: () => void;
};

/**
 * Says that a colleague saved the record meanwhile, who and when, and what
 * differs between their version and the person's draft, field by field;
 * fields both changed are marked. Nothing is saved until the person
 * chooses: carry their changes over onto the colleague's version, or drop
 * them.
 */
export function ConflictNotice<R, F>({
  conflict,
  base,
  draft,
  fields,
  onReapply,
  onDiscard,
}: ConflictNoticeProps<R, F>) {
  const styles = useStyles();
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const fresh = fields.formOf(conflict.fresh);
  const before = fields.formOf(base);
  const theirs = new Set(changedFields(fields.fields, before, fresh));
  const mine = new Set(changedFields(fields.fields, before, draft));
  const differing = changedFields(fields.fields, fresh, draft);

  useEffect(() => ref.current?.focus(), []);

  return (
    <MessageBar
      ref={ref}
      tabIndex={-1}
      intent="warning"
      layout="multiline"
      role="alert"
    >
      <MessageBarBody>
        <MessageBarTitle>{t('card.conflict.title')}</MessageBarTitle>
        {conflict.who && conflict.at
          ? t('card.conflict.by', {
              who: conflict.who,
              date: formatDateTime(conflict.at),
            })
          : t('card.conflict.byUnknown')}
        <ul className={styles.list}>
          {differing.map((field) => (
            <li
              key={field}
              className={
                theirs.has(field) && mine.has(field) ? styles.both : undefined
              }
            >
              {fields.label(field, t)}
              {theirs.has(field) && mine.has(field)
                ? ` (${t('card.conflict.both')})`
                : ''}
              {' : '}
              <span className={styles.value}>
                {t('card.conflict.values', {
                  theirs: fields.describe(field, fresh, t),
                  mine: fields.describe(field, draft, t),
                })}
              </span>
            </li>
          ))}
        </ul>
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={onReapply}>
          {t('card.conflict.reapply')}
        </Button>
        <Button onClick={onDiscard}>{t('card.conflict.discard')}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
