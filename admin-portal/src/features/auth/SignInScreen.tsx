import type { SessionDto, SignInResult } from 'core-api/client';
import { useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { clearToken, errorMessage, saveToken } from '../../api.ts';
import { useT } from '../../i18n/useT.ts';
import { MfaEnrolmentForm } from './MfaEnrolmentForm.tsx';
import { PasswordChangeForm } from './PasswordChangeForm.tsx';
import { SignInForm } from './SignInForm.tsx';

/** The step of the sign-in the user is at. */
type Step =
  | { name: 'credentials'; notice?: string }
  | { name: 'enrolment'; secret: string; otpauthUrl: string; password: string }
  | { name: 'password'; currentPassword: string };

type Enrolment = SignInResult['enrolment'];

export type SignInScreenProps = {
  /** A full session (`stage: 'ready'`) was reached. */
  onSignedIn: (session: SessionDto) => void;
  /** A message to show on arrival (expired session, unreachable server). */
  notice?: string;
};

/**
 * Signing in, step by step as the API's `stage` says: credentials (and a
 * code for administrators), a new password when the current one was given
 * for one use, then a second factor to enrol for an administrator.
 */
export function SignInScreen({ onSignedIn, notice }: SignInScreenProps) {
  const t = useT();
  const client = useApi();
  const [step, setStep] = useState<Step>({ name: 'credentials', notice });

  const restart = (message?: string) => {
    clearToken();
    setStep({ name: 'credentials', notice: message });
  };

  // The API hands out the enrolment secret only in a sign-in answer whose
  // stage is `mfa_enrolment`; after a password change it is not there, so
  // the half-open session is closed and the user signed in again (without
  // the closed session's token, which the API would refuse).
  const signInAgain = async (email: string, password: string) => {
    try {
      await client.auth.signOut().catch(() => undefined);
      clearToken();
      const result = await client.auth.signIn(email, password);
      saveToken(result.token);
      next(result, password, result.enrolment);
    } catch (error) {
      restart(errorMessage(error, t));
    }
  };

  // The later steps call the API with the token of the half-open session,
  // so it is kept from the first answer on.
  const next = (
    session: SessionDto,
    password: string,
    enrolment?: Enrolment,
  ) => {
    if (session.stage === 'ready') {
      onSignedIn(session);
    } else if (session.stage === 'password_change') {
      setStep({ name: 'password', currentPassword: password });
    } else if (enrolment) {
      setStep({ name: 'enrolment', ...enrolment, password });
    } else {
      void signInAgain(session.user.email, password);
    }
  };

  if (step.name === 'enrolment') {
    return (
      <MfaEnrolmentForm
        secret={step.secret}
        otpauthUrl={step.otpauthUrl}
        onConfirmed={(session) => next(session, step.password)}
        onRestart={() => restart()}
      />
    );
  }
  if (step.name === 'password') {
    return (
      <PasswordChangeForm
        currentPassword={step.currentPassword}
        onChanged={(session, newPassword) => next(session, newPassword)}
        onRestart={() => restart()}
      />
    );
  }

  return (
    <SignInForm
      notice={step.notice}
      onSignedIn={(result, password) => {
        const { token, enrolment, ...session } = result;
        saveToken(token);
        next(session, password, enrolment);
      }}
    />
  );
}
