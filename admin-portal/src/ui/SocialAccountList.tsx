import type { ContactDto } from 'core-api/client';
import { useT } from '../i18n/useT.ts';
import { InlineList } from './InlineList.tsx';
import { Muted } from './Muted.tsx';
import { ValueRow } from './ValueRow.tsx';
import { WebLink } from './WebLink.tsx';

export type SocialAccountListProps = { accounts: ContactDto['socialAccounts'] };

/** Social accounts: the network, then the profile link or the handle. */
export function SocialAccountList({ accounts }: SocialAccountListProps) {
  const t = useT();

  return (
    <InlineList>
      {accounts.map((account) => (
        <ValueRow key={account.id}>
          <Muted>{t(`social.${account.network}`)}</Muted>
          {account.url ? (
            <WebLink url={account.url} text={account.handle ?? undefined} />
          ) : (
            <span>{account.handle}</span>
          )}
        </ValueRow>
      ))}
    </InlineList>
  );
}
