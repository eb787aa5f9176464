import { makeStyles, tokens } from '@fluentui/react-components';
import { useApi } from '../../ApiContext.ts';
import { errorMessage } from '../../api.ts';
import { useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useResource } from '../../ui/useResource.ts';
import { AdminOnly } from '../admin/AdminOnly.tsx';
import { MergeRulesForm } from './MergeRulesForm.tsx';

const useStyles = makeStyles({
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
});

function MergeRulesLoader() {
  const styles = useStyles();
  const t = useT();
  const client = useApi();
  const rules = useResource(() => client.mergeRules.get(), 'merge-rules');

  return (
    <>
      <PageHeading focusOnMount>{t('rules.title')}</PageHeading>
      <p className={styles.intro}>{t('rules.intro')}</p>
      {rules.status === 'loading' && <LoadingState label={t('app.loading')} />}
      {rules.status === 'error' && (
        <ErrorMessage
          message={errorMessage(rules.error, t)}
          onRetry={rules.reload}
        />
      )}
      {rules.status === 'done' && (
        <MergeRulesForm saved={rules.data} onReload={rules.reload} />
      )}
    </>
  );
}

/** The screen « Règles de doublons », for administrators. */
export function MergeRulesScreen() {
  const t = useT();

  return (
    <AdminOnly title={t('rules.title')}>
      <MergeRulesLoader />
    </AdminOnly>
  );
}
