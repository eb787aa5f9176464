import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
} from '@fluentui/react-components';
import { useT } from '../i18n/useT.ts';

export type ErrorMessageProps = {
  message: string;
  /** Shows a « Réessayer » button. */
  onRetry?: () => void;
};

/** An error in words, read out at once (`role="alert"`). */
export function ErrorMessage({ message, onRetry }: ErrorMessageProps) {
  const t = useT();

  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>{message}</MessageBarBody>
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
