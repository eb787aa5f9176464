import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorDetails, errorMessage } from '../../api.ts';
import type {
  ImportBatchDto,
  MappingProfileDto,
  RestageInput,
  StagedSummary,
} from 'core-api/client';
import { useLocale, useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { Section } from '../../ui/Section.tsx';
import { useAction } from '../../ui/useAction.ts';
import { isChoosableKey } from './columnLabels.ts';
import { choiceKey, ColumnTable, type Choices } from './ColumnTable.tsx';

const useStyles = makeStyles({
  body: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
  },
  text: { margin: 0 },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
  },
  field: { flexGrow: 1, minWidth: 0, maxWidth: '24rem' },
});

/** Every column's target, header → key (null: not imported), for a profile. */
function profileColumns(
  mappings: StagedSummary['mappings'],
  choices: Choices,
): Choices {
  const columns: Choices = {};
  for (const mapping of mappings) {
    for (const column of mapping.columns) {
      const choice = choiceKey(mapping.columns, column);
      const key = choice in choices ? choices[choice] : column.key;
      // Type columns describe another column: the reader keeps them itself.
      if (key === null || isChoosableKey(key ?? ''))
        columns[choice] = key ?? null;
    }
  }

  return columns;
}

export type MappingPanelProps = {
  batch: ImportBatchDto & { preview: StagedSummary };
  profiles: MappingProfileDto[];
  onProfileSaved: () => void;
  /** Reads the file again with other columns or a profile. */
  onRestage: (input: RestageInput) => void;
  /** A new reading is being asked for. */
  restaging: boolean;
};

/**
 * « Colonnes du fichier »: each header with the field it fills (suggested,
 * changeable), « Relire avec ces colonnes », and the mapping saved as a named
 * profile or a saved profile applied.
 */
export function MappingPanel({
  batch,
  profiles,
  onProfileSaved,
  onRestage,
  restaging,
}: MappingPanelProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const client = useApi();
  const [choices, setChoices] = useState<Choices>({});
  const [profileName, setProfileName] = useState('');
  const [profileId, setProfileId] = useState('');
  const save = useAction<MappingProfileDto>();
  const { mappings } = batch.preview;
  const changed = Object.keys(choices).length > 0;

  const saveProfile = async () => {
    const saved = await save.run(() =>
      client.mappingProfiles.create({
        name: profileName.trim(),
        columns: profileColumns(mappings, choices),
      }),
    );
    if (!saved) return;
    setProfileName('');
    onProfileSaved();
  };

  return (
    <Section title={t('mapping.title')}>
      <div className={styles.body}>
        <p className={styles.text}>{t('mapping.intro')}</p>
        {mappings.map((mapping, index) => (
          <ColumnTable
            key={mapping.sheet ?? index}
            mapping={mapping}
            choices={choices}
            onChoose={(header, key) =>
              setChoices((current) => ({ ...current, [header]: key }))
            }
          />
        ))}
        <div className={styles.row}>
          <Button
            appearance={changed ? 'primary' : 'secondary'}
            disabledFocusable={!changed || restaging}
            onClick={() =>
              onRestage({ columns: { ...batch.options.columns, ...choices } })
            }
          >
            {t('mapping.apply')}
          </Button>
        </div>

        <div className={styles.row}>
          <Field label={t('mapping.profileName')} className={styles.field}>
            <Input
              value={profileName}
              maxLength={120}
              onChange={(_, data) => setProfileName(data.value)}
            />
          </Field>
          <Button
            disabledFocusable={!profileName.trim() || save.running}
            onClick={saveProfile}
          >
            {t('mapping.save')}
          </Button>
        </div>
        {save.state.status === 'done' && (
          <MessageBar intent="success" layout="multiline" role="status">
            <MessageBarBody>
              {t('mapping.saved', { name: save.state.data.name })}
            </MessageBarBody>
          </MessageBar>
        )}
        {save.state.status === 'error' && (
          <ErrorMessage
            message={errorMessage(save.state.error, t)}
            details={errorDetails(save.state.error, t, locale)}
          />
        )}

        {profiles.length === 0 ? (
          <p className={styles.text}>{t('mapping.noProfiles')}</p>
        ) : (
          <div className={styles.row}>
            <Field label={t('mapping.profile')} className={styles.field}>
              <Select
                value={profileId}
                onChange={(_, data) => setProfileId(data.value)}
              >
                <option value="">{t('mapping.choose')}</option>
                {profiles.map((profile) => (
                  <option key={profile.id} value={String(profile.id)}>
                    {profile.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Button
              disabledFocusable={!profileId || restaging}
              onClick={() =>
                // The profile's columns replace those chosen before.
                onRestage({ profileId: Number(profileId), columns: {} })
              }
            >
              {t('mapping.reapply')}
            </Button>
          </div>
        )}
      </div>
    </Section>
  );
}
