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
  head: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    marginBottom: tokens.spacingVerticalM,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
});

export type SectionProps = {
  title: string;
  className?: string;
  /** Buttons beside the heading (« Modifier »). */
  actions?: ReactNode;
  children: ReactNode;
};

/** A titled block of a card (`<section>` with an `<h2>`), one column on a phone. */
export function Section({ title, className, actions, children }: SectionProps) {
  const styles = useStyles();
  const headingId = useId();

  return (
    <section
      aria-labelledby={headingId}
      className={mergeClasses(styles.root, className)}
    >
      <div className={styles.head}>
        <h2 id={headingId} className={styles.heading}>
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
