import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
});

export type MutedProps = { children: ReactNode };

/** Secondary text beside a value (a label, a kind). */
export function Muted({ children }: MutedProps) {
  const styles = useStyles();

  return <span className={styles.root}>{children}</span>;
}
