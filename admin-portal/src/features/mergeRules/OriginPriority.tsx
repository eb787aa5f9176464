import {
  Button,
  Field,
  Input,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import { LiveMessage } from '../../ui/LiveMessage.tsx';
import { Muted } from '../../ui/Muted.tsx';
import { ReorderList } from '../../ui/ReorderList.tsx';
import { Section } from '../../ui/Section.tsx';

const useStyles = makeStyles({
  body: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  text: { margin: 0 },
  add: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalS,
  },
  input: { minWidth: 0, maxWidth: '24rem', flexGrow: 1 },
  error: { margin: 0, color: tokens.colorPaletteRedForeground1 },
});

export type OriginPriorityProps = {
  origins: string[];
  onChange: (origins: string[]) => void;
  /** The API's objection to the list, if any. */
  error?: string;
};

const same = (a: string, b: string) =>
  a.localeCompare(b, 'fr', { sensitivity: 'base' }) === 0;

/**
 * « Origines, de la plus fiable à la moins fiable »: origins typed in, most
 * trusted first, moved and removed by their buttons.
 */
export function OriginPriority({
  origins,
  onChange,
  error,
}: OriginPriorityProps) {
  const styles = useStyles();
  const t = useT();
  const errorId = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const add = () => {
    const origin = text.trim();
    if (!origin) return setProblem(t('rules.origins.blank'));
    if (origins.some((known) => same(known, origin)))
      return setProblem(t('rules.origins.already'));
    onChange([...origins, origin]);
    setText('');
    setProblem(null);
    setAnnouncement(
      t('order.added', { item: origin, position: origins.length + 1 }),
    );
  };

  return (
    <Section title={t('rules.origins.title')}>
      <div className={styles.body}>
        <p className={styles.text}>
          <Muted>
            {t('rules.origins.intro')} {t('rules.origins.newHint')}
          </Muted>
        </p>
        {origins.length === 0 ? (
          <p className={styles.text}>{t('rules.origins.empty')}</p>
        ) : (
          <ReorderList
            label={t('rules.origins.list')}
            items={origins}
            labelOf={(origin) => origin}
            onChange={onChange}
            describedBy={error ? errorId : undefined}
          />
        )}
        {error && (
          <p id={errorId} role="alert" className={styles.error}>
            {error}
          </p>
        )}
        <div className={styles.add}>
          <Field
            label={t('rules.origins.new')}
            validationMessage={problem ?? undefined}
            className={styles.input}
          >
            <Input
              value={text}
              onChange={(_, data) => {
                setText(data.value);
                setProblem(null);
              }}
              onKeyDown={(event) => {
                if (event.key !== 'Enter') return;
                event.preventDefault();
                add();
              }}
            />
          </Field>
          <Button onClick={add}>{t('rules.origins.addButton')}</Button>
        </div>
        <LiveMessage>{announcement}</LiveMessage>
      </div>
    </Section>
  );
}
