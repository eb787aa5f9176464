import type { SearchHit } from 'core-api/client';
import { ContactPage } from '../features/contacts/ContactPage.tsx';
import { CompanyPage } from '../features/companies/CompanyPage.tsx';
import { SearchPanel } from '../features/search/SearchPanel.tsx';
import { useT } from '../i18n/useT.ts';
import { companyHref, contactHref, navigate } from '../routing/route.ts';
import { useRoute } from '../routing/useRoute.ts';
import { PageHeading } from '../ui/PageHeading.tsx';

function openHit(hit: SearchHit): void {
  navigate(hit.type === 'contact' ? contactHref(hit.id) : companyHref(hit.id));
}

/** The signed-in screens: search always at hand, the opened card below it. */
export function Workspace() {
  const t = useT();
  const route = useRoute();

  return (
    <>
      {route.name === 'home' && <PageHeading>{t('home.title')}</PageHeading>}
      <SearchPanel onOpen={openHit} showEmptyHint={route.name === 'home'} />
      {route.name === 'contact' && <ContactPage key={route.id} id={route.id} />}
      {route.name === 'company' && <CompanyPage key={route.id} id={route.id} />}
    </>
  );
}
