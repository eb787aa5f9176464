import { route } from '../../platform/http/routes.ts';
import { suggestInput, suggestion } from './capture.schemas.ts';
import { suggestContact } from './capture.service.ts';
import { contactDto } from '../contacts/contacts.schemas.ts';
import {
  completeInput,
  peopleLookup,
  peopleLookupInput,
} from './people.schemas.ts';
import { completeContact, lookUpPeople } from './people.service.ts';

/** Capturing a contact from an e-mail (the Outlook add-in, issue #5). */
export const captureRoutes = [
  route({
    method: 'post',
    path: '/api/capture/suggest',
    summary:
      'Proposer une fiche contact depuis un e-mail (nom, signature) et ses doublons possibles',
    tag: 'capture',
    access: 'editor',
    body: suggestInput,
    response: suggestion,
    handler: ({ body }, ctx) => suggestContact(ctx, body),
  }),
  route({
    method: 'post',
    path: '/api/capture/people',
    summary:
      "Dire quelles adresses d'un e-mail sont des contacts de la base, avec leur fiche résumée",
    tag: 'capture',
    access: 'editor',
    body: peopleLookupInput,
    response: peopleLookup,
    handler: ({ body }, ctx) => lookUpPeople(ctx, body),
  }),
  route({
    method: 'post',
    path: '/api/capture/complete',
    summary:
      "Compléter un contact existant avec ce qu'un e-mail montre, au lieu de créer son doublon",
    tag: 'capture',
    access: 'editor',
    body: completeInput,
    response: contactDto,
    handler: ({ body }, ctx) => completeContact(ctx, body),
  }),
];
