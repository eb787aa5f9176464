import type { SearchHit } from 'core-api/client';
import { lazy, Suspense } from 'react';
import { ContactPage } from '../features/contacts/ContactPage.tsx';
import { AdminHome } from '../features/admin/AdminHome.tsx';
import { CompanyPage } from '../features/companies/CompanyPage.tsx';
import { CompaniesScreen } from '../features/companies/table/CompaniesScreen.tsx';
import { ContactsScreen } from '../features/contacts/table/ContactsScreen.tsx';
import { CreateLinks } from '../features/records/CreateLinks.tsx';
import { SearchPanel } from '../features/search/SearchPanel.tsx';
import { useT } from '../i18n/useT.ts';
import { companyHref, contactHref, navigate } from '../routing/route.ts';
import { useRoute } from '../routing/useRoute.ts';
import { LoadingState } from '../ui/LoadingState.tsx';
import { NotFoundScreen } from './NotFoundScreen.tsx';

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

const TemplatesScreen = lazy(() =>
  import('../features/templates/TemplatesScreen.tsx').then((module) => ({
    default: module.TemplatesScreen,
  })),
);

const SenderAddressesScreen = lazy(() =>
  import('../features/admin/SenderAddressesScreen.tsx').then((module) => ({
    default: module.SenderAddressesScreen,
  })),
);

const DepartmentsScreen = lazy(() =>
  import('../features/admin/DepartmentsScreen.tsx').then((module) => ({
    default: module.DepartmentsScreen,
  })),
);

const UsersScreen = lazy(() =>
  import('../features/admin/UsersScreen.tsx').then((module) => ({
    default: module.UsersScreen,
  })),
);

const TaxonomyScreen = lazy(() =>
  import('../features/taxonomy/TaxonomyScreen.tsx').then((module) => ({
    default: module.TaxonomyScreen,
  })),
);

const AuditLogScreen = lazy(() =>
  import('../features/audit/AuditLogScreen.tsx').then((module) => ({
    default: module.AuditLogScreen,
  })),
);

const DeletedRecordsScreen = lazy(() =>
  import('../features/records/DeletedRecordsScreen.tsx').then((module) => ({
    default: module.DeletedRecordsScreen,
  })),
);

const NewContactPage = lazy(() =>
  import('../features/contacts/NewContactPage.tsx').then((module) => ({
    default: module.NewContactPage,
  })),
);

const NewCompanyPage = lazy(() =>
  import('../features/companies/NewCompanyPage.tsx').then((module) => ({
    default: module.NewCompanyPage,
  })),
);

function openHit(hit: SearchHit): void {
  navigate(hit.type === 'contact' ? contactHref(hit.id) : companyHref(hit.id));
}

/**
 * The signed-in screens: the contacts table (the landing screen) and the
 * companies table, the cards (below the search box, always at hand),
 * targeting, lists, e-mail templates, the duplicate queue, the imports and
 * the administration screens.
 */
export function Workspace() {
  const t = useT();
  const route = useRoute();

  if (route.name === 'notFound') return <NotFoundScreen />;

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

  if (
    route.name === 'templates' ||
    route.name === 'template' ||
    route.name === 'templateNew'
  ) {
    return (
      <Suspense fallback={<LoadingState label={t('app.loading')} />}>
        <TemplatesScreen route={route} />
      </Suspense>
    );
  }

  if (
    route.name === 'senderAddresses' ||
    route.name === 'departments' ||
    route.name === 'users'
  ) {
    return (
      <Suspense fallback={<LoadingState label={t('app.loading')} />}>
        {route.name === 'senderAddresses' && <SenderAddressesScreen />}
        {route.name === 'departments' && <DepartmentsScreen />}
        {route.name === 'users' && <UsersScreen />}
      </Suspense>
    );
  }

  if (route.name === 'taxonomy' || route.name === 'auditLog') {
    return (
      <Suspense fallback={<LoadingState label={t('app.loading')} />}>
        {route.name === 'taxonomy' ? <TaxonomyScreen /> : <AuditLogScreen />}
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

  if (route.name === 'contactNew' || route.name === 'companyNew') {
    return (
      <Suspense fallback={<LoadingState label={t('app.loading')} />}>
        {route.name === 'contactNew' ? <NewContactPage /> : <NewCompanyPage />}
      </Suspense>
    );
  }

  if (route.name === 'deletedContacts' || route.name === 'deletedCompanies') {
    return (
      <Suspense fallback={<LoadingState label={t('app.loading')} />}>
        <DeletedRecordsScreen
          entity={route.name === 'deletedContacts' ? 'contact' : 'company'}
        />
      </Suspense>
    );
  }

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

  // The landing screen: the contacts table, the search box at hand.
  if (route.name === 'home' || route.name === 'contacts') {
    return (
      <ContactsScreen
        search={
          <>
            <CreateLinks />
            <SearchPanel onOpen={openHit} showEmptyHint={false} />
          </>
        }
      />
    );
  }

  if (route.name === 'companies') return <CompaniesScreen />;

  return (
    <>
      <SearchPanel onOpen={openHit} showEmptyHint={false} />
      {route.name === 'contact' && <ContactPage key={route.id} id={route.id} />}
      {route.name === 'company' && <CompanyPage key={route.id} id={route.id} />}
    </>
  );
}
