import { Badge, Link, makeStyles, tokens } from '@fluentui/react-components';
import type { CompanyDto } from 'core-api/client';
import { useT } from '../../i18n/useT.ts';
import { contactHref } from '../../routing/route.ts';
import { Muted } from '../../ui/Muted.tsx';
import { Section } from '../../ui/Section.tsx';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  empty: {
    margin: 0,
    color: tokens.colorNeutralForeground3,
    fontStyle: 'italic',
  },
});

export type CompanyContactsSectionProps = { contacts: CompanyDto['contacts'] };

/** The contacts linked to the company, current ones and past ones, with their function. */
export function CompanyContactsSection({
  contacts,
}: CompanyContactsSectionProps) {
  const styles = useStyles();
  const t = useT();

  return (
    <Section title={t('section.contacts')}>
      {contacts.length === 0 ? (
        <p className={styles.empty}>{t('company.noContacts')}</p>
      ) : (
        <ul className={styles.list}>
          {contacts.map((contact) => (
            <li key={contact.id} className={styles.item}>
              <Link href={contactHref(contact.id)} className={styles.name}>
                {contact.displayName}
              </Link>
              {contact.function && <span>{contact.function}</span>}
              <Muted>{t(`contactType.${contact.contactType}`)}</Muted>
              <Badge
                appearance="tint"
                color={contact.current ? 'success' : 'subtle'}
                size="small"
              >
                {t(
                  contact.current ? 'affiliation.current' : 'affiliation.past',
                )}
              </Badge>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
