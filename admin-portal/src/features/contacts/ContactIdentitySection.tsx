import { Link } from '@fluentui/react-components';
import type { ContactDto } from 'core-api/client';
import { formatBirthDate } from '../../format.ts';
import { useT } from '../../i18n/useT.ts';
import { contactHref } from '../../routing/route.ts';
import { DetailItem } from '../../ui/DetailItem.tsx';
import { DetailList } from '../../ui/DetailList.tsx';
import { InlineList } from '../../ui/InlineList.tsx';
import { Muted } from '../../ui/Muted.tsx';
import { ValueRow } from '../../ui/ValueRow.tsx';

export type ContactIdentityDetailsProps = { contact: ContactDto };

/** Civility, title, names, birth date, type, preferred channel, origin, intermediary. */
export function ContactIdentityDetails({
  contact,
}: ContactIdentityDetailsProps) {
  const t = useT();
  const { intermediary } = contact;

  return (
    <DetailList>
      <DetailItem label={t('field.civility')}>
        {contact.civility && t(`civility.${contact.civility}`)}
      </DetailItem>
      <DetailItem label={t('field.title')}>{contact.title}</DetailItem>
      <DetailItem label={t('field.firstName')}>{contact.firstName}</DetailItem>
      <DetailItem label={t('field.lastName')}>{contact.lastName}</DetailItem>
      <DetailItem label={t('field.birthDate')}>
        {contact.birthDate && formatBirthDate(contact.birthDate)}
      </DetailItem>
      <DetailItem label={t('field.contactType')}>
        {t(`contactType.${contact.contactType}`)}
      </DetailItem>
      <DetailItem label={t('field.preferredChannel')}>
        {contact.preferredChannel && t(`channel.${contact.preferredChannel}`)}
      </DetailItem>
      <DetailItem label={t('field.origin')}>{contact.origin}</DetailItem>
      <DetailItem label={t('field.intermediary')}>
        {intermediary && (
          <InlineList>
            <ValueRow>
              <Link href={contactHref(intermediary.id)}>
                {intermediary.displayName}
              </Link>
              {intermediary.role && (
                <Muted>
                  {t('contact.intermediaryRole', { role: intermediary.role })}
                </Muted>
              )}
            </ValueRow>
          </InlineList>
        )}
      </DetailItem>
    </DetailList>
  );
}
