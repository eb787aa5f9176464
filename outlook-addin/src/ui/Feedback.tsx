import {
  MessageBar,
  MessageBarBody,
  type MessageBarIntent,
} from '@fluentui/react-components';

/**
 * A message after an action, read out by screen readers: errors assertively
 * (`alert`), outcomes politely (`status`).
 */
export function Feedback(props: { intent: MessageBarIntent; lines: string[] }) {
  if (props.lines.length === 0) return null;

  return (
    <MessageBar
      intent={props.intent}
      layout="multiline"
      role={props.intent === 'error' ? 'alert' : 'status'}
    >
      <MessageBarBody>
        {props.lines.map((line) => (
          <div key={line}>{line}</div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}
