import type { SearchHit } from 'core-api/client';
import { lazy, Suspense } from 'react';
import { ContactPage } from '../features/contacts/ContactPage.tsx';
import { AdminHome } from '../features/admin/AdminHome.tsx';
import { CompanyPage } from '../features/companies/CompanyPage.tsx';
import { SearchPanel } from '../features/search/SearchPanel.tsx';
import { useT } from '../i18n/useT.ts';
import { companyHref, contactHref, navigate } from '../routing/route.ts';
import { useRoute } from '../routing/useRoute.ts';
import { LoadingState } from '../ui/LoadingState.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';

// The review and import screens are loaded when first opened: most visits
// are searches, and the main bundle stays small.
const DuplicatesScreen = lazy(() =>
  import('../features/duplicates/DuplicatesScreen.tsx').then((module) => ({
    default: module.DuplicatesScreen,
  })),
);

const ImportsScreen = lazy(() =>
  import('../features/imports/ImportsScreen.tsx').then((module) => ({
    default: module.ImportsScreen,
  })),
);

const MergeRulesScreen = lazy(() =>
  import('../features/mergeRules/MergeRulesScreen.tsx').then((module) => ({
    default: module.MergeRulesScreen,
  })),
);

const FeedsScreen = lazy(() =>
  import('../features/feeds/FeedsScreen.tsx').then((module) => ({
    default: module.FeedsScreen,
  })),
);

const TargetingScreen = lazy(() =>
  import('../features/targeting/TargetingScreen.tsx').then((module) => ({
    default: module.TargetingScreen,
  })),
);

const ListsScreen = lazy(() =>
  import('../features/lists/ListsScreen.tsx').then((module) => ({
    default: module.ListsScreen,
  })),
);

const ExportSettingsScreen = lazy(() =>
  import('../features/exports/ExportSettingsScreen.tsx').then((module) => ({
    default: module.ExportSettingsScreen,
  })),
);

function openHit(hit: SearchHit): void {
  navigate(hit.type === 'contact' ? contactHref(hit.id) : companyHref(hit.id));
}

/**
 * The signed-in screens: the search section (the box always at hand, the
 * opened card below it), targeting, lists, the duplicate queue, the
 * imports and the administration screens.
 */
export function Workspace() {
  const t = useT();
  const route = useRoute();

  if (route.name === 'duplicates' || route.name === 'duplicate') {
    return (
      <Suspense fallback={<LoadingState label={t('app.loading')} />}>
        <DuplicatesScreen
          pairId={route.name === 'duplicate' ? route.id : undefined}
        />
      </Suspense>
    );
  }

  if (route.name === 'imports' || route.name === 'import') {
    return (
      <Suspense fallback={<LoadingState label={t('app.loading')} />}>
        <ImportsScreen
          batchId={route.name === 'import' ? route.id : undefined}
        />
      </Suspense>
    );
  }

  if (route.name === 'targeting' || route.name === 'savedQuery') {
    return (
      <Suspense fallback={<LoadingState label={t('app.loading')} />}>
        <TargetingScreen
          key={route.name === 'savedQuery' ? route.id : 'new'}
          savedQueryId={route.name === 'savedQuery' ? route.id : undefined}
        />
      </Suspense>
    );
  }

  if (route.name === 'lists' || route.name === 'list') {
    return (
      <Suspense fallback={<LoadingState label={t('app.loading')} />}>
        <ListsScreen route={route} />
      </Suspense>
    );
  }

  if (route.name === 'exportSettings') {
    return (
      <Suspense fallback={<LoadingState label={t('app.loading')} />}>
        <ExportSettingsScreen />
      </Suspense>
    );
  }

  if (route.name === 'admin') return <AdminHome />;

  if (route.name === 'mergeRules') {
    return (
      <Suspense fallback={<LoadingState label={t('app.loading')} />}>
        <MergeRulesScreen />
      </Suspense>
    );
  }

  if (
    route.name === 'feeds' ||
    route.name === 'feedNew' ||
    route.name === 'feed'
  ) {
    return (
      <Suspense fallback={<LoadingState label={t('app.loading')} />}>
        <FeedsScreen route={route} />
      </Suspense>
    );
  }

  return (
    <>
      {route.name === 'home' && <PageHeading>{t('home.title')}</PageHeading>}
      <SearchPanel onOpen={openHit} showEmptyHint={route.name === 'home'} />
      {route.name === 'contact' && <ContactPage key={route.id} id={route.id} />}
      {route.name === 'company' && <CompanyPage key={route.id} id={route.id} />}
    </>
  );
}
