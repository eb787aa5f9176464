import { makeStyles } from '@fluentui/react-components';
import { useLocale } from '../i18n/useT.ts';
import type { Locale } from '../i18n/messages.ts';

const useStyles = makeStyles({
  root: { fontStyle: 'normal' },
  line: { display: 'block' },
});

/** The postal parts shared by a contact's addresses and a company. */
export type AddressParts = {
  street: string | null;
  street2: string | null;
  postalCode: string | null;
  city: string | null;
  region: string | null;
  country: string | null;
};

/** The country's name in the interface language (`FR` → France), else the code. */
export function countryName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The non-empty lines of a postal address, French order (postcode before city). */
export function addressLines(address: AddressParts, locale: Locale): string[] {
  const town = [address.postalCode, address.city].filter(Boolean).join(' ');
  const country = address.country ? countryName(address.country, locale) : null;

  return [
    address.street,
    address.street2,
    town,
    address.region,
    country,
  ].filter((line): line is string => Boolean(line));
}

export type AddressLinesProps = { address: AddressParts };

/** A postal address, one part per line. */
export function AddressLines({ address }: AddressLinesProps) {
  const styles = useStyles();
  const { locale } = useLocale();

  return (
    <address className={styles.root}>
      {addressLines(address, locale).map((line, index) => (
        <span key={index} className={styles.line}>
          {line}
        </span>
      ))}
    </address>
  );
}
