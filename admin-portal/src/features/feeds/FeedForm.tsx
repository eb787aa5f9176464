import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Switch,
  tokens,
} from '@fluentui/react-components';
import { BusySpinner } from '../../ui/BusySpinner.tsx';
import type { FeedDto, MappingProfileDto } from 'core-api/client';
import { useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage, fieldError, isVersionConflict } from '../../api.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useAction } from '../../ui/useAction.ts';
import {
  draftOf,
  inputOf,
  minutesReadable,
  NEW_FEED,
  type FeedDraft,
} from './feedDraft.ts';
import { kindLabels } from './feedText.ts';
import { submitOnSaveKey } from '../../ui/submitOnSaveKey.ts';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    maxWidth: '40rem',
  },
  row: {
    display: 'grid',
    alignItems: 'start',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 14rem), 1fr))',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
  },
  // A long option must not widen the select past the form.
  select: { minWidth: 0 },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
});

export type FeedFormProps = {
  /** The feed edited; none creates one. */
  feed?: FeedDto;
  profiles: MappingProfileDto[];
  onSaved: (feed: FeedDto) => void;
  /** Reads the feed again (after a colleague's save). */
  onReload?: () => void;
};

/**
 * A feed's settings: name, source (a server folder and file pattern, or an
 * address), schedule, mapping profile, deactivation of missing contacts,
 * on or off. The API checks everything; its objections sit by the fields.
 */
export function FeedForm({ feed, profiles, onSaved, onReload }: FeedFormProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const client = useApi();
  const [draft, setDraft] = useState<FeedDraft>(() =>
    feed ? draftOf(feed) : NEW_FEED,
  );
  const [badMinutes, setBadMinutes] = useState(false);
  const save = useAction<FeedDto>();
  const failure = save.state.status === 'error' ? save.state.error : null;
  const conflict = isVersionConflict(failure);
  const errorAt = (path: string) => fieldError(failure, path, locale);

  const set = (next: Partial<FeedDraft>) => {
    setDraft((previous) => ({ ...previous, ...next }));
    if (save.state.status === 'done') save.reset();
  };

  const submit = async () => {
    setBadMinutes(!minutesReadable(draft));
    if (!minutesReadable(draft)) return;
    const input = inputOf(draft);
    const saved = await save.run(() =>
      feed
        ? client.feeds.update(feed.id, { ...input, version: feed.version })
        : client.feeds.create(input),
    );
    if (saved) onSaved(saved.data);
  };

  const text = (
    key: 'name' | 'folderPath' | 'filePattern' | 'url',
    hint?: string,
  ) => (
    <Field
      label={t(`feedForm.${key}`)}
      hint={hint}
      required={key === 'name' || key === 'url'}
      validationMessage={errorAt(key)}
    >
      <Input
        value={draft[key]}
        type={key === 'url' ? 'url' : 'text'}
        onChange={(_, data) => set({ [key]: data.value })}
      />
    </Field>
  );

  return (
    <form
      className={styles.form}
      noValidate
      onKeyDown={submitOnSaveKey}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {text('name')}
      <Field label={t('feedForm.kind')} validationMessage={errorAt('kind')}>
        <RadioGroup
          value={draft.kind}
          onChange={(_, data) => set({ kind: data.value as FeedDraft['kind'] })}
        >
          {(['folder', 'url'] as const).map((kind) => (
            <Radio key={kind} value={kind} label={t(kindLabels[kind])} />
          ))}
        </RadioGroup>
      </Field>
      {draft.kind === 'folder' ? (
        <div className={styles.row}>
          {text('folderPath', t('feedForm.folderPathHint'))}
          {text('filePattern', t('feedForm.filePatternHint'))}
        </div>
      ) : (
        text('url', t('feedForm.urlHint'))
      )}
      <Field
        label={t('feedForm.schedule')}
        validationMessage={errorAt('schedule.kind')}
      >
        <RadioGroup
          value={draft.scheduleKind}
          onChange={(_, data) =>
            set({ scheduleKind: data.value as FeedDraft['scheduleKind'] })
          }
        >
          <Radio value="every" label={t('feedForm.every')} />
          <Radio value="daily" label={t('feedForm.daily')} />
        </RadioGroup>
      </Field>
      {draft.scheduleKind === 'every' ? (
        <Field
          label={t('feedForm.minutes')}
          validationMessage={
            badMinutes ? t('feedForm.minutesNumber') : errorAt('schedule')
          }
        >
          <Input
            inputMode="numeric"
            value={draft.minutes}
            onChange={(_, data) => {
              setBadMinutes(false);
              set({ minutes: data.value });
            }}
          />
        </Field>
      ) : (
        <Field label={t('feedForm.at')} validationMessage={errorAt('schedule')}>
          <Input
            type="time"
            value={draft.at}
            onChange={(_, data) => set({ at: data.value })}
          />
        </Field>
      )}
      <Field
        label={t('feeds.profile')}
        validationMessage={errorAt('mappingProfileId')}
      >
        <Select
          className={styles.select}
          value={draft.profileId}
          onChange={(_, data) => set({ profileId: data.value })}
        >
          <option value="">{t('feeds.noProfile')}</option>
          {profiles.map((profile) => (
            <option key={profile.id} value={String(profile.id)}>
              {profile.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field hint={t('feedForm.deactivateMissingHint')}>
        <Checkbox
          label={t('feedForm.deactivateMissing')}
          checked={draft.deactivateMissing}
          onChange={(_, data) =>
            set({ deactivateMissing: data.checked === true })
          }
        />
      </Field>
      <Switch
        label={t('feedForm.enabled')}
        checked={draft.enabled}
        onChange={(_, data) => set({ enabled: data.checked })}
      />
      <div className={styles.actions}>
        <Button
          type="submit"
          appearance="primary"
          disabledFocusable={save.running}
          icon={save.running ? <BusySpinner /> : undefined}
        >
          {save.running
            ? t('feedForm.saving')
            : t(feed ? 'feedForm.save' : 'feedForm.create')}
        </Button>
      </div>
      {save.state.status === 'done' && feed && (
        <Notice focusOnMount>{t('feedForm.saved')}</Notice>
      )}
      {conflict && (
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>{t('feedForm.conflict')}</MessageBarBody>
          {onReload && (
            <MessageBarActions>
              <Button onClick={onReload}>{t('feedForm.reload')}</Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {failure !== null && !conflict && (
        <ErrorMessage message={errorMessage(failure, t)} />
      )}
    </form>
  );
}
