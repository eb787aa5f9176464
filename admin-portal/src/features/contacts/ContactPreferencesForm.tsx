import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { useT } from '../../i18n/useT.ts';
import type { SectionFormProps } from '../records/EditableSection.tsx';
import type { ContactForm } from './contactForm.ts';

const useStyles = makeStyles({
  fieldset: {
    margin: 0,
    padding: 0,
    border: 'none',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold },
});

const CHANNELS = ['email', 'sms', 'post', 'phone'] as const;

/** Do-not-contact, and the channels the person refused. */
export function ContactPreferencesForm({
  draft,
  change,
}: SectionFormProps<ContactForm>) {
  const styles = useStyles();
  const t = useT();

  return (
    <>
      <Checkbox
        label={t('card.doNotContact')}
        checked={draft.doNotContact}
        onChange={(_, data) =>
          change((form) => ({ ...form, doNotContact: data.checked === true }))
        }
      />
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('card.optOut.legend')}</legend>
        {CHANNELS.map((channel) => (
          <Checkbox
            key={channel}
            label={t(`channel.${channel}`)}
            checked={draft.optOut[channel]}
            onChange={(_, data) =>
              change((form) => ({
                ...form,
                optOut: { ...form.optOut, [channel]: data.checked === true },
              }))
            }
          />
        ))}
      </fieldset>
    </>
  );
}
