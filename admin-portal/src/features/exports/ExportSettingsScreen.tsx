import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Switch,
  tokens,
} from '@fluentui/react-components';
import { BusySpinner } from '../../ui/BusySpinner.tsx';
import type { ExportSettingsDto } from 'core-api/client';
import { useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage, isVersionConflict } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Section } from '../../ui/Section.tsx';
import { useAction } from '../../ui/useAction.ts';
import { useResource } from '../../ui/useResource.ts';
import { AdminOnly } from '../admin/AdminOnly.tsx';

const useStyles = makeStyles({
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  form: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalM,
  },
  hint: { margin: 0, color: tokens.colorNeutralForeground2 },
  bar: { alignSelf: 'stretch' },
});

type FormProps = { saved: ExportSettingsDto; onReload: () => void };

function ExportSettingsForm({ saved, onReload }: FormProps) {
  const styles = useStyles();
  const t = useT();
  const client = useApi();
  const [adminOnly, setAdminOnly] = useState(saved.settings.adminOnly);
  const save = useAction<ExportSettingsDto>();
  const { state } = save;
  const conflict = state.status === 'error' && isVersionConflict(state.error);
  const changed = adminOnly !== saved.settings.adminOnly;

  const submit = async () => {
    const done = await save.run(() =>
      client.exports.settings.save({ adminOnly }, saved.version),
    );
    if (done) onReload();
  };

  return (
    <Section title={t('exportSettings.who')}>
      <div className={styles.form}>
        <Switch
          label={t('exportSettings.adminOnly')}
          checked={adminOnly}
          onChange={(_, data) => {
            setAdminOnly(data.checked);
            save.reset();
          }}
        />
        <p className={styles.hint}>
          {t(
            adminOnly
              ? 'exportSettings.adminOnlyOn'
              : 'exportSettings.adminOnlyOff',
          )}
        </p>
        <p className={styles.hint}>
          {saved.updatedAt
            ? t('exportSettings.updatedAt', {
                date: formatDateTime(saved.updatedAt),
              })
            : t('exportSettings.defaults')}
        </p>
        <Button
          appearance="primary"
          disabled={!changed}
          disabledFocusable={save.running}
          icon={save.running ? <BusySpinner /> : undefined}
          onClick={submit}
        >
          {t('exportSettings.save')}
        </Button>
        {state.status === 'done' && !changed && (
          <Notice>{t('exportSettings.saved')}</Notice>
        )}
        {conflict && (
          <MessageBar
            intent="warning"
            layout="multiline"
            className={styles.bar}
          >
            <MessageBarBody>{t('exportSettings.conflict')}</MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={onReload}>
                {t('exportSettings.reload')}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {state.status === 'error' && !conflict && (
          <ErrorMessage message={errorMessage(state.error, t)} />
        )}
      </div>
    </Section>
  );
}

/** The screen « Exports » of the administration: who may export. */
export function ExportSettingsScreen() {
  const styles = useStyles();
  const t = useT();
  const client = useApi();
  const settings = useResource(
    () => client.exports.settings.get(),
    'export-settings',
    { quietReload: true },
  );

  return (
    <AdminOnly title={t('exportSettings.title')}>
      <PageHeading focusOnMount>{t('exportSettings.title')}</PageHeading>
      <p className={styles.intro}>{t('exportSettings.intro')}</p>
      {settings.status === 'loading' && (
        <LoadingState label={t('app.loading')} />
      )}
      {settings.status === 'error' && (
        <ErrorMessage
          message={errorMessage(settings.error, t)}
          onRetry={settings.reload}
        />
      )}
      {settings.status === 'done' && (
        <ExportSettingsForm saved={settings.data} onReload={settings.reload} />
      )}
    </AdminOnly>
  );
}
