import { Link } from '@fluentui/react-components';
import type { ContactDto } from 'core-api/client';
import { useT } from '../../i18n/useT.ts';
import { AddressLines } from '../../ui/AddressLines.tsx';
import { DetailItem } from '../../ui/DetailItem.tsx';
import { DetailList } from '../../ui/DetailList.tsx';
import { InlineList } from '../../ui/InlineList.tsx';
import { Muted } from '../../ui/Muted.tsx';
import { PhoneLink } from '../../ui/PhoneLink.tsx';
import { PrimaryBadge } from '../../ui/PrimaryBadge.tsx';
import { SocialAccountList } from '../../ui/SocialAccountList.tsx';
import { ValueRow } from '../../ui/ValueRow.tsx';

export type ContactReachDetailsProps = { contact: ContactDto };

/** Emails, phones, postal addresses and social accounts. */
export function ContactReachDetails({ contact }: ContactReachDetailsProps) {
  const t = useT();
  const { emails, phones, addresses, socialAccounts } = contact;

  return (
    <DetailList>
      <DetailItem label={t('field.emails')}>
        {emails.length > 0 && (
          <InlineList>
            {emails.map((email) => (
              <ValueRow key={email.id}>
                <Link href={`mailto:${email.address}`}>{email.address}</Link>
                {email.label && <Muted>{t(`emailLabel.${email.label}`)}</Muted>}
                {email.isPrimary && <PrimaryBadge />}
              </ValueRow>
            ))}
          </InlineList>
        )}
      </DetailItem>
      <DetailItem label={t('field.phones')}>
        {phones.length > 0 && (
          <InlineList>
            {phones.map((phone) => (
              <ValueRow key={phone.id}>
                <PhoneLink phone={phone} />
                <Muted>{t(`phoneKind.${phone.kind}`)}</Muted>
                {phone.raw !== phone.display && (
                  <Muted>{t('contact.phoneRaw', { raw: phone.raw })}</Muted>
                )}
                {phone.isPrimary && <PrimaryBadge />}
              </ValueRow>
            ))}
          </InlineList>
        )}
      </DetailItem>
      <DetailItem label={t('field.addresses')}>
        {addresses.length > 0 && (
          <InlineList>
            {addresses.map((address) => (
              <ValueRow key={address.id}>
                <AddressLines address={address} />
                {address.label && (
                  <Muted>{t(`addressLabel.${address.label}`)}</Muted>
                )}
                {address.isPrimary && <PrimaryBadge />}
              </ValueRow>
            ))}
          </InlineList>
        )}
      </DetailItem>
      <DetailItem label={t('field.socialAccounts')}>
        {socialAccounts.length > 0 && (
          <SocialAccountList accounts={socialAccounts} />
        )}
      </DetailItem>
    </DetailList>
  );
}
