import {
  Field,
  makeStyles,
  Tag,
  TagPicker,
  TagPickerControl,
  TagPickerGroup,
  TagPickerInput,
  TagPickerList,
  TagPickerOption,
} from '@fluentui/react-components';
import { useState, type KeyboardEvent } from 'react';
import { useT } from '../../i18n/useT.ts';
import { foldText } from './foldText.ts';

const useStyles = makeStyles({ root: { minWidth: 0, maxWidth: '100%' } });

/** One choice of a picker: what it sends, and what it shows. */
export type PickerOption = { value: string; text: string };

/** The value of the line saying there is nothing to pick: never chosen. */
const NO_OPTION = '\u0000none';

/** How many options the open list shows at most (type to narrow it). */
const SHOWN = 60;

export type MultiPickerProps = {
  label: string;
  options: PickerOption[];
  /** The values chosen, in the order they were picked. */
  selected: string[];
  onChange: (selected: string[]) => void;
  /** Words typed and confirmed with Enter become values (towns, countries). */
  freeform?: boolean;
  /** Called as the person types, for options fetched on demand. */
  onQuery?: (query: string) => void;
  /** The text of a chosen value the options no longer carry. */
  textOf?: (value: string) => string;
  hint?: string;
};

/**
 * Several values picked from a list narrowed as one types; each choice is a
 * tag, removed with a click or Backspace. Built on Fluent's TagPicker, which
 * gives the combobox its keyboard and screen-reader behaviour.
 */
export function MultiPicker({
  label,
  options,
  selected,
  onChange,
  freeform = false,
  onQuery,
  textOf,
  hint,
}: MultiPickerProps) {
  const styles = useStyles();
  const t = useT();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const folded = foldText(query);
  const shown = options
    .filter((option) => !selected.includes(option.value))
    // Options fetched for the query are already the matches.
    .filter(
      (option) => onQuery || !folded || foldText(option.text).includes(folded),
    )
    .slice(0, SHOWN);
  const textFor = (value: string) =>
    options.find((option) => option.value === value)?.text ??
    textOf?.(value) ??
    value;

  const type = (next: string) => {
    setQuery(next);
    onQuery?.(next);
    // Typing asks for suggestions: the list opens with them.
    if (next.trim()) setOpen(true);
  };

  const addTyped = (event: KeyboardEvent<HTMLInputElement>) => {
    const typed = query.trim();
    if (!freeform || event.key !== 'Enter' || !typed) return;
    if (shown.some((option) => foldText(option.text) === foldText(typed)))
      return;
    event.preventDefault();
    if (!selected.includes(typed)) onChange([...selected, typed]);
    type('');
  };

  return (
    <Field label={label} hint={hint} className={styles.root}>
      <TagPicker
        open={open}
        onOpenChange={(_, data) => setOpen(data.open)}
        selectedOptions={selected}
        onOptionSelect={(_, data) => {
          if (data.value === NO_OPTION) return;
          onChange(data.selectedOptions);
          type('');
        }}
      >
        {/* Fluent names the chevron « Open », in English whatever the
            reader's language. */}
        <TagPickerControl
          expandIcon={{ 'aria-label': t('picker.open', { label }) }}
        >
          <TagPickerGroup aria-label={t('picker.chosen', { label })}>
            {selected.map((value) => (
              <Tag
                key={value}
                value={value}
                shape="rounded"
                dismissible
                dismissIcon={{ 'aria-label': t('picker.remove') }}
              >
                {textFor(value)}
              </Tag>
            ))}
          </TagPickerGroup>
          <TagPickerInput
            value={query}
            onChange={(event) => type(event.target.value)}
            onKeyDown={addTyped}
            placeholder={
              freeform ? t('picker.typeAndEnter') : t('picker.typeToFilter')
            }
          />
        </TagPickerControl>
        <TagPickerList>
          {shown.length > 0 ? (
            shown.map((option) => (
              <TagPickerOption
                key={option.value}
                value={option.value}
                text={option.text}
              >
                {option.text}
              </TagPickerOption>
            ))
          ) : (
            <TagPickerOption value={NO_OPTION} text="">
              {freeform && query.trim()
                ? t('picker.pressEnter', { text: query.trim() })
                : t('picker.noOption')}
            </TagPickerOption>
          )}
        </TagPickerList>
      </TagPicker>
    </Field>
  );
}
