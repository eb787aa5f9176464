import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { emailLabels, phoneKinds } from 'core-api/client';
import { useT } from '../../i18n/useT.ts';
import type { SectionFormProps } from '../records/EditableSection.tsx';
import {
  ChoiceField,
  removeAt,
  replaceAt,
  RowList,
  TextField,
} from '../records/fields.tsx';
import { problemAt } from '../records/formProblems.ts';
import { SocialRows } from '../records/SocialRows.tsx';
import { frenchPhoneText } from '../records/typedValues.ts';
import { emptyAddress, type ContactForm } from './contactForm.ts';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
  },
});

/** Marks one row primary, the others not (one primary e-mail, phone…). */
function withPrimary<T extends { isPrimary: boolean }>(
  rows: T[],
  index: number,
) {
  return rows.map((row, at) => ({ ...row, isPrimary: at === index }));
}

export type ContactReachFormProps = SectionFormProps<ContactForm> & {
  /** E-mails and phones only (a new contact's first fields). */
  short?: boolean;
};

/** E-mails with a primary one, phones by kind, postal addresses, social accounts. */
export function ContactReachForm({
  draft,
  change,
  problems,
  short = false,
}: ContactReachFormProps) {
  const styles = useStyles();
  const t = useT();
  const at = (path: string) => problemAt(problems, path);
  const setRows = <K extends 'emails' | 'phones' | 'addresses'>(
    key: K,
    rows: ContactForm[K],
  ) => change((form) => ({ ...form, [key]: rows }));
  const { emails, phones, addresses } = draft;
  const primaryBox = (
    what: string,
    checked: boolean,
    index: number,
    onCheck: () => void,
  ) => (
    <Checkbox
      label={t('common.primary')}
      aria-label={t('card.row.primary', { what, row: index + 1 })}
      checked={checked}
      onChange={(_, data) => data.checked && onCheck()}
    />
  );

  return (
    <div className={styles.root}>
      <RowList
        legend={t('field.emails')}
        items={emails}
        addLabel={t('card.email.add')}
        onAdd={() =>
          setRows('emails', [
            ...emails,
            { address: '', label: 'work', isPrimary: emails.length === 0 },
          ])
        }
        onRemove={(index) => setRows('emails', removeAt(emails, index))}
        renderRow={(row, index) => (
          <>
            <TextField
              label={t('field.email')}
              type="email"
              value={row.address}
              problem={at(`emails.${index}.address`)}
              onChange={(address) =>
                setRows('emails', replaceAt(emails, index, { ...row, address }))
              }
            />
            <ChoiceField
              label={t('card.label')}
              value={row.label}
              problem={at(`emails.${index}.label`)}
              onChange={(label) =>
                setRows(
                  'emails',
                  replaceAt(emails, index, {
                    ...row,
                    label: label as typeof row.label,
                  }),
                )
              }
              options={[
                { value: '', text: t('card.choice.none') },
                ...emailLabels.map((l) => ({
                  value: l,
                  text: t(`emailLabel.${l}`),
                })),
              ]}
            />
            {primaryBox(t('field.emails'), row.isPrimary, index, () =>
              setRows('emails', withPrimary(emails, index)),
            )}
          </>
        )}
      />
      <RowList
        legend={t('field.phones')}
        items={phones}
        addLabel={t('card.phone.add')}
        onAdd={() =>
          setRows('phones', [
            ...phones,
            { number: '', kind: 'mobile', isPrimary: phones.length === 0 },
          ])
        }
        onRemove={(index) => setRows('phones', removeAt(phones, index))}
        renderRow={(row, index) => (
          <>
            <TextField
              label={t('field.phone')}
              type="tel"
              value={row.number}
              problem={at(`phones.${index}.number`)}
              onChange={(number) =>
                setRows('phones', replaceAt(phones, index, { ...row, number }))
              }
              onBlur={() =>
                setRows(
                  'phones',
                  replaceAt(phones, index, {
                    ...row,
                    number: frenchPhoneText(row.number),
                  }),
                )
              }
            />
            <ChoiceField
              label={t('card.phone.kind')}
              value={row.kind}
              problem={at(`phones.${index}.kind`)}
              onChange={(kind) =>
                setRows(
                  'phones',
                  replaceAt(phones, index, {
                    ...row,
                    kind: kind as typeof row.kind,
                  }),
                )
              }
              options={phoneKinds.map((k) => ({
                value: k,
                text: t(`phoneKind.${k}`),
              }))}
            />
            {primaryBox(t('field.phones'), row.isPrimary, index, () =>
              setRows('phones', withPrimary(phones, index)),
            )}
          </>
        )}
      />
      {!short && (
        <>
          <RowList
            legend={t('field.addresses')}
            items={addresses}
            addLabel={t('card.address.add')}
            onAdd={() =>
              setRows('addresses', [
                ...addresses,
                { ...emptyAddress, isPrimary: addresses.length === 0 },
              ])
            }
            onRemove={(index) =>
              setRows('addresses', removeAt(addresses, index))
            }
            renderRow={(row, index) => {
              const field = (key: keyof typeof row & string) => ({
                value: String(row[key]),
                problem: at(`addresses.${index}.${key}`),
                onChange: (value: string) =>
                  setRows(
                    'addresses',
                    replaceAt(addresses, index, { ...row, [key]: value }),
                  ),
              });

              return (
                <>
                  <TextField label={t('field.street')} {...field('street')} />
                  <TextField label={t('field.street2')} {...field('street2')} />
                  <TextField
                    label={t('field.postalCode')}
                    inputMode="numeric"
                    {...field('postalCode')}
                  />
                  <TextField label={t('field.city')} {...field('city')} />
                  <TextField label={t('field.region')} {...field('region')} />
                  <TextField
                    label={t('field.country')}
                    hint={t('card.country.hint')}
                    {...field('country')}
                  />
                  <ChoiceField
                    label={t('card.label')}
                    {...field('label')}
                    options={[
                      { value: '', text: t('card.choice.none') },
                      ...emailLabels.map((l) => ({
                        value: l,
                        text: t(`addressLabel.${l}`),
                      })),
                    ]}
                  />
                  {primaryBox(t('field.addresses'), row.isPrimary, index, () =>
                    setRows('addresses', withPrimary(addresses, index)),
                  )}
                </>
              );
            }}
          />
          <SocialRows
            rows={draft.socialAccounts}
            problems={problems}
            onChange={(socialAccounts) =>
              change((form) => ({ ...form, socialAccounts }))
            }
          />
        </>
      )}
    </div>
  );
}
