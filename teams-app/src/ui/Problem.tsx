import {
  MessageBar,
  MessageBarBody,
  type MessageBarIntent,
} from '@fluentui/react-components';

/** A message under a form or a section, read out when it appears. */
export function Problem(props: { text: string; intent?: MessageBarIntent }) {
  const intent = props.intent ?? 'error';

  return (
    <MessageBar intent={intent} role={intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>{props.text}</MessageBarBody>
    </MessageBar>
  );
}
