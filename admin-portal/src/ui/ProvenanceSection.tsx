import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import type { ContactDto } from 'core-api/client';
import { formatDateTime } from '../format.ts';
import { isMessageKey } from '../i18n/translate.ts';
import { useT } from '../i18n/useT.ts';
import { DetailItem } from './DetailItem.tsx';
import { DetailList } from './DetailList.tsx';
import { Section } from './Section.tsx';

const useStyles = makeStyles({
  caption: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}`,
  },
  cell: { overflowWrap: 'anywhere' },
  none: { color: tokens.colorNeutralForeground3, marginBottom: 0 },
});

/** What every stored record says about its own history. */
export type ProvenanceRecord = {
  id: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  fieldSources: ContactDto['fieldSources'];
  /** Contacts only: the import that created or last fed the record. */
  importBatchId?: number | null;
};

export type ProvenanceSectionProps = { record: ProvenanceRecord };

/** Identifier, dates (Paris time), version, import batch and the source of each field. */
export function ProvenanceSection({ record }: ProvenanceSectionProps) {
  const styles = useStyles();
  const t = useT();
  const sources = Object.entries(record.fieldSources);
  const fieldLabel = (field: string) => {
    const key = `field.${field}`;

    return isMessageKey(key) ? t(key) : field;
  };

  return (
    <Section title={t('section.provenance')}>
      <DetailList>
        <DetailItem label={t('field.id')}>{record.id}</DetailItem>
        <DetailItem label={t('provenance.createdAt')}>
          {formatDateTime(record.createdAt)}
        </DetailItem>
        <DetailItem label={t('provenance.updatedAt')}>
          {formatDateTime(record.updatedAt)}
        </DetailItem>
        <DetailItem label={t('provenance.deletedAt')}>
          {record.deletedAt && formatDateTime(record.deletedAt)}
        </DetailItem>
        <DetailItem label={t('provenance.version')}>
          {record.version}
        </DetailItem>
        {record.importBatchId !== undefined && (
          <DetailItem label={t('provenance.importBatch')}>
            {record.importBatchId}
          </DetailItem>
        )}
      </DetailList>
      {sources.length === 0 ? (
        <p className={styles.none}>{t('provenance.noSources')}</p>
      ) : (
        <Table size="small">
          <caption className={styles.caption}>
            {t('provenance.sources')}
          </caption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('provenance.field')}</TableHeaderCell>
              <TableHeaderCell>{t('provenance.source')}</TableHeaderCell>
              <TableHeaderCell>{t('provenance.at')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {sources.map(([field, source]) => (
              <TableRow key={field}>
                <TableCell className={styles.cell}>
                  {fieldLabel(field)}
                </TableCell>
                <TableCell className={styles.cell}>{source.source}</TableCell>
                <TableCell className={styles.cell}>
                  {formatDateTime(source.at)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}
