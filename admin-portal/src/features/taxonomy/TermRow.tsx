import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { TermDto, TermUsageDto } from 'core-api/client';
import { useApi } from '../../ApiContext.ts';
import { useT } from '../../i18n/useT.ts';
import { Muted } from '../../ui/Muted.tsx';
import { ConfirmDelete } from '../admin/ConfirmDelete.tsx';
import { useRecordListStyles } from '../admin/recordListStyles.ts';

const useStyles = makeStyles({
  label: { fontWeight: tokens.fontWeightSemibold },
});

export type TermRowProps = {
  term: TermDto;
  usage: TermUsageDto;
  /** Its live sub-domains, deleted with it. */
  childCount: number;
  /** Its place among its siblings, to offer only the moves possible. */
  first: boolean;
  last: boolean;
  /** Moves it one place up (-1) or down (+1) among its siblings. */
  onMove: (delta: -1 | 1) => void;
  moving: boolean;
  onEdit: () => void;
  onDeleted: () => void;
};

/** The id of a term's move button, to give it the focus back after a move. */
export function moveButtonId(termId: number, delta: -1 | 1): string {
  return `taxo-move-${termId}-${delta < 0 ? 'up' : 'down'}`;
}

/**
 * One term: its labels, how many records use it, and buttons to move it
 * among its siblings, change it, or delete it after a confirmation saying
 * what it touches.
 */
export function TermRow({
  term,
  usage,
  childCount,
  first,
  last,
  onMove,
  moving,
  onEdit,
  onDeleted,
}: TermRowProps) {
  const styles = useStyles();
  const list = useRecordListStyles();
  const t = useT();
  const client = useApi();
  const name = { label: term.label };
  // A domain goes with its sub-domains: say what all of them touch.
  const contacts = usage.contactsWithin;
  const companies = usage.companiesWithin;
  const body = [
    contacts + companies > 0
      ? t('taxo.delete.body', { contacts, companies })
      : t('taxo.delete.bodyUnused'),
    ...(childCount > 0
      ? [t('taxo.delete.bodyChildren', { count: childCount })]
      : []),
  ].join(' ');

  return (
    <div className={list.row}>
      <div className={list.what}>
        <span>
          <span className={styles.label}>{term.label}</span>
          {term.labelEn && (
            <>
              {' '}
              <Muted>
                <span lang="en">
                  {t('taxo.labelEn', { label: term.labelEn })}
                </span>
              </Muted>
            </>
          )}
        </span>
        <Muted>
          {usage.contacts + usage.companies > 0
            ? t('taxo.usage', {
                contacts: usage.contacts,
                companies: usage.companies,
              })
            : t('taxo.unused')}
          {childCount > 0 &&
            ` · ${t('taxo.usageWithin', { contacts, companies })}`}
        </Muted>
      </div>
      <div className={list.actions}>
        <Button
          id={moveButtonId(term.id, -1)}
          aria-label={t('order.upItem', { item: term.label })}
          disabledFocusable={first || moving}
          onClick={() => onMove(-1)}
        >
          {t('order.up')}
        </Button>
        <Button
          id={moveButtonId(term.id, 1)}
          aria-label={t('order.downItem', { item: term.label })}
          disabledFocusable={last || moving}
          onClick={() => onMove(1)}
        >
          {t('order.down')}
        </Button>
        <Button aria-label={t('taxo.editFor', name)} onClick={onEdit}>
          {t('taxo.edit')}
        </Button>
        <ConfirmDelete
          label={t('taxo.delete.open', name)}
          text={t('taxo.delete.confirm')}
          title={t('taxo.delete.title', name)}
          body={body}
          confirm={t('taxo.delete.confirm')}
          cancel={t('taxo.delete.cancel')}
          onDelete={() => client.taxonomy.remove(term.id)}
          onDeleted={onDeleted}
        />
      </div>
    </div>
  );
}
