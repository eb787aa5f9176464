import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { ContactDto } from 'core-api/client';
import { useT } from '../../i18n/useT.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { ContactWarnings } from './ContactWarnings.tsx';

const useStyles = makeStyles({
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export type ContactHeaderProps = { contact: ContactDto };

/** The contact's name, type and warnings, above the sections. */
export function ContactHeader({ contact }: ContactHeaderProps) {
  const styles = useStyles();
  const t = useT();

  return (
    <>
      <PageHeading focusOnMount>{contact.displayName}</PageHeading>
      <div className={styles.badges}>
        <Badge appearance="filled" color="brand">
          {t(`contactType.${contact.contactType}`)}
        </Badge>
      </div>
      <ContactWarnings contact={contact} />
    </>
  );
}
