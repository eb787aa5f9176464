import type { SearchHit } from 'core-api/client';
import { useEffect, useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { MultiPicker, type PickerOption } from './MultiPicker.tsx';

/** Names of the companies seen in this tab, for the tags of chosen ids. */
const names = new Map<number, string>();

export type CompanyPickerProps = {
  label: string;
  selected: number[];
  onChange: (selected: number[]) => void;
};

/**
 * Companies found by name as one types (the search of the header), chosen
 * as tags; a saved query's companies get their names from the API.
 */
export function CompanyPicker({
  label,
  selected,
  onChange,
}: CompanyPickerProps) {
  const client = useApi();
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [query, setQuery] = useState('');
  const [, setKnown] = useState(0);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setHits([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      client.search({ q, type: 'company', limit: 20 }).then(
        (result) => {
          if (current) setHits(result.items);
        },
        () => current && setHits([]),
      );
    }, 250);

    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, query]);

  useEffect(() => {
    const unknown = selected.filter((id) => !names.has(id));
    if (unknown.length === 0) return;
    let current = true;
    Promise.all(
      unknown.map((id) =>
        client.companies.get(id).then(
          (company) => names.set(id, company.name),
          () => names.set(id, `#${id}`),
        ),
      ),
    ).then(() => current && setKnown((n) => n + 1));

    return () => {
      current = false;
    };
  }, [client, selected]);

  const options: PickerOption[] = hits.map((hit) => ({
    value: String(hit.id),
    text: hit.subtitle
      ? `${hit.displayName} (${hit.subtitle})`
      : hit.displayName,
  }));

  return (
    <MultiPicker
      label={label}
      options={options}
      selected={selected.map(String)}
      onQuery={setQuery}
      textOf={(value) => names.get(Number(value)) ?? `#${value}`}
      onChange={(values) => {
        for (const hit of hits) names.set(hit.id, hit.displayName);
        onChange(values.map(Number));
      }}
    />
  );
}
