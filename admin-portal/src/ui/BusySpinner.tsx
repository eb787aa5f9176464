import { Spinner } from '@fluentui/react-components';
import { useT } from '../i18n/useT.ts';

export type BusySpinnerProps = {
  /**
   * The button's own text already says it is busy (« Envoi… »): the
   * spinner is then only drawn, not read out a second time.
   */
  silent?: boolean;
};

/**
 * The spinner a button shows while its action runs. Fluent draws it as a
 * progress bar, and an unnamed one is read out as a bare "progress bar":
 * it is named « En cours… ». The button keeps its own name (a progress bar
 * inside a name counts for its value, not its label).
 */
export function BusySpinner({ silent = false }: BusySpinnerProps) {
  const t = useT();

  return silent ? (
    <Spinner size="tiny" aria-hidden />
  ) : (
    <Spinner size="tiny" aria-label={t('app.busy')} />
  );
}
