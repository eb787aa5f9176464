/// <reference types="mocha" />
import { expect } from 'chai';
import {
  adminHref,
  companiesHref,
  companyHref,
  contactsHref,
  contactHref,
  deletedHref,
  duplicatesHref,
  feedsHref,
  importsHref,
  exportSettingsHref,
  listsHref,
  mergeRulesHref,
  parseRoute,
  sectionOf,
  targetingHref,
  templatesHref,
  senderAddressesHref,
  departmentsHref,
  usersHref,
  taxonomyHref,
  auditLogHref,
} from './route.ts';

describe('hash routes', () => {
  it('reads a contact card and a company card from the hash', () => {
    expect(parseRoute('#/contacts/12')).to.deep.equal({
      name: 'contact',
      id: 12,
    });
    expect(parseRoute('#/companies/3/')).to.deep.equal({
      name: 'company',
      id: 3,
    });
  });

  it('reads the deleted contacts and companies, in their sections', () => {
    expect(parseRoute(deletedHref('contact'))).to.deep.equal({
      name: 'deletedContacts',
    });
    expect(parseRoute('#/companies/deleted/')).to.deep.equal({
      name: 'deletedCompanies',
    });
    expect(sectionOf({ name: 'deletedContacts' })).to.equal('contacts');
    expect(sectionOf({ name: 'deletedCompanies' })).to.equal('companies');
  });

  it('reads the duplicate queue, one pair, the imports and one import', () => {
    expect(parseRoute('#/duplicates')).to.deep.equal({ name: 'duplicates' });
    expect(parseRoute('#/duplicates/5')).to.deep.equal({
      name: 'duplicate',
      id: 5,
    });
    expect(parseRoute('#/imports/')).to.deep.equal({ name: 'imports' });
    expect(parseRoute('#/imports/9')).to.deep.equal({ name: 'import', id: 9 });
  });

  it('reads the administration screens: rules, feeds, a new feed, one feed', () => {
    expect(parseRoute('#/admin')).to.deep.equal({ name: 'admin' });
    expect(parseRoute('#/admin/merge-rules/')).to.deep.equal({
      name: 'mergeRules',
    });
    expect(parseRoute('#/admin/feeds')).to.deep.equal({ name: 'feeds' });
    expect(parseRoute('#/admin/feeds/new')).to.deep.equal({ name: 'feedNew' });
    expect(parseRoute('#/admin/feeds/4')).to.deep.equal({
      name: 'feed',
      id: 4,
    });
  });

  it('reads the templates, a new one, one template and the sending rights screens', () => {
    expect(parseRoute('#/templates')).to.deep.equal({ name: 'templates' });
    expect(parseRoute('#/templates/new/')).to.deep.equal({
      name: 'templateNew',
    });
    expect(parseRoute('#/templates/2')).to.deep.equal({
      name: 'template',
      id: 2,
    });
    expect(parseRoute(templatesHref('new'))).to.deep.equal({
      name: 'templateNew',
    });
    expect(parseRoute(senderAddressesHref)).to.deep.equal({
      name: 'senderAddresses',
    });
    expect(parseRoute(departmentsHref)).to.deep.equal({ name: 'departments' });
    expect(parseRoute(usersHref)).to.deep.equal({ name: 'users' });
    expect(sectionOf({ name: 'template', id: 2 })).to.equal('templates');
    expect(sectionOf({ name: 'templateNew' })).to.equal('templates');
    expect(sectionOf({ name: 'senderAddresses' })).to.equal('admin');
    expect(sectionOf({ name: 'users' })).to.equal('admin');
  });

  it('reads the taxonomy editor and the audit log, both in administration', () => {
    expect(parseRoute(taxonomyHref)).to.deep.equal({ name: 'taxonomy' });
    expect(parseRoute('#/admin/audit/')).to.deep.equal({ name: 'auditLog' });
    expect(parseRoute(auditLogHref)).to.deep.equal({ name: 'auditLog' });
    expect(sectionOf({ name: 'taxonomy' })).to.equal('admin');
    expect(sectionOf({ name: 'auditLog' })).to.equal('admin');
  });

  it('reads the contacts and companies tables', () => {
    expect(parseRoute(contactsHref)).to.deep.equal({ name: 'contacts' });
    expect(parseRoute('#/contacts/')).to.deep.equal({ name: 'contacts' });
    expect(parseRoute(companiesHref)).to.deep.equal({ name: 'companies' });
  });

  it('puts each screen in the section the navigation marks', () => {
    expect(sectionOf({ name: 'contact', id: 1 })).to.equal('contacts');
    expect(sectionOf({ name: 'home' })).to.equal('contacts');
    expect(sectionOf({ name: 'notFound' })).to.equal(null);
    expect(sectionOf({ name: 'contacts' })).to.equal('contacts');
    expect(sectionOf({ name: 'company', id: 1 })).to.equal('companies');
    expect(sectionOf({ name: 'companies' })).to.equal('companies');
    expect(sectionOf({ name: 'duplicate', id: 1 })).to.equal('duplicates');
    expect(sectionOf({ name: 'imports' })).to.equal('imports');
    expect(sectionOf({ name: 'mergeRules' })).to.equal('admin');
    expect(sectionOf({ name: 'feed', id: 2 })).to.equal('admin');
  });

  it('opens the home screen when no screen is named', () => {
    for (const hash of ['', '#', '#/']) {
      expect(parseRoute(hash), hash).to.deep.equal({ name: 'home' });
    }
  });

  it('leads nowhere for any other address', () => {
    for (const hash of [
      '#/nimportequoi',
      '#/contacts/-1',
      '#/lists/%3Cscript%3E',
      '#/contacts/12/extra',
      '#//contacts',
      '#main',
      '#/contacts/x',
      '#/companies/all',
      '#/contacts/0',
      '#/contacts/abc',
      '#/lists/0',
      '#/targeting/new',
      '#/duplicates/0',
      '#/imports/new/3',
      '#/admin/feeds/0',
      '#/admin/nothing',
      '#/templates/0',
    ]) {
      expect(parseRoute(hash), hash).to.deep.equal({ name: 'notFound' });
    }
  });

  it('builds the links the cards use', () => {
    expect(parseRoute(contactHref(7))).to.deep.equal({
      name: 'contact',
      id: 7,
    });
    expect(parseRoute(companyHref(8))).to.deep.equal({
      name: 'company',
      id: 8,
    });
    expect(parseRoute(duplicatesHref())).to.deep.equal({ name: 'duplicates' });
    expect(parseRoute(importsHref(4))).to.deep.equal({ name: 'import', id: 4 });
    expect(parseRoute(adminHref)).to.deep.equal({ name: 'admin' });
    expect(parseRoute(mergeRulesHref)).to.deep.equal({ name: 'mergeRules' });
    expect(parseRoute(feedsHref())).to.deep.equal({ name: 'feeds' });
    expect(parseRoute(feedsHref('new'))).to.deep.equal({ name: 'feedNew' });
    expect(parseRoute(feedsHref(6))).to.deep.equal({ name: 'feed', id: 6 });
  });

  it('reads targeting, saved queries, lists, one list and export settings', () => {
    expect(parseRoute(targetingHref())).to.deep.equal({ name: 'targeting' });
    expect(parseRoute(targetingHref(7))).to.deep.equal({
      name: 'savedQuery',
      id: 7,
    });
    expect(parseRoute('#/lists/')).to.deep.equal({ name: 'lists' });
    expect(parseRoute(listsHref(3))).to.deep.equal({ name: 'list', id: 3 });
    expect(parseRoute(exportSettingsHref)).to.deep.equal({
      name: 'exportSettings',
    });
    expect(sectionOf({ name: 'savedQuery', id: 7 })).to.equal('targeting');
    expect(sectionOf({ name: 'list', id: 3 })).to.equal('lists');
    expect(sectionOf({ name: 'exportSettings' })).to.equal('admin');
  });
});
