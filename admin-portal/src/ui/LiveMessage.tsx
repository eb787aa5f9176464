import { makeStyles } from '@fluentui/react-components';

const useStyles = makeStyles({
  // Out of sight, still read: the change it announces is already visible.
  root: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: 0,
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

export type LiveMessageProps = { children: string };

/** A message for screen readers only, announced politely when it changes. */
export function LiveMessage({ children }: LiveMessageProps) {
  const styles = useStyles();

  return (
    <p role="status" className={styles.root}>
      {children}
    </p>
  );
}
