import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'minmax(7rem, max-content) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    '@media (max-width: 30rem)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
});

export type DetailListProps = { className?: string; children: ReactNode };

/** A description list: labels beside their values, stacked on a phone. */
export function DetailList({ className, children }: DetailListProps) {
  const styles = useStyles();

  return <dl className={mergeClasses(styles.root, className)}>{children}</dl>;
}
