import { fold } from '../../platform/text/fold.ts';
import type {
  ContactDto,
  ContactInputParsed,
} from '../contacts/contacts.schemas.ts';
import { inputOf } from '../contacts/contacts.presenter.ts';
import { outletKey } from '../dedup/index.ts';

const parisDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in Europe/Paris, as `YYYY-MM-DD`. */
export const parisToday = (now = new Date()): string => parisDay.format(now);

type Affiliation = ContactInputParsed['affiliations'][number];
type Held = ContactDto['affiliations'][number];

/** Whether a feed's affiliation is one the contact holds now: same outlet, same function. */
function sameAffiliation(incoming: Affiliation, held: Held): boolean {
  const company = incoming.companyId
    ? incoming.companyId === held.company.id
    : outletKey(incoming.companyName ?? '') === outletKey(held.company.name);

  return company && fold(incoming.function ?? '') === fold(held.function ?? '');
}

/**
 * A feed's record as its update will write it: the feed is the source of
 * the record's companies, so when its row names companies, an affiliation
 * the contact holds now and the row no longer carries is ended today (kept,
 * as history), one the row carries again keeps its start date, and one the
 * row brings is current from today. A row naming no company leaves the
 * contact's affiliations as they are.
 *
 * @param contact the contact as it is
 * @param incoming the feed's row, its companies aligned on the contact's
 * @param today the day of the run (`YYYY-MM-DD`)
 * @returns the row, and the contact as the update merges the row into
 */
export function feedAffiliations(
  contact: ContactDto,
  incoming: ContactInputParsed,
  today: string,
): { incoming: ContactInputParsed; current: ContactInputParsed } {
  const current = inputOf(contact);
  if (incoming.affiliations.length === 0) return { incoming, current };

  const held = contact.affiliations.filter((a) => !a.endDate);
  const carried = new Set<Held>();
  const affiliations = incoming.affiliations.map((affiliation) => {
    const same = held.find(
      (item) => !carried.has(item) && sameAffiliation(affiliation, item),
    );
    if (!same) return { ...affiliation, startDate: today, endDate: null };
    carried.add(same);

    return {
      ...affiliation,
      companyId: same.company.id,
      companyName: null,
      startDate: same.startDate,
      endDate: null,
    };
  });
  // `inputOf` keeps the contact's affiliations in order, one for one.
  const history = contact.affiliations.flatMap((item, index) => {
    if (carried.has(item)) return [];
    const kept = {
      ...(current.affiliations[index] as Affiliation),
      isPrimary: false,
    };
    if (item.endDate) return [kept];
    // An affiliation starting later than today still ends no earlier.
    const start = item.startDate ?? '';

    return [{ ...kept, endDate: start > today ? start : today }];
  });

  return {
    incoming: { ...incoming, affiliations },
    current: { ...current, affiliations: history },
  };
}
