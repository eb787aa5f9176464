import {
  Button,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useT } from '../../i18n/useT.ts';
import { LiveMessage } from '../../ui/LiveMessage.tsx';
import { ConfirmDelete } from '../admin/ConfirmDelete.tsx';
import { DeletedBanner } from './DeletedBanner.tsx';

const useStyles = makeStyles({
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  hidden: { display: 'none' },
});

export type RecordActionsProps<R> = {
  /** The record's name, in the delete button's and dialog's words. */
  name: string;
  deletedAt: string | null;
  /** The number to call: its E.164 form and how it is shown. */
  phone: { e164: string; display: string } | null;
  email: string | null;
  /** What deleting takes away and what stays. */
  deleteBody: string;
  /** Read out once a section is saved. */
  status?: string;
  onDelete: () => Promise<void>;
  onDeleted: () => void;
  onRestore: () => Promise<R>;
  onRestored: (record: R) => void;
};

/**
 * Under a card's name: buttons to call and write (what a phone in a
 * corridor needs first) and to delete after confirmation; once deleted,
 * the banner with « Restaurer ».
 */
export function RecordActions<R>({
  name,
  deletedAt,
  phone,
  email,
  deleteBody,
  status,
  onDelete,
  onDeleted,
  onRestore,
  onRestored,
}: RecordActionsProps<R>) {
  const styles = useStyles();
  const t = useT();

  return (
    <>
      {deletedAt && (
        <DeletedBanner
          deletedAt={deletedAt}
          onRestore={onRestore}
          onRestored={onRestored}
        />
      )}
      {/* Hidden, not unmounted, once deleted: the confirmation dialog must
          close itself, or the page it covered stays hidden from assistive
          technologies. */}
      <div
        className={mergeClasses(
          styles.actions,
          deletedAt ? styles.hidden : undefined,
        )}
      >
        {phone && (
          <Button
            as="a"
            appearance="primary"
            href={`tel:${phone.e164}`}
            aria-label={t('card.call', { number: phone.display })}
          >
            {t('card.callShort')}
          </Button>
        )}
        {email && (
          <Button
            as="a"
            href={`mailto:${email}`}
            aria-label={t('card.mail', { address: email })}
          >
            {t('card.mailShort')}
          </Button>
        )}
        <ConfirmDelete
          label={t('card.delete.label', { name })}
          text={t('card.delete')}
          title={t('card.delete.title', { name })}
          body={deleteBody}
          confirm={t('card.delete.confirm')}
          cancel={t('card.cancel')}
          onDelete={onDelete}
          onDeleted={onDeleted}
        />
      </div>
      {status && <LiveMessage>{status}</LiveMessage>}
    </>
  );
}
