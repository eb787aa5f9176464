import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { SearchHit } from 'core-api/client';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { errorMessage } from '../../api.ts';
import { useT } from '../../i18n/useT.ts';
import type { Translate } from '../../i18n/translate.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { SearchHitOption } from './SearchHitOption.tsx';
import { useSearch, type SearchState } from './useSearch.ts';
import { useSearchShortcut } from './useSearchShortcut.ts';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  input: { width: '100%' },
  status: { margin: 0, color: tokens.colorNeutralForeground2 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: tokens.spacingVerticalXS,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow8,
  },
});

export type SearchPanelProps = {
  /** Called when the user opens a hit (Enter or click). */
  onOpen: (hit: SearchHit) => void;
  /** The typing pause before a search is sent. */
  debounceMs?: number;
  /** Says what to type while the box is empty (the home screen does). */
  showEmptyHint?: boolean;
};

/** The text under the box: what to type, the count, or why there is nothing. */
function statusText(
  search: SearchState,
  t: Translate,
  showEmptyHint: boolean,
): string {
  if (search.status === 'idle') return showEmptyHint ? t('search.empty') : '';
  if (search.status === 'error') return '';
  if (search.hits.length === 0 && search.status === 'loading')
    return t('search.loading');
  if (search.hits.length === 0)
    return t('search.noResult', { query: search.query });
  if (search.hits.length === 1) return t('search.countOne');

  return t('search.countMany', { count: search.hits.length });
}

/**
 * Search as you type over contacts and companies. The focus stays in the box
 * and `aria-activedescendant` points at the active hit: arrows move, Enter
 * opens, Escape clears.
 */
export function SearchPanel({
  onOpen,
  debounceMs = 150,
  showEmptyHint = true,
}: SearchPanelProps) {
  const styles = useStyles();
  const t = useT();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);
  const search = useSearch(query, debounceMs);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const { hits } = search;
  const showList = query.trim() !== '' && hits.length > 0;
  const optionId = (hit: SearchHit) => `${listId}-${hit.type}-${hit.id}`;
  const activeHit = showList ? hits[active] : undefined;

  useSearchShortcut(inputRef);
  useEffect(() => setActive(-1), [hits]);
  useEffect(() => {
    // jsdom has no scrollIntoView; real browsers keep the active hit visible.
    const element = activeHit
      ? document.getElementById(optionId(activeHit))
      : null;
    element?.scrollIntoView?.({ block: 'nearest' });
  });

  const open = (hit: SearchHit) => {
    setQuery('');
    onOpen(hit);
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && showList) {
      event.preventDefault();
      setActive((index) => (index + 1) % hits.length);
    } else if (event.key === 'ArrowUp' && showList) {
      event.preventDefault();
      setActive((index) => (index <= 0 ? hits.length - 1 : index - 1));
    } else if (event.key === 'Enter' && showList) {
      event.preventDefault();
      const hit = activeHit ?? hits[0];
      if (hit) open(hit);
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      setQuery('');
    }
  };

  return (
    <div role="search" className={styles.root}>
      <Field label={t('search.label')} hint={t('search.shortcut')}>
        <Input
          ref={inputRef}
          type="search"
          className={styles.input}
          value={query}
          onChange={(_, data) => setQuery(data.value)}
          onKeyDown={handleKeyDown}
          placeholder={t('search.placeholder')}
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-controls={showList ? listId : undefined}
          aria-activedescendant={activeHit ? optionId(activeHit) : undefined}
        />
      </Field>
      <p role="status" className={styles.status}>
        {statusText(search, t, showEmptyHint)}
      </p>
      {search.status === 'error' && (
        <ErrorMessage
          message={t('search.error', {
            message: errorMessage(search.error, t),
          })}
        />
      )}
      {showList && (
        <ul
          id={listId}
          role="listbox"
          aria-label={t('search.results')}
          className={styles.list}
        >
          {hits.map((hit, index) => (
            <SearchHitOption
              key={optionId(hit)}
              id={optionId(hit)}
              hit={hit}
              active={index === active}
              onSelect={() => open(hit)}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
