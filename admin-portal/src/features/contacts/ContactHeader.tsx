import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { ContactDto } from 'core-api/client';
import { useT } from '../../i18n/useT.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import {
  RecordActions,
  type RecordActionsProps,
} from '../records/RecordActions.tsx';
import { ContactWarnings } from './ContactWarnings.tsx';

const useStyles = makeStyles({
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export type ContactHeaderProps = { contact: ContactDto } & Pick<
  RecordActionsProps<ContactDto>,
  'status' | 'onDelete' | 'onDeleted' | 'onRestore' | 'onRestored'
>;

/**
 * The contact's name and type, the buttons to call, write, delete (or the
 * banner to restore), and the warnings to see before reaching out.
 */
export function ContactHeader({ contact, ...actions }: ContactHeaderProps) {
  const styles = useStyles();
  const t = useT();
  const phone =
    contact.phones.find((p) => p.isPrimary && p.e164) ??
    contact.phones.find((p) => p.e164);
  const email =
    contact.emails.find((e) => e.isPrimary) ?? contact.emails[0] ?? null;

  return (
    <>
      <PageHeading focusOnMount>{contact.displayName}</PageHeading>
      <div className={styles.badges}>
        <Badge appearance="filled" color="brand">
          {t(`contactType.${contact.contactType}`)}
        </Badge>
      </div>
      <RecordActions
        {...actions}
        name={contact.displayName}
        deletedAt={contact.deletedAt}
        phone={
          phone?.e164 ? { e164: phone.e164, display: phone.display } : null
        }
        email={email?.address ?? null}
        deleteBody={t('card.delete.contactBody')}
      />
      <ContactWarnings contact={contact} />
    </>
  );
}
