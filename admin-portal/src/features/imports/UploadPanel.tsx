import {
  Button,
  Field,
  makeStyles,
  mergeClasses,
  Select,
  shorthands,
  tokens,
} from '@fluentui/react-components';
import { BusySpinner } from '../../ui/BusySpinner.tsx';
import { useRef, useState, type DragEvent } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorDetails, errorMessage } from '../../api.ts';
import { formatFileSize } from '../../format.ts';
import type { ImportBatchDto, MappingProfileDto } from 'core-api/client';
import { useLocale, useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { Muted } from '../../ui/Muted.tsx';
import { Section } from '../../ui/Section.tsx';
import { useAction } from '../../ui/useAction.ts';

/** The API refuses bodies over 50 MB; saying so before sending saves the wait. */
const MAX_BYTES = 50 * 1024 * 1024;
const ACCEPTED = '.xlsx,.csv,.txt,.vcf,.vcard';

const useStyles = makeStyles({
  body: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  drop: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  dragging: {
    ...shorthands.borderColor(tokens.colorCompoundBrandStroke),
    backgroundColor: tokens.colorBrandBackground2,
  },
  // The button opens the picker; the input itself stays out of sight.
  input: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
  chosen: { margin: 0, overflowWrap: 'anywhere' },
  profile: { maxWidth: '28rem' },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
  },
});

export type UploadPanelProps = {
  profiles: MappingProfileDto[];
  /** Called with the batch the server is now reading. */
  onStaged: (batch: ImportBatchDto) => void;
};

/**
 * « Nouvel import »: a file dropped or picked, an optional mapping profile,
 * then « Analyser le fichier », which sends it to be read in the background.
 */
export function UploadPanel({ profiles, onStaged }: UploadPanelProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const client = useApi();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [profileId, setProfileId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const upload = useAction<ImportBatchDto>();

  const choose = (chosen: File | undefined) => {
    if (!chosen) return;
    upload.reset();
    setFile(chosen);
    setProblem(chosen.size > MAX_BYTES ? t('upload.tooLarge') : null);
  };

  const handleDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0]);
  };

  const submit = async () => {
    if (!file) return setProblem(t('upload.needFile'));
    if (file.size > MAX_BYTES) return setProblem(t('upload.tooLarge'));
    const staged = await upload.run(() =>
      client.imports.stage({
        file,
        fileName: file.name,
        profileId: profileId ? Number(profileId) : undefined,
      }),
    );
    if (staged) onStaged(staged.data);
  };

  return (
    <Section title={t('upload.title')}>
      <div className={styles.body}>
        <div
          className={mergeClasses(styles.drop, dragging && styles.dragging)}
          onDragEnter={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragOver={(event) => event.preventDefault()}
          onDragLeave={() => setDragging(false)}
          onDrop={handleDrop}
        >
          <span>{t('upload.drop')}</span>
          <Button onClick={() => inputRef.current?.click()}>
            {t('upload.choose')}
          </Button>
          <input
            ref={inputRef}
            type="file"
            accept={ACCEPTED}
            tabIndex={-1}
            aria-label={t('upload.choose')}
            className={styles.input}
            onChange={(event) => choose(event.target.files?.[0])}
          />
          <Muted>{t('upload.formats')}</Muted>
        </div>
        <p role="status" className={styles.chosen}>
          {file
            ? t('upload.chosen', {
                name: file.name,
                size: formatFileSize(file.size, locale),
              })
            : t('upload.none')}
        </p>
        {profiles.length > 0 && (
          <Field label={t('upload.profile')} className={styles.profile}>
            <Select
              value={profileId}
              onChange={(_, data) => setProfileId(data.value)}
            >
              <option value="">{t('upload.noProfile')}</option>
              {profiles.map((profile) => (
                <option key={profile.id} value={String(profile.id)}>
                  {profile.name}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <div className={styles.actions}>
          <Button
            appearance="primary"
            disabledFocusable={upload.running}
            icon={upload.running ? <BusySpinner silent /> : undefined}
            onClick={submit}
          >
            {upload.running ? t('upload.sending') : t('upload.submit')}
          </Button>
        </div>
        {problem && <ErrorMessage message={problem} />}
        {upload.state.status === 'error' && (
          <ErrorMessage
            message={errorMessage(upload.state.error, t)}
            details={errorDetails(upload.state.error, t, locale)}
          />
        )}
      </div>
    </Section>
  );
}
