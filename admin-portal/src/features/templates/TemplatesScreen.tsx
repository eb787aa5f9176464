import { Link, makeStyles } from '@fluentui/react-components';
import { useApi } from '../../ApiContext.ts';
import { errorMessage, isNotFound } from '../../api.ts';
import { useT } from '../../i18n/useT.ts';
import { templatesHref, type Route } from '../../routing/route.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useResource } from '../../ui/useResource.ts';
import { TemplateForm } from './TemplateForm.tsx';
import { TemplateIndex } from './TemplateIndex.tsx';

const useStyles = makeStyles({ back: { alignSelf: 'flex-start' } });

type TemplateRoute = Extract<
  Route,
  { name: 'templates' | 'template' | 'templateNew' }
>;

/** One template's screen: read it and the field catalogue, then edit. */
function TemplateEditor({ id }: { id: number | null }) {
  const styles = useStyles();
  const t = useT();
  const client = useApi();
  const fields = useResource(
    () => client.emailTemplates.fields(),
    'template-fields',
  );
  const template = useResource(
    () => (id === null ? Promise.resolve(null) : client.emailTemplates.get(id)),
    `template:${id ?? 'new'}`,
    { quietReload: true },
  );
  const failed =
    fields.status === 'error'
      ? fields
      : template.status === 'error'
        ? template
        : null;

  return (
    <>
      <Link href={templatesHref()} className={styles.back}>
        {t('templates.back')}
      </Link>
      <PageHeading focusOnMount>
        {template.status === 'done' && template.data
          ? template.data.name
          : t('templates.editor.newTitle')}
      </PageHeading>
      {failed && (
        <ErrorMessage
          message={errorMessage(failed.error, t)}
          onRetry={isNotFound(failed.error) ? undefined : failed.reload}
        />
      )}
      {!failed &&
        (fields.status === 'loading' || template.status === 'loading') && (
          <LoadingState label={t('app.loading')} />
        )}
      {fields.status === 'done' && template.status === 'done' && (
        <TemplateForm
          template={template.data}
          fields={fields.data.items}
          onReload={template.reload}
        />
      )}
    </>
  );
}

export type TemplatesScreenProps = { route: TemplateRoute };

/** « Modèles »: the templates one may use, a template, a new one. */
export function TemplatesScreen({ route }: TemplatesScreenProps) {
  if (route.name === 'templates') return <TemplateIndex />;

  return (
    <TemplateEditor
      key={route.name === 'template' ? route.id : 'new'}
      id={route.name === 'template' ? route.id : null}
    />
  );
}
