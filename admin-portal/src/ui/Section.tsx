import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    minWidth: 0,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  heading: {
    margin: `0 0 ${tokens.spacingVerticalM}`,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
});

export type SectionProps = {
  title: string;
  className?: string;
  children: ReactNode;
};

/** A titled block of a card (`<section>` with an `<h2>`), one column on a phone. */
export function Section({ title, className, children }: SectionProps) {
  const styles = useStyles();
  const headingId = useId();

  return (
    <section
      aria-labelledby={headingId}
      className={mergeClasses(styles.root, className)}
    >
      <h2 id={headingId} className={styles.heading}>
        {title}
      </h2>
      {children}
    </section>
  );
}
