import { makeStyles, tokens } from '@fluentui/react-components';
import { channels, civilities, contactTypes } from 'core-api/client';
import { useT } from '../../i18n/useT.ts';
import type { SectionFormProps } from '../records/EditableSection.tsx';
import { ChoiceField, TextField } from '../records/fields.tsx';
import { problemAt } from '../records/formProblems.ts';
import { RecordPicker } from '../records/RecordPicker.tsx';
import type { ContactForm } from './contactForm.ts';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 12rem), 1fr))',
    gap: tokens.spacingHorizontalM,
  },
});

export type ContactIdentityFormProps = SectionFormProps<ContactForm> & {
  /** The contact edited, never offered as its own intermediary. */
  contactId?: number;
  /** Only the fields a new contact needs first. */
  short?: boolean;
};

/** Civility, title, names, birth date, type, channel, origin, intermediary. */
export function ContactIdentityForm({
  draft,
  change,
  problems,
  contactId,
  short = false,
}: ContactIdentityFormProps) {
  const styles = useStyles();
  const t = useT();
  const set =
    <K extends keyof ContactForm>(key: K) =>
    (value: ContactForm[K]) =>
      change((form) => ({ ...form, [key]: value }));

  return (
    <div className={styles.grid}>
      <ChoiceField
        label={t('field.civility')}
        value={draft.civility}
        onChange={(v) => set('civility')(v as ContactForm['civility'])}
        problem={problemAt(problems, 'civility')}
        options={[
          { value: '', text: t('card.choice.none') },
          ...civilities.map((c) => ({ value: c, text: t(`civility.${c}`) })),
        ]}
      />
      {!short && (
        <TextField
          label={t('field.title')}
          value={draft.title}
          onChange={set('title')}
          problem={problemAt(problems, 'title')}
        />
      )}
      <TextField
        label={t('field.firstName')}
        value={draft.firstName}
        onChange={set('firstName')}
        problem={problemAt(problems, 'firstName')}
      />
      <TextField
        label={t('field.lastName')}
        value={draft.lastName}
        onChange={set('lastName')}
        problem={problemAt(problems, 'lastName')}
      />
      <ChoiceField
        label={t('field.contactType')}
        value={draft.contactType}
        onChange={(v) => set('contactType')(v as ContactForm['contactType'])}
        problem={problemAt(problems, 'contactType')}
        options={contactTypes.map((c) => ({
          value: c,
          text: t(`contactType.${c}`),
        }))}
      />
      {!short && (
        <>
          <TextField
            label={t('field.birthDate')}
            value={draft.birthDate}
            onChange={set('birthDate')}
            problem={problemAt(problems, 'birthDate')}
            hint={t('card.date.birthHint')}
            inputMode="numeric"
          />
          <ChoiceField
            label={t('field.preferredChannel')}
            value={draft.preferredChannel}
            onChange={(v) =>
              set('preferredChannel')(v as ContactForm['preferredChannel'])
            }
            problem={problemAt(problems, 'preferredChannel')}
            options={[
              { value: '', text: t('card.choice.none') },
              ...channels.map((c) => ({ value: c, text: t(`channel.${c}`) })),
            ]}
          />
          <TextField
            label={t('field.origin')}
            value={draft.origin}
            onChange={set('origin')}
            problem={problemAt(problems, 'origin')}
          />
          <RecordPicker
            label={t('field.intermediary')}
            type="contact"
            excludeId={contactId}
            value={
              draft.intermediary && {
                id: draft.intermediary.id,
                name: draft.intermediary.displayName,
              }
            }
            onChange={(picked) =>
              set('intermediary')(
                picked && { id: picked.id, displayName: picked.name },
              )
            }
            problem={problemAt(problems, 'intermediaryId')}
          />
          {draft.intermediary && (
            <TextField
              label={t('field.intermediaryRole')}
              value={draft.intermediaryRole}
              onChange={set('intermediaryRole')}
              problem={problemAt(problems, 'intermediaryRole')}
            />
          )}
        </>
      )}
    </div>
  );
}
