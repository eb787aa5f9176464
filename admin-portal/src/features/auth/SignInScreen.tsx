import type { SessionDto, SignInResult } from 'core-api/client';
import { useState } from 'react';
import { clearToken, saveToken } from '../../api.ts';
import { MfaEnrolmentForm } from './MfaEnrolmentForm.tsx';
import { PasswordChangeForm } from './PasswordChangeForm.tsx';
import { SignInForm } from './SignInForm.tsx';

/** The step of the sign-in the user is at. */
type Step =
  | { name: 'credentials' }
  | { name: 'enrolment'; secret: string; otpauthUrl: string; password: string }
  | { name: 'password'; currentPassword: string };

export type SignInScreenProps = {
  /** A full session (`stage: 'ready'`) was reached. */
  onSignedIn: (session: SessionDto) => void;
  /** A message to show on arrival (expired session, unreachable server). */
  notice?: string;
};

/**
 * Signing in, step by step as the API's `stage` says: credentials (and a
 * code for administrators), then a second factor to enrol, then a new
 * password when the current one was given for one use.
 */
export function SignInScreen({ onSignedIn, notice }: SignInScreenProps) {
  const [step, setStep] = useState<Step>({ name: 'credentials' });

  // The enrolment and password steps call the API with the token of the
  // half-open session, so it is kept from the first answer on.
  const next = (session: SessionDto, password: string, enrolment?: SignInResult['enrolment']) => {
    if (session.stage === 'ready') onSignedIn(session);
    else if (session.stage === 'password_change') setStep({ name: 'password', currentPassword: password });
    else setStep({ name: 'enrolment', secret: '', otpauthUrl: '', ...enrolment, password });
  };

  const restart = () => {
    clearToken();
    setStep({ name: 'credentials' });
  };

  if (step.name === 'enrolment') {
    return (
      <MfaEnrolmentForm
        secret={step.secret}
        otpauthUrl={step.otpauthUrl}
        onConfirmed={(session) => next(session, step.password)}
        onRestart={restart}
      />
    );
  }
  if (step.name === 'password') {
    return (
      <PasswordChangeForm
        currentPassword={step.currentPassword}
        onChanged={(session) => next(session, step.currentPassword)}
        onRestart={restart}
      />
    );
  }

  return (
    <SignInForm
      notice={notice}
      onSignedIn={(result, password) => {
        saveToken(result.token);
        next({ user: result.user, stage: result.stage, expiresAt: result.expiresAt }, password, result.enrolment);
      }}
    />
  );
}
