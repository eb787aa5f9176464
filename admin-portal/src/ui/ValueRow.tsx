import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    minWidth: 0,
  },
});

export type ValueRowProps = { children: ReactNode };

/** One item of an `InlineList`: a value and its small labels, wrapping on a phone. */
export function ValueRow({ children }: ValueRowProps) {
  const styles = useStyles();

  return <li className={styles.root}>{children}</li>;
}
