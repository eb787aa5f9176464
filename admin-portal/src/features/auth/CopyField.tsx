import {
  Button,
  Field,
  Input,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { useT } from '../../i18n/useT.ts';

const useStyles = makeStyles({
  root: { width: '100%' },
  value: { fontFamily: tokens.fontFamilyMonospace, textOverflow: 'ellipsis' },
});

export type CopyFieldProps = { label: string; value: string };

/** A read-only value to copy into another app, with a copy button. */
export function CopyField({ label, value }: CopyFieldProps) {
  const styles = useStyles();
  const t = useT();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    // Without the Clipboard API (plain http, old browsers) the text is
    // selected instead, ready for Ctrl+C.
    inputRef.current?.select();
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <Field label={label}>
      <Input
        ref={inputRef}
        readOnly
        value={value}
        className={styles.root}
        input={{ className: styles.value }}
        onFocus={(event) => event.currentTarget.select()}
        contentAfter={
          <Button
            appearance="transparent"
            size="small"
            onClick={copy}
            // A description, not a name: the field's label stays unique.
            title={t(copied ? 'common.copiedWhat' : 'common.copyWhat', {
              what: label,
            })}
          >
            {t(copied ? 'common.copied' : 'common.copy')}
          </Button>
        }
      />
    </Field>
  );
}
