import { route } from '../../platform/http/routes.ts';
import { searchQuery, searchResult } from './search.schemas.ts';
import { search } from './search.service.ts';

export const searchRoutes = [
  route({
    method: 'get',
    path: '/api/search',
    summary:
      'Recherche sur tous les champs : mot exact, début de mot, phonétique',
    tag: 'search',
    access: 'editor',
    query: searchQuery,
    response: searchResult,
    handler: ({ query }, ctx) => search(ctx, query),
  }),
];
