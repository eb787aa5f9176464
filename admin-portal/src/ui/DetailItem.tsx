import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useT } from '../i18n/useT.ts';

const useStyles = makeStyles({
  // `display: contents` lets the pair sit in the parent list's grid.
  group: { display: 'contents' },
  label: {
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightSemibold,
  },
  value: { margin: 0, minWidth: 0, overflowWrap: 'anywhere' },
  empty: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
});

export type DetailItemProps = {
  label: string;
  /** Nothing (null, undefined, false, an empty string) shows « Non renseigné ». */
  children?: ReactNode;
};

/** One label and its value in a `DetailList`. */
export function DetailItem({ label, children }: DetailItemProps) {
  const styles = useStyles();
  const t = useT();
  const isEmpty = [null, undefined, false, ''].includes(children as never);

  return (
    <div className={styles.group}>
      <dt className={styles.label}>{label}</dt>
      <dd className={styles.value}>
        {isEmpty ? (
          <span className={styles.empty}>{t('common.empty')}</span>
        ) : (
          children
        )}
      </dd>
    </div>
  );
}
