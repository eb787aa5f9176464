import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import { LiveMessage } from './LiveMessage.tsx';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  position: {
    minWidth: '1.5rem',
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightSemibold,
  },
  // A long name (a criterion written as a sentence) stays beside its
  // number and wraps there; the buttons go below it on a phone.
  name: {
    flexGrow: 1,
    flexBasis: 'min(100%, 12rem)',
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
  },
});

type Action = 'up' | 'down' | 'remove';

export type ReorderListProps<T extends string> = {
  /** The list's accessible name. */
  label: string;
  /** The items in order; each is its own key, so no item appears twice. */
  items: readonly T[];
  /** The words shown for an item. */
  labelOf: (item: T) => string;
  onChange: (items: T[]) => void;
  /** An item's id for `aria-describedby` (an error under the list). */
  describedBy?: string;
};

/**
 * An ordered list each item of which moves up or down, or leaves, by its own
 * buttons: usable with the keyboard alone. The focus follows the moved item
 * and its new position is announced.
 */
export function ReorderList<T extends string>({
  label,
  items,
  labelOf,
  onChange,
  describedBy,
}: ReorderListProps<T>) {
  const styles = useStyles();
  const t = useT();
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const [focusNext, setFocusNext] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    if (focusNext === null) return;
    buttons.current.get(focusNext)?.focus();
    setFocusNext(null);
  }, [focusNext, items]);

  const move = (index: number, by: -1 | 1) => {
    const item = items[index];
    const target = index + by;
    if (item === undefined || target < 0 || target >= items.length) return;
    const next = items.filter((_, at) => at !== index);
    next.splice(target, 0, item);
    onChange(next);
    setFocusNext(`${item}:${by < 0 ? 'up' : 'down'}`);
    setAnnouncement(
      t('order.moved', {
        item: labelOf(item),
        position: target + 1,
        count: items.length,
      }),
    );
  };

  const remove = (index: number) => {
    const item = items[index];
    if (item === undefined) return;
    onChange(items.filter((_, at) => at !== index));
    // The focus goes to the item that takes its place, else the one before.
    const neighbour = items[index + 1] ?? items[index - 1];
    if (neighbour !== undefined) setFocusNext(`${neighbour}:remove`);
    setAnnouncement(t('order.removed', { item: labelOf(item) }));
  };

  const keep =
    (item: T, action: Action) => (node: HTMLButtonElement | null) => {
      const key = `${item}:${action}`;
      if (node) buttons.current.set(key, node);
      else buttons.current.delete(key);
    };

  return (
    <>
      <ol
        aria-label={label}
        aria-describedby={describedBy}
        className={styles.list}
      >
        {items.map((item, index) => {
          const name = labelOf(item);

          return (
            <li key={item} className={styles.item}>
              <span aria-hidden className={styles.position}>
                {index + 1}.
              </span>
              <span className={styles.name}>{name}</span>
              <span className={styles.actions}>
                <Button
                  ref={keep(item, 'up')}
                  size="small"
                  disabledFocusable={index === 0}
                  aria-label={t('order.upItem', { item: name })}
                  onClick={() => move(index, -1)}
                >
                  {t('order.up')}
                </Button>
                <Button
                  ref={keep(item, 'down')}
                  size="small"
                  disabledFocusable={index === items.length - 1}
                  aria-label={t('order.downItem', { item: name })}
                  onClick={() => move(index, 1)}
                >
                  {t('order.down')}
                </Button>
                <Button
                  ref={keep(item, 'remove')}
                  size="small"
                  aria-label={t('order.removeItem', { item: name })}
                  onClick={() => remove(index)}
                >
                  {t('order.remove')}
                </Button>
              </span>
            </li>
          );
        })}
      </ol>
      <LiveMessage>{announcement}</LiveMessage>
    </>
  );
}
