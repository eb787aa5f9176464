import { socialNetworks } from 'core-api/client';
import { useT } from '../../i18n/useT.ts';
import {
  ChoiceField,
  removeAt,
  replaceAt,
  RowList,
  TextField,
} from './fields.tsx';
import { problemAt, type Problem } from './formProblems.ts';

/** A social account as a form edits it. */
export type SocialAccountRow = {
  network: (typeof socialNetworks)[number];
  handle: string;
  url: string;
};

export type SocialRowsProps = {
  rows: SocialAccountRow[];
  onChange: (rows: SocialAccountRow[]) => void;
  problems: Problem[];
};

/** The social accounts of a contact or a company: network, handle, address. */
export function SocialRows({ rows, onChange, problems }: SocialRowsProps) {
  const t = useT();
  const at = (index: number, field: string) =>
    problemAt(problems, `socialAccounts.${index}.${field}`);

  return (
    <RowList
      legend={t('field.socialAccounts')}
      items={rows}
      addLabel={t('card.social.add')}
      onAdd={() =>
        onChange([...rows, { network: 'linkedin', handle: '', url: '' }])
      }
      onRemove={(index) => onChange(removeAt(rows, index))}
      renderRow={(row, index) => (
        <>
          <ChoiceField
            label={t('card.social.network')}
            value={row.network}
            problem={at(index, 'network')}
            onChange={(network) =>
              onChange(
                replaceAt(rows, index, {
                  ...row,
                  network: network as SocialAccountRow['network'],
                }),
              )
            }
            options={socialNetworks.map((n) => ({
              value: n,
              text: t(`social.${n}`),
            }))}
          />
          <TextField
            label={t('card.social.handle')}
            value={row.handle}
            problem={at(index, 'handle')}
            onChange={(handle) =>
              onChange(replaceAt(rows, index, { ...row, handle }))
            }
          />
          <TextField
            label={t('card.social.url')}
            type="url"
            value={row.url}
            problem={at(index, 'url')}
            onChange={(url) =>
              onChange(replaceAt(rows, index, { ...row, url }))
            }
          />
        </>
      )}
    />
  );
}
