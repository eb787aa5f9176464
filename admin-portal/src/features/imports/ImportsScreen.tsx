import {
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { useT } from '../../i18n/useT.ts';
import { importsHref, navigate } from '../../routing/route.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useResource } from '../../ui/useResource.ts';
import { useSession } from '../auth/SessionContext.ts';
import { ImportBatchScreen } from './ImportBatchScreen.tsx';
import { HISTORY_PAGE_SIZE, ImportHistory } from './ImportHistory.tsx';
import { UploadPanel } from './UploadPanel.tsx';

const useStyles = makeStyles({
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
});

function ImportsHome() {
  const styles = useStyles();
  const t = useT();
  const client = useApi();
  const [page, setPage] = useState(1);
  const history = useResource(
    () => client.imports.list({ page, pageSize: HISTORY_PAGE_SIZE }),
    `imports:${page}`,
    { quietReload: true },
  );
  const profiles = useResource(
    () => client.mappingProfiles.list(),
    'mapping-profiles',
  );

  return (
    <>
      <PageHeading focusOnMount>{t('imports.title')}</PageHeading>
      <p className={styles.intro}>{t('imports.intro')}</p>
      <UploadPanel
        profiles={profiles.status === 'done' ? profiles.data.items : []}
        onStaged={(batch) => navigate(importsHref(batch.id))}
      />
      <ImportHistory history={history} onPage={setPage} />
    </>
  );
}

export type ImportsScreenProps = {
  /** The import opened (`#/imports/:id`); none shows upload and history. */
  batchId?: number;
};

/** The section « Imports », for administrators only. */
export function ImportsScreen({ batchId }: ImportsScreenProps) {
  const t = useT();
  const { user } = useSession();

  if (user?.role !== 'admin') {
    return (
      <>
        <PageHeading focusOnMount>{t('imports.title')}</PageHeading>
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('imports.adminOnly')}</MessageBarBody>
        </MessageBar>
      </>
    );
  }
  if (batchId !== undefined)
    return <ImportBatchScreen key={batchId} id={batchId} />;

  return <ImportsHome />;
}
