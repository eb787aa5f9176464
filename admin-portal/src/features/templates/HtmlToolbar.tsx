import {
  Button,
  Field,
  Input,
  makeStyles,
  Toolbar,
  ToolbarButton,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { attributeValue } from './textEdit.ts';

const useStyles = makeStyles({
  root: { flexWrap: 'wrap' },
  link: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalS,
  },
  address: { flex: '1 1 16rem', minWidth: 0 },
});

type Wrap = { label: MessageKey; open: string; close: string };

const WRAPS: Wrap[] = [
  { label: 'templates.toolbar.bold', open: '<strong>', close: '</strong>' },
  { label: 'templates.toolbar.italic', open: '<em>', close: '</em>' },
  { label: 'templates.toolbar.underline', open: '<u>', close: '</u>' },
  { label: 'templates.toolbar.paragraph', open: '<p>', close: '</p>' },
  {
    label: 'templates.toolbar.list',
    open: '<ul>\n  <li>',
    close: '</li>\n</ul>',
  },
];

export type HtmlToolbarProps = {
  disabled?: boolean;
  /** Wraps the HTML's selection in the tags given. */
  onWrap: (open: string, close: string) => void;
};

/**
 * Formatting for the HTML body: each button wraps the selection in its
 * tags (a bare caret gets an empty pair to type into); « Lien » asks for
 * the address first.
 */
export function HtmlToolbar({ disabled = false, onWrap }: HtmlToolbarProps) {
  const styles = useStyles();
  const t = useT();
  const [linking, setLinking] = useState(false);
  const [address, setAddress] = useState('https://');

  // Not a form: the editor around it is one already.
  const insertLink = () => {
    const href = address.trim();
    if (!href) return;
    onWrap(`<a href="${attributeValue(href)}">`, '</a>');
    setLinking(false);
    setAddress('https://');
  };
  // Keeps the selection of the HTML field while a button is pressed.
  const keepSelection = (event: { preventDefault: () => void }) =>
    event.preventDefault();

  return (
    <>
      <Toolbar aria-label={t('templates.toolbar')} className={styles.root}>
        {WRAPS.map((wrap) => (
          <ToolbarButton
            key={wrap.label}
            disabled={disabled}
            onMouseDown={keepSelection}
            onClick={() => onWrap(wrap.open, wrap.close)}
          >
            {t(wrap.label)}
          </ToolbarButton>
        ))}
        <ToolbarButton
          disabled={disabled}
          aria-expanded={linking}
          onMouseDown={keepSelection}
          onClick={() => setLinking((open) => !open)}
        >
          {t('templates.toolbar.link')}
        </ToolbarButton>
      </Toolbar>
      {linking && (
        <div
          role="group"
          aria-label={t('templates.toolbar.link')}
          className={styles.link}
        >
          <Field
            label={t('templates.toolbar.linkAddress')}
            className={styles.address}
          >
            <Input
              type="url"
              value={address}
              onChange={(_, data) => setAddress(data.value)}
              onKeyDown={(event) => {
                if (event.key !== 'Enter') return;
                event.preventDefault();
                insertLink();
              }}
            />
          </Field>
          <Button appearance="primary" onClick={insertLink}>
            {t('templates.toolbar.linkInsert')}
          </Button>
          <Button onClick={() => setLinking(false)}>
            {t('templates.toolbar.linkCancel')}
          </Button>
        </div>
      )}
    </>
  );
}
