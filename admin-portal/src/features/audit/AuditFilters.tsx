import {
  Button,
  Field,
  Input,
  makeStyles,
  Select,
  tokens,
} from '@fluentui/react-components';
import type {
  AuditFacets,
  AuditFilterInput,
  ManagedUserDto,
} from 'core-api/client';
import { useState, type FormEvent } from 'react';
import { fieldError } from '../../api.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { auditActionLabel } from '../records/auditChanges.ts';
import { DateInput } from '../targeting/DateInput.tsx';
import { entityTypeLabel } from './auditSubjects.ts';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 13rem), 1fr))',
    alignItems: 'start',
    gap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  buttons: {
    gridColumn: '1 / -1',
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  // A select is as wide as its longest option (a long display name): let
  // it shrink to its column so a phone screen does not scroll sideways.
  fit: { minWidth: 0, maxWidth: '100%' },
});

export type AuditFiltersProps = {
  /** The filters applied now, to start from. */
  applied: AuditFilterInput;
  users: ManagedUserDto[];
  facets: AuditFacets;
  /** The API's refusal of the applied filters, shown beside their fields. */
  error: unknown;
  onApply: (filter: AuditFilterInput) => void;
  onClear: () => void;
};

/** Text as typed, or undefined for nothing (a filter left out). */
const given = (value: string) => value.trim() || undefined;

/**
 * The log's filters: who, which action, which kind of record and which
 * one, between which days (dd/mm/yyyy, Paris days, both included).
 */
export function AuditFilters({
  applied,
  users,
  facets,
  error,
  onApply,
  onClear,
}: AuditFiltersProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const [actorId, setActorId] = useState(String(applied.actorId ?? ''));
  const [action, setAction] = useState(applied.action ?? '');
  const [entityType, setEntityType] = useState(applied.entityType ?? '');
  const [entityId, setEntityId] = useState(applied.entityId ?? '');
  const [from, setFrom] = useState(applied.from ?? '');
  const [to, setTo] = useState(applied.to ?? '');
  const problem = (path: string) => fieldError(error, path, locale);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({
      actorId: actorId ? Number(actorId) : undefined,
      action: given(action),
      entityType: given(entityType),
      entityId: given(entityId),
      from: given(from),
      to: given(to),
    });
  };

  return (
    <form
      className={styles.form}
      onSubmit={submit}
      aria-label={t('auditLog.filters')}
      noValidate
    >
      <Field label={t('auditLog.who')} className={styles.fit}>
        <Select
          className={styles.fit}
          select={{ className: styles.fit }}
          value={actorId}
          onChange={(_, d) => setActorId(d.value)}
        >
          <option value="">{t('auditLog.everyone')}</option>
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.displayName}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('auditLog.action')} className={styles.fit}>
        <Select
          className={styles.fit}
          select={{ className: styles.fit }}
          value={action}
          onChange={(_, d) => setAction(d.value)}
        >
          <option value="">{t('auditLog.anyAction')}</option>
          {facets.actions.map((value) => (
            <option key={value} value={value}>
              {auditActionLabel(value, t)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('auditLog.entityType')} className={styles.fit}>
        <Select
          className={styles.fit}
          select={{ className: styles.fit }}
          value={entityType}
          onChange={(_, d) => setEntityType(d.value)}
        >
          <option value="">{t('auditLog.anyType')}</option>
          {facets.entityTypes.map((value) => (
            <option key={value} value={value}>
              {entityTypeLabel(value, t)}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={t('auditLog.entityId')}
        hint={t('auditLog.entityIdHint')}
        validationState={problem('entityId') ? 'error' : 'none'}
        validationMessage={problem('entityId')}
      >
        <Input
          value={entityId}
          maxLength={64}
          onChange={(_, d) => setEntityId(d.value)}
        />
      </Field>
      <DateInput
        label={t('auditLog.from')}
        value={from}
        onChange={setFrom}
        error={problem('from')}
      />
      <DateInput
        label={t('auditLog.to')}
        value={to}
        onChange={setTo}
        error={problem('to')}
      />
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary">
          {t('auditLog.apply')}
        </Button>
        <Button onClick={onClear}>{t('auditLog.clear')}</Button>
      </div>
    </form>
  );
}
