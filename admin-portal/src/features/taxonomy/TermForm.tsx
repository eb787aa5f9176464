import {
  Button,
  Field,
  Input,
  makeStyles,
  Select,
  tokens,
} from '@fluentui/react-components';
import { BusySpinner } from '../../ui/BusySpinner.tsx';
import type { TermDto } from 'core-api/client';
import { useState, type FormEvent } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage, fieldError } from '../../api.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { useAction } from '../../ui/useAction.ts';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    flex: '1 1 100%',
  },
  field: { flex: '1 1 12rem', minWidth: 0 },
  buttons: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXXL,
  },
  error: { flexBasis: '100%' },
});

export type TermFormProps = {
  kind: TermDto['kind'];
  /** The term to change; null to create one. */
  term: TermDto | null;
  /** The live top-level domains, for a domain's parent. */
  domains: TermDto[];
  /** The term has sub-domains, so it cannot become one. */
  hasChildren?: boolean;
  /** How many terms the chosen level holds, to put a new one last. */
  countUnder: (parentId: number | null) => number;
  onSaved: (term: TermDto, created: boolean) => void;
  onCancel?: () => void;
};

/**
 * A term's French and English labels and, for a domain, the domain it
 * belongs under (moving a sub-domain, or making it a domain again). The
 * API's refusals show beside the field they name.
 */
export function TermForm({
  kind,
  term,
  domains,
  hasChildren = false,
  countUnder,
  onSaved,
  onCancel,
}: TermFormProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const client = useApi();
  const [label, setLabel] = useState(term?.label ?? '');
  const [labelEn, setLabelEn] = useState(term?.labelEn ?? '');
  const [parentId, setParentId] = useState(term?.parentId ?? null);
  const save = useAction<TermDto>();
  const failure = save.state.status === 'error' ? save.state.error : null;
  const problem = (path: string) => fieldError(failure, path, locale);
  const named = ['label', 'labelEn', 'parentId'].some((path) => problem(path));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const moved = !term || term.parentId !== parentId;
    const input = {
      label: label.trim(),
      labelEn: labelEn.trim() || null,
      parentId,
      // A term arriving in a level goes last; otherwise it keeps its place.
      position: moved ? countUnder(parentId) : term.position,
    };
    const done = await save.run(() =>
      term
        ? client.taxonomy.update(term.id, { ...input, version: term.version })
        : client.taxonomy.create({ ...input, kind }),
    );
    if (!done) return;
    if (!term) {
      setLabel('');
      setLabelEn('');
    }
    onSaved(done.data, !term);
  };

  const parents = domains.filter((domain) => domain.id !== term?.id);

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <Field
        label={t('taxo.form.label')}
        required
        className={styles.field}
        validationState={problem('label') ? 'error' : 'none'}
        validationMessage={problem('label')}
      >
        <Input
          value={label}
          maxLength={200}
          onChange={(_, data) => setLabel(data.value)}
        />
      </Field>
      <Field
        label={t('taxo.form.labelEn')}
        hint={t('taxo.form.labelEnHint')}
        className={styles.field}
        validationState={problem('labelEn') ? 'error' : 'none'}
        validationMessage={problem('labelEn')}
      >
        <Input
          value={labelEn}
          maxLength={200}
          lang="en"
          onChange={(_, data) => setLabelEn(data.value)}
        />
      </Field>
      {kind === 'domain' && (
        <Field
          label={t('taxo.form.parent')}
          hint={hasChildren ? t('taxo.form.parentLocked') : undefined}
          className={styles.field}
          validationState={problem('parentId') ? 'error' : 'none'}
          validationMessage={problem('parentId')}
        >
          <Select
            value={parentId === null ? '' : String(parentId)}
            disabled={hasChildren}
            onChange={(_, data) =>
              setParentId(data.value ? Number(data.value) : null)
            }
          >
            <option value="">{t('taxo.form.noParent')}</option>
            {parents.map((domain) => (
              <option key={domain.id} value={domain.id}>
                {domain.label}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div className={styles.buttons}>
        <Button
          type="submit"
          appearance="primary"
          disabledFocusable={save.running}
          icon={save.running ? <BusySpinner /> : undefined}
        >
          {t(term ? 'taxo.form.save' : 'taxo.form.add')}
        </Button>
        {onCancel && (
          <Button onClick={onCancel}>{t('taxo.form.cancel')}</Button>
        )}
      </div>
      {failure !== null && !named && (
        <div className={styles.error}>
          <ErrorMessage message={errorMessage(failure, t)} />
        </div>
      )}
    </form>
  );
}
