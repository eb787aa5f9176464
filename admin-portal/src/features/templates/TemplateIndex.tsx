import { Badge, Button, Field, Input, Link } from '@fluentui/react-components';
import type { EmailTemplateSummary } from 'core-api/client';
import { useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { useT } from '../../i18n/useT.ts';
import { navigate, templatesHref } from '../../routing/route.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LiveMessage } from '../../ui/LiveMessage.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { Muted } from '../../ui/Muted.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Section } from '../../ui/Section.tsx';
import { useResource } from '../../ui/useResource.ts';
import { useRecordListStyles as useStyles } from '../admin/recordListStyles.ts';

function TemplateItem({ template }: { template: EmailTemplateSummary }) {
  const styles = useStyles();
  const t = useT();

  return (
    <li className={styles.item}>
      <div className={styles.top}>
        <Link href={templatesHref(template.id)} className={styles.name}>
          {template.name}
        </Link>
        <Badge
          appearance="tint"
          color={template.shared ? 'brand' : 'informative'}
        >
          {t(template.shared ? 'templates.shared' : 'templates.private')}
        </Badge>
        {template.language === 'en' && (
          <Badge appearance="outline">
            {t('templates.editor.language.en')}
          </Badge>
        )}
      </div>
      {template.description && <span>{template.description}</span>}
      <Muted>
        {[
          template.owner
            ? t('templates.by', { name: template.owner.displayName })
            : null,
          t('templates.updatedOn', {
            date: formatDateTime(template.updatedAt).slice(0, 10),
          }),
          t('templates.fieldCount', { count: template.fields.length }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Muted>
    </li>
  );
}

/** The templates one may use (shared ones and one's own), found by name. */
export function TemplateIndex() {
  const styles = useStyles();
  const t = useT();
  const client = useApi();
  const [q, setQ] = useState('');
  const query = q.trim();
  const templates = useResource(
    () => client.emailTemplates.list({ q: query || undefined }),
    `templates:${query}`,
    { quietReload: true },
  );

  return (
    <>
      <PageHeading focusOnMount>{t('templates.title')}</PageHeading>
      <p className={styles.intro}>{t('templates.intro')}</p>
      <Section title={t('templates.list')}>
        <div className={styles.bar}>
          <Field label={t('templates.search')} className={styles.search}>
            <Input
              type="search"
              value={q}
              onChange={(_, data) => setQ(data.value)}
            />
          </Field>
          <Button
            appearance="primary"
            onClick={() => navigate(templatesHref('new'))}
          >
            {t('templates.new')}
          </Button>
        </div>
        {templates.status === 'loading' && (
          <LoadingState label={t('app.loading')} />
        )}
        {templates.status === 'error' && (
          <ErrorMessage
            message={errorMessage(templates.error, t)}
            onRetry={templates.reload}
          />
        )}
        {templates.status === 'done' && (
          <LiveMessage>
            {templates.data.items.length === 1
              ? t('templates.found.one')
              : t('templates.found', { count: templates.data.items.length })}
          </LiveMessage>
        )}
        {templates.status === 'done' && templates.data.items.length === 0 && (
          <EmptyState title={t('templates.empty')}>
            {t('templates.emptyHint')}
          </EmptyState>
        )}
        {templates.status === 'done' && templates.data.items.length > 0 && (
          <ul aria-label={t('templates.list')} className={styles.list}>
            {templates.data.items.map((template) => (
              <TemplateItem key={template.id} template={template} />
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
