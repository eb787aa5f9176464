import { makeStyles, tokens } from '@fluentui/react-components';
import { useT } from '../i18n/useT.ts';
import { Section } from './Section.tsx';

const useStyles = makeStyles({
  text: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  empty: {
    margin: 0,
    color: tokens.colorNeutralForeground3,
    fontStyle: 'italic',
  },
});

export type NotesSectionProps = { notes: string | null };

/** Free notes, line breaks kept. */
export function NotesSection({ notes }: NotesSectionProps) {
  const t = useT();

  return (
    <Section title={t('section.notes')}>
      <NotesDetails notes={notes} />
    </Section>
  );
}

/** The notes alone, for a section that also edits them. */
export function NotesDetails({ notes }: NotesSectionProps) {
  const styles = useStyles();
  const t = useT();

  return notes ? (
    <p className={styles.text}>{notes}</p>
  ) : (
    <p className={styles.empty}>{t('common.empty')}</p>
  );
}
