import { Link } from '@fluentui/react-components';

export type PhoneLinkProps = {
  phone: { e164: string | null; display: string };
};

/** A number to call: a `tel:` link on the E.164 form, plain text when it has none. */
export function PhoneLink({ phone }: PhoneLinkProps) {
  if (!phone.e164) return <span>{phone.display}</span>;

  return <Link href={`tel:${phone.e164}`}>{phone.display}</Link>;
}
