import { route } from '../../platform/http/routes.ts';
import { suggestInput, suggestion } from './capture.schemas.ts';
import { suggestContact } from './capture.service.ts';

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
];
