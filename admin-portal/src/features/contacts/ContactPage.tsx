import { useApi } from '../../ApiContext.ts';
import { errorMessage, worthRetrying } from '../../api.ts';
import { useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useResource } from '../../ui/useResource.ts';
import { ContactCard } from './ContactCard.tsx';

export type ContactPageProps = { id: number };

/** The screen `#/contacts/:id`: loads the contact, then shows its card. */
export function ContactPage({ id }: ContactPageProps) {
  const t = useT();
  const client = useApi();
  const contact = useResource(() => client.contacts.get(id), `contact:${id}`);

  if (contact.status === 'loading')
    return <LoadingState label={t('app.loading')} />;
  if (contact.status === 'error') {
    return (
      <ErrorMessage
        message={errorMessage(contact.error, t)}
        onRetry={worthRetrying(contact.error) ? contact.reload : undefined}
      />
    );
  }

  return <ContactCard contact={contact.data} />;
}
