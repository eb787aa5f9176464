import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  Radio,
  RadioGroup,
  tokens,
} from '@fluentui/react-components';
import { BusySpinner } from '../../ui/BusySpinner.tsx';
import type { ManagedUserDto, Role } from 'core-api/client';
import { useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { Muted } from '../../ui/Muted.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useAction } from '../../ui/useAction.ts';
import { useSession } from '../auth/SessionContext.ts';
import { ConfirmDelete } from './ConfirmDelete.tsx';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  buttons: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  surface: { maxWidth: 'min(32rem, calc(100vw - 2rem))' },
  text: { margin: `${tokens.spacingVerticalS} 0 0` },
});

type RoleDialogProps = {
  user: ManagedUserDto;
  /** Saved: says what changed. */
  onDone: (message: string) => void;
};

/**
 * Changes a role after a confirmation that says what the role may do; the
 * API refuses taking away the last active administrator, shown here.
 */
function RoleDialog({ user, onDone }: RoleDialogProps) {
  const styles = useStyles();
  const t = useT();
  const client = useApi();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<Role>(user.role);
  const save = useAction<unknown>();
  const name = user.displayName;

  const confirm = async () => {
    const done = await save.run(() => client.users.setRole(user.id, choice));
    if (!done) return;
    setOpen(false);
    onDone(t('users.role.saved', { name, role: t(`shell.role.${choice}`) }));
  };

  return (
    <Dialog
      modalType="alert"
      open={open}
      onOpenChange={(_, data) => {
        setOpen(data.open);
        setChoice(user.role);
        save.reset();
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button aria-label={t('users.role.openFor', { name })}>
          {t('users.role.open')}
        </Button>
      </DialogTrigger>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{t('users.role.title', { name })}</DialogTitle>
          <DialogContent>
            <RadioGroup
              aria-label={t('users.role.choice')}
              value={choice}
              onChange={(_, data) => setChoice(data.value as Role)}
            >
              <Radio value="editor" label={t('shell.role.editor')} />
              <Radio value="admin" label={t('shell.role.admin')} />
            </RadioGroup>
            <p className={styles.text}>
              {t(
                choice === 'admin'
                  ? 'users.role.adminNote'
                  : 'users.role.editorNote',
              )}
            </p>
            {user.entraIdentity && (
              <p className={styles.text}>{t('users.role.entraNote')}</p>
            )}
            {save.state.status === 'error' && (
              <ErrorMessage message={errorMessage(save.state.error, t)} />
            )}
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabledFocusable={save.running || choice === user.role}
              icon={save.running ? <BusySpinner /> : undefined}
              onClick={confirm}
            >
              {t('users.role.confirm')}
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button>{t('users.role.cancel')}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export type AccountControlsProps = {
  user: ManagedUserDto;
  /** Something changed: the list is read again. */
  onChanged: () => void;
};

/**
 * An account's last sign-in, and what an administrator may do with it:
 * change its role, deactivate it (after a confirmation) or reactivate it.
 * Nobody demotes or deactivates themselves; the API also keeps the last
 * active administrator, and its refusal is shown where it was asked.
 */
export function AccountControls({ user, onChanged }: AccountControlsProps) {
  const styles = useStyles();
  // The signed-in administrator's own account: neither role nor status.
  const self = useSession().user?.id === user.id;
  const t = useT();
  const client = useApi();
  const reactivate = useAction<ManagedUserDto>();
  const [notice, setNotice] = useState<string | null>(null);
  const name = user.displayName;
  const done = (message: string) => {
    setNotice(message);
    onChanged();
  };

  return (
    <div className={styles.root}>
      <Muted>
        {user.lastSignInAt
          ? t('users.lastSignIn', { date: formatDateTime(user.lastSignInAt) })
          : t('users.neverSignedIn')}
      </Muted>
      {self ? (
        <Muted>{t('users.self')}</Muted>
      ) : (
        <div className={styles.buttons}>
          <RoleDialog user={user} onDone={done} />
          {user.active ? (
            <ConfirmDelete
              label={t('users.deactivate.openFor', { name })}
              text={t('users.deactivate.open')}
              title={t('users.deactivate.title', { name })}
              body={t('users.deactivate.body', { name })}
              confirm={t('users.deactivate.confirm')}
              cancel={t('users.deactivate.cancel')}
              onDelete={async () => {
                await client.users.setActive(user.id, false);
              }}
              onDeleted={() => done(t('users.deactivated', { name }))}
            />
          ) : (
            <Button
              aria-label={t('users.reactivate.openFor', { name })}
              disabledFocusable={reactivate.running}
              onClick={async () => {
                const back = await reactivate.run(() =>
                  client.users.setActive(user.id, true),
                );
                if (back) done(t('users.reactivated', { name }));
              }}
            >
              {t('users.reactivate.open')}
            </Button>
          )}
        </div>
      )}
      {reactivate.state.status === 'error' && (
        <ErrorMessage message={errorMessage(reactivate.state.error, t)} />
      )}
      {notice && <Notice>{notice}</Notice>}
    </div>
  );
}
