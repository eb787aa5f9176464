import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, type ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    margin: 0,
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
    // Focused by script to announce a new screen; it is not a control, so
    // it draws no focus ring (and is never reached with Tab).
    ':focus': { outlineStyle: 'none' },
  },
});

export type PageHeadingProps = {
  children: ReactNode;
  /** Moves focus here when shown, so a screen reader announces the new screen. */
  focusOnMount?: boolean;
};

/** The `<h1>` of a screen. */
export function PageHeading({
  children,
  focusOnMount = false,
}: PageHeadingProps) {
  const styles = useStyles();
  const ref = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount]);

  return (
    <h1 ref={ref} tabIndex={-1} className={styles.root}>
      {children}
    </h1>
  );
}
