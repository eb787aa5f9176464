import { Field } from '@fluentui/react-components';
import { useApi } from '../../ApiContext.ts';
import { errorMessage } from '../../api.ts';
import { useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useResource } from '../../ui/useResource.ts';
import { TaxonomyPicker } from '../targeting/TaxonomyPicker.tsx';

/** A term as a record holds it. */
export type HeldTerm = {
  id: number;
  kind: string;
  label: string;
  parentId: number | null;
};

export type TermsFormProps = {
  terms: HeldTerm[];
  onChange: (terms: HeldTerm[]) => void;
  problem?: string;
};

/**
 * Domains and sub-domains, sectors and categories ticked in the taxonomy
 * the administrators keep (R4). A term since deleted stays held until
 * unticked.
 */
export function TermsForm({ terms, onChange, problem }: TermsFormProps) {
  const t = useT();
  const client = useApi();
  const taxonomy = useResource(() => client.taxonomy.list(), 'taxonomy');

  if (taxonomy.status === 'loading')
    return <LoadingState label={t('app.loading')} />;
  if (taxonomy.status === 'error') {
    return (
      <ErrorMessage
        message={errorMessage(taxonomy.error, t)}
        onRetry={taxonomy.reload}
      />
    );
  }
  const all = taxonomy.data.items;
  const known = new Map<number, HeldTerm>(
    [...terms, ...all].map((term) => [term.id, term]),
  );

  return (
    <>
      {problem && <Field validationState="error" validationMessage={problem} />}
      <TaxonomyPicker
        label={t('field.termIds')}
        hint={t('card.terms.hint', { count: terms.length })}
        terms={all}
        selected={terms.map((term) => term.id)}
        onChange={(ids) =>
          onChange(
            ids.flatMap((id) => {
              const term = known.get(id);
              return term
                ? [
                    {
                      id,
                      kind: term.kind,
                      label: term.label,
                      parentId: term.parentId,
                    },
                  ]
                : [];
            }),
          )
        }
      />
    </>
  );
}
