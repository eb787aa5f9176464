import { makeStyles, tokens } from '@fluentui/react-components';
import type { FormEvent, ReactNode } from 'react';
import { PageHeading } from '../../ui/PageHeading.tsx';

const useStyles = makeStyles({
  root: {
    boxSizing: 'border-box',
    width: '100%',
    maxWidth: '28rem',
    margin: `${tokens.spacingVerticalXXL} auto`,
    padding: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow16,
    '@media (max-width: 30rem)': {
      margin: `${tokens.spacingVerticalL} 0`,
      padding: tokens.spacingHorizontalL,
    },
  },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  form: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
});

export type AuthPanelProps = {
  title: string;
  intro: string;
  onSubmit: () => void;
  /** Moves focus to the heading: true for the steps that follow the first. */
  focusHeading?: boolean;
  children: ReactNode;
};

/** The frame of each sign-in step: heading, one line of help, and the form. */
export function AuthPanel({
  title,
  intro,
  onSubmit,
  focusHeading = false,
  children,
}: AuthPanelProps) {
  const styles = useStyles();

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <div className={styles.root}>
      <PageHeading focusOnMount={focusHeading}>{title}</PageHeading>
      <p className={styles.intro}>{intro}</p>
      {/* noValidate: the API words every field error in the chosen language. */}
      <form noValidate className={styles.form} onSubmit={handleSubmit}>
        {children}
      </form>
    </div>
  );
}
