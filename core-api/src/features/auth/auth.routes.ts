import { AppError } from '../../platform/http/errors.ts';
import { route } from '../../platform/http/routes.ts';
import {
  changePassword,
  confirmMfa,
  presentSession,
  signIn,
  signOut,
  type AuthDeps,
} from '../users/users.service.ts';
import type { Authenticated } from '../../platform/auth/sessions.ts';
import {
  mfaConfirmInput,
  passwordChangeInput,
  sessionDto,
  signInInput,
  signInResult,
} from './auth.schemas.ts';
import { SignInLimiter } from './sign-in-limiter.ts';

function authOf(request: { auth?: Authenticated }): Authenticated {
  if (!request.auth) throw new AppError('UNAUTHENTICATED');

  return request.auth;
}

export function authRoutes(deps: Omit<AuthDeps, 'ctx'>) {
  const limiter = new SignInLimiter();
  let warnedProxy = false;

  return [
    route({
      method: 'post',
      path: '/api/auth/signin',
      summary:
        'Connexion par adresse et mot de passe (+ code TOTP pour les administrateurs)',
      tag: 'auth',
      access: 'public',
      body: signInInput,
      response: signInResult,
      handler: async ({ body }, ctx, request) => {
        // Behind a proxy that Relais does not trust, every user shares the
        // proxy's address and so one client's count: say so once.
        if (
          !warnedProxy &&
          request.headers['x-forwarded-for'] &&
          !request.app.get('trust proxy')
        ) {
          warnedProxy = true;
          ctx.log.warn('auth.signin.proxy_untrusted');
        }
        const client = request.ip ?? '';
        const address = body.email.toLowerCase();
        limiter.check(client, address);
        try {
          const result = await signIn({ ...deps, ctx }, body);
          limiter.reset(client, address);

          return result;
        } catch (error) {
          if (error instanceof AppError && error.code !== 'MFA_REQUIRED')
            limiter.fail(client, address);
          throw error;
        }
      },
    }),
    route({
      method: 'get',
      path: '/api/auth/session',
      summary: 'La session en cours',
      tag: 'auth',
      access: 'session',
      response: sessionDto,
      handler: async (_input, _ctx, request) => presentSession(authOf(request)),
    }),
    route({
      method: 'post',
      path: '/api/auth/mfa/confirm',
      summary: 'Confirmer le second facteur (enrôlement ou session)',
      tag: 'auth',
      access: 'session',
      body: mfaConfirmInput,
      response: sessionDto,
      handler: ({ body }, ctx, request) =>
        confirmMfa({ ...deps, ctx }, authOf(request), body.code),
    }),
    route({
      method: 'post',
      path: '/api/auth/password',
      summary: 'Changer son mot de passe',
      tag: 'auth',
      access: 'session',
      body: passwordChangeInput,
      response: sessionDto,
      handler: ({ body }, ctx, request) =>
        changePassword({ ...deps, ctx }, authOf(request), body),
    }),
    route({
      method: 'post',
      path: '/api/auth/signout',
      summary: 'Déconnexion',
      tag: 'auth',
      access: 'session',
      handler: (_input, ctx, request) => signOut(ctx, authOf(request)),
    }),
  ];
}
