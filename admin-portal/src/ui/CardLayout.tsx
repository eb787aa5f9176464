import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
  },
  header: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  grid: {
    display: 'grid',
    // One column on a phone, as many 22rem columns as fit on a desk.
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 22rem), 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
});

export type CardLayoutProps = {
  /** The heading, badges and warnings above the sections. */
  header: ReactNode;
  children: ReactNode;
};

/** A record's card: its header, then its sections in columns that stack on a phone. */
export function CardLayout({ header, children }: CardLayoutProps) {
  const styles = useStyles();

  return (
    <article className={styles.root}>
      <header className={styles.header}>{header}</header>
      <div className={styles.grid}>{children}</div>
    </article>
  );
}
