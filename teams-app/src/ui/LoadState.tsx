import { Button, Spinner } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18n.tsx';
import type { Loaded } from './useLoad.ts';
import { Problem } from './Problem.tsx';

/**
 * Shows a spinner while the first answer is awaited, the error with a retry
 * button when it failed, and `children(data)` otherwise.
 */
export function LoadState<T>(props: {
  loaded: Loaded<T>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  const { data, error, loading, reload } = props.loaded;
  if (error)
    return (
      <div>
        <Problem text={error.message || t('app.failed')} />
        <Button onClick={reload}>{t('app.retry')}</Button>
      </div>
    );
  if (data === null || (loading && data === null))
    return <Spinner size="small" label={t('app.loading')} />;

  return <>{props.children(data)}</>;
}
