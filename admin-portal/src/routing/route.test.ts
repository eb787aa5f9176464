/// <reference types="mocha" />
import { expect } from 'chai';
import { companyHref, contactHref, parseRoute } from './route.ts';

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

  it('falls back to the home screen for anything else', () => {
    for (const hash of [
      '',
      '#/',
      '#/contacts/',
      '#/contacts/0',
      '#/contacts/abc',
      '#/lists/2',
    ]) {
      expect(parseRoute(hash), hash).to.deep.equal({ name: 'home' });
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
  });
});
