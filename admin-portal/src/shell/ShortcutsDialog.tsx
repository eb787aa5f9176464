import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { Fragment } from 'react';
import type { MessageKey } from '../i18n/messages.ts';
import { useT } from '../i18n/useT.ts';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(40rem, calc(100vw - 2rem))' },
  content: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    // Room between the text and the focus ring drawn around the region.
    padding: tokens.spacingHorizontalXS,
  },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  group: { margin: 0, fontSize: tokens.fontSizeBase400 },
  table: { width: '100%', borderCollapse: 'collapse' },
  cell: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    textAlign: 'start',
    verticalAlign: 'top',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  keys: { width: '40%', minWidth: '8rem' },
  kbd: {
    display: 'inline-block',
    padding: `0 ${tokens.spacingHorizontalXS}`,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground3,
    whiteSpace: 'nowrap',
  },
  or: { color: tokens.colorNeutralForeground2 },
});

/** A key: printed as is (`?`, `K`) or named in the user's language. */
type Key = string | { name: MessageKey };
/** Keys pressed together, e.g. Ctrl + S. */
type Combo = Key[];
type Shortcut = { combos: Combo[]; action: MessageKey };
type Group = { title: MessageKey; shortcuts: Shortcut[] };

const CTRL: Key = { name: 'shortcuts.key.ctrl' };
const SHIFT: Key = { name: 'shortcuts.key.shift' };
const ESCAPE: Key = { name: 'shortcuts.key.escape' };
const UP: Key = { name: 'shortcuts.key.up' };
const DOWN: Key = { name: 'shortcuts.key.down' };
const SPACE: Key = { name: 'shortcuts.key.space' };
const ENTER: Key = { name: 'shortcuts.key.enter' };

/**
 * Every shortcut of the portal, where it works. Kept beside the code that
 * answers each key: the search box, the tables (RecordTable), the cards'
 * sections and the forms.
 */
export const SHORTCUT_GROUPS: Group[] = [
  {
    title: 'shortcuts.group.everywhere',
    shortcuts: [
      { combos: [['?']], action: 'shortcuts.help' },
      { combos: [['/'], [CTRL, 'K']], action: 'shortcuts.search' },
      { combos: [[ESCAPE]], action: 'shortcuts.escape' },
    ],
  },
  {
    title: 'shortcuts.group.search',
    shortcuts: [
      { combos: [[UP], [DOWN]], action: 'shortcuts.search.browse' },
      { combos: [[ENTER]], action: 'shortcuts.search.open' },
      { combos: [[ESCAPE]], action: 'shortcuts.search.clear' },
    ],
  },
  {
    title: 'shortcuts.group.tables',
    shortcuts: [
      { combos: [[UP], [DOWN]], action: 'shortcuts.table.move' },
      {
        combos: [
          [{ name: 'shortcuts.key.pageDown' }],
          [{ name: 'shortcuts.key.pageUp' }],
        ],
        action: 'shortcuts.table.page',
      },
      {
        combos: [
          [{ name: 'shortcuts.key.home' }],
          [{ name: 'shortcuts.key.end' }],
        ],
        action: 'shortcuts.table.ends',
      },
      { combos: [[ENTER]], action: 'shortcuts.table.open' },
      { combos: [[SPACE]], action: 'shortcuts.table.tick' },
      { combos: [[SHIFT, SPACE]], action: 'shortcuts.table.range' },
      {
        combos: [
          [SHIFT, UP],
          [SHIFT, DOWN],
        ],
        action: 'shortcuts.table.extend',
      },
      { combos: [[CTRL, 'A']], action: 'shortcuts.table.all' },
      { combos: [[ESCAPE]], action: 'shortcuts.table.none' },
    ],
  },
  {
    title: 'shortcuts.group.forms',
    shortcuts: [
      { combos: [[CTRL, 'S']], action: 'shortcuts.form.save' },
      { combos: [[ESCAPE]], action: 'shortcuts.form.cancel' },
    ],
  },
];

export type ShortcutsDialogProps = {
  open: boolean;
  onClose: () => void;
};

/**
 * « Raccourcis clavier »: every shortcut, by where it works, opened with
 * « ? » or the header's button. The shell keeps it mounted (a dialog
 * removed while open would leave the page hidden from screen readers).
 */
export function ShortcutsDialog({ open, onClose }: ShortcutsDialogProps) {
  const styles = useStyles();
  const t = useT();
  const keyText = (key: Key) => (typeof key === 'string' ? key : t(key.name));

  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{t('shortcuts.title')}</DialogTitle>
          {/* Taller than a phone: focusable, so the keyboard scrolls it. */}
          <DialogContent
            className={styles.content}
            tabIndex={0}
            role="region"
            aria-label={t('shortcuts.title')}
          >
            <p className={styles.intro}>{t('shortcuts.intro')}</p>
            {SHORTCUT_GROUPS.map((group) => (
              <table key={group.title} className={styles.table}>
                <caption className={styles.cell}>
                  <h3 className={styles.group}>{t(group.title)}</h3>
                </caption>
                <thead>
                  <tr>
                    <th
                      scope="col"
                      className={mergeClasses(styles.cell, styles.keys)}
                    >
                      {t('shortcuts.keys')}
                    </th>
                    <th scope="col" className={styles.cell}>
                      {t('shortcuts.action')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {group.shortcuts.map((shortcut) => (
                    <tr key={shortcut.action}>
                      <td className={styles.cell}>
                        {shortcut.combos.map((combo, index) => (
                          <Fragment key={index}>
                            {index > 0 && (
                              <span className={styles.or}>
                                {' '}
                                {t('shortcuts.or')}{' '}
                              </span>
                            )}
                            <kbd className={styles.kbd}>
                              {combo.map(keyText).join(' + ')}
                            </kbd>
                          </Fragment>
                        ))}
                      </td>
                      <td className={styles.cell}>{t(shortcut.action)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              {t('shortcuts.close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
