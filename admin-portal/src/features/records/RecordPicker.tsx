import {
  Combobox,
  Field,
  makeStyles,
  Option,
  tokens,
} from '@fluentui/react-components';
import type { SearchHit } from 'core-api/client';
import { useEffect, useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { useT } from '../../i18n/useT.ts';

const useStyles = makeStyles({
  field: { minWidth: 0 },
  subtitle: { color: tokens.colorNeutralForeground3 },
});

/** A record picked: its id and the name shown for it. */
export type Picked = { id: number; name: string };

export type RecordPickerProps = {
  label: string;
  type: 'contact' | 'company';
  value: Picked | null;
  onChange: (picked: Picked | null) => void;
  /** Typed text is kept as a name (a company to create); else only picks count. */
  onType?: (text: string) => void;
  /** A record never offered (a contact is not its own intermediary). */
  excludeId?: number;
  problem?: string;
  hint?: string;
};

/**
 * A contact or a company found as one types (the portal's search: accents,
 * sound-alikes, word beginnings), chosen from the list. With `onType` the
 * typed name itself is a value too (a new company).
 */
export function RecordPicker({
  label,
  type,
  value,
  onChange,
  onType,
  excludeId,
  problem,
  hint,
}: RecordPickerProps) {
  const styles = useStyles();
  const t = useT();
  const client = useApi();
  const [query, setQuery] = useState(value?.name ?? '');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const shownName = value?.name ?? '';

  useEffect(() => setQuery(shownName), [shownName]);

  useEffect(() => {
    const q = query.trim();
    if (!q || q === shownName) return;
    let current = true;
    const timer = setTimeout(() => {
      client.search({ q, type, limit: 10 }).then(
        (result) => current && setHits(result.items),
        () => current && setHits([]),
      );
    }, 250);

    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, query, shownName, type]);

  const options = hits.filter((hit) => hit.id !== excludeId);

  return (
    <Field
      label={label}
      hint={hint}
      className={styles.field}
      {...(problem
        ? { validationState: 'error' as const, validationMessage: problem }
        : {})}
    >
      <Combobox
        freeform={Boolean(onType)}
        value={query}
        selectedOptions={value ? [String(value.id)] : []}
        placeholder={t('card.picker.placeholder')}
        // Fluent's own name for the chevron is « Open », in English.
        expandIcon={{ 'aria-label': t('picker.open', { label }) }}
        onChange={(event) => {
          const typed = event.target.value;
          setQuery(typed);
          if (onType) onType(typed);
          else if (typed.trim() === '') onChange(null);
        }}
        onOptionSelect={(_, data) => {
          const hit = options.find((h) => String(h.id) === data.optionValue);
          if (!hit) return;
          onChange({ id: hit.id, name: hit.displayName });
          setQuery(hit.displayName);
        }}
      >
        {options.map((hit) => (
          <Option key={hit.id} value={String(hit.id)} text={hit.displayName}>
            {hit.displayName}
            {hit.subtitle && (
              <span className={styles.subtitle}> · {hit.subtitle}</span>
            )}
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}
