import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
});

export type InlineListProps = { className?: string; children: ReactNode };

/** A bare `<ul>` for the values of one field (several emails, phones…). */
export function InlineList({ className, children }: InlineListProps) {
  const styles = useStyles();

  return <ul className={mergeClasses(styles.root, className)}>{children}</ul>;
}
