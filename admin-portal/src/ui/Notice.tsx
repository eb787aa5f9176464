import {
  MessageBar,
  MessageBarBody,
  type MessageBarProps,
} from '@fluentui/react-components';
import { useEffect, useRef, type ReactNode } from 'react';

export type NoticeProps = {
  intent?: MessageBarProps['intent'];
  /**
   * Takes the focus when shown: the button that led here has gone (a merge
   * done, an import committed), and the focus must not fall to the page.
   */
  focusOnMount?: boolean;
  children: ReactNode;
};

/** The outcome of an action, announced politely (`role="status"`). */
export function Notice({
  intent = 'success',
  focusOnMount = false,
  children,
}: NoticeProps) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount]);

  return (
    <MessageBar
      ref={ref}
      tabIndex={-1}
      intent={intent}
      layout="multiline"
      role="status"
    >
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}
