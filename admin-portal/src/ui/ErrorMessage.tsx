import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
} from '@fluentui/react-components';
import { useT } from '../i18n/useT.ts';

export type ErrorMessageProps = {
  message: string;
  /** Lines under the message (the fields the API named). */
  details?: string[];
  /** Shows a « Réessayer » button. */
  onRetry?: () => void;
};

/** An error in words, read out at once (`role="alert"`). */
export function ErrorMessage({
  message,
  details = [],
  onRetry,
}: ErrorMessageProps) {
  const t = useT();

  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        {message}
        {details.length > 0 && (
          <ul>
            {details.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
