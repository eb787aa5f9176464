import {
  Button,
  Field,
  Input,
  Select,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';
import {
  contactTypes,
  type ContactInput,
  type PossibleDuplicate,
  type RelaisClient,
  type Suggestion,
} from 'core-api/client';
import { errorLines } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Mailbox } from '../../office/mailbox.ts';
import { Feedback } from '../../ui/Feedback.tsx';
import { DuplicateList } from './DuplicateList.tsx';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
});

/** What the person edits of the draft. */
type Form = {
  civility: '' | 'M' | 'MME';
  firstName: string;
  lastName: string;
  email: string;
  phones: string[];
  function: string;
  organisation: string;
  contactType: (typeof contactTypes)[number];
};

function formOf(draft: Suggestion['draft'], address: string): Form {
  const affiliation = draft.affiliations?.[0];

  return {
    civility: draft.civility ?? '',
    firstName: draft.firstName ?? '',
    lastName: draft.lastName ?? '',
    email: draft.emails?.[0]?.address ?? address,
    phones: (draft.phones ?? []).map((phone) => phone.number),
    function: affiliation?.function ?? '',
    organisation: affiliation?.companyName ?? '',
    contactType: draft.contactType ?? 'press',
  };
}

/** The draft as the person checked it, ready for the API. */
function inputOf(form: Form, draft: Suggestion['draft']): ContactInput {
  const kinds = new Map(
    (draft.phones ?? []).map((phone) => [phone.number, phone.kind]),
  );
  const affiliation = draft.affiliations?.[0];

  return {
    ...draft,
    civility: form.civility || null,
    firstName: form.firstName.trim() || null,
    lastName: form.lastName.trim() || null,
    contactType: form.contactType,
    emails: form.email.trim()
      ? [{ address: form.email.trim(), label: 'work', isPrimary: true }]
      : [],
    phones: form.phones
      .map((number) => number.trim())
      .filter(Boolean)
      .map((number, index) => ({
        number,
        kind: kinds.get(number) ?? 'office',
        isPrimary: index === 0,
      })),
    affiliations: form.organisation.trim()
      ? [
          {
            companyName: form.organisation.trim(),
            function: form.function.trim() || null,
            department: affiliation?.department ?? null,
            isPrimary: true,
          },
        ]
      : [],
  };
}

export type CaptureFormProps = {
  client: RelaisClient;
  person: Mailbox;
  /** The body's text when the person is the sender (their signature). */
  body: () => Promise<string>;
  portalUrl: string;
  /** The contact created or completed. */
  onSaved: (message: string) => void;
  onCancel: () => void;
};

/**
 * Captures an unknown person: a draft read by the API from their name,
 * address and signature, checked by the person, with the contacts it may
 * duplicate shown first so one of them can be completed instead.
 */
export function CaptureForm(props: CaptureFormProps) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const [suggestion, setSuggestion] = useState<Suggestion | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string[]>([]);

  useEffect(() => {
    let live = true;
    (async () => {
      const body = await props.body();
      const found = await props.client.capture.suggest({
        displayName: props.person.name,
        address: props.person.address,
        body,
        bodyType: 'text',
      });
      if (!live) return;
      setSuggestion(found);
      setForm(formOf(found.draft, props.person.address));
    })().catch((error: unknown) => {
      if (live) setProblem(errorLines(error, t, locale));
    });
    return () => {
      live = false;
    };
    // One reading per person shown.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function run(work: () => Promise<string>) {
    setBusy(true);
    setProblem([]);
    try {
      props.onSaved(await work());
    } catch (error) {
      setProblem(errorLines(error, t, locale));
    } finally {
      setBusy(false);
    }
  }

  const create = (event: FormEvent) => {
    event.preventDefault();
    if (!form || !suggestion) return;
    void run(async () => {
      const created = await props.client.contacts.create(
        inputOf(form, suggestion.draft),
      );
      return t('capture.created', { name: created.displayName });
    });
  };

  const complete = (candidate: PossibleDuplicate) => {
    if (!form || !suggestion) return;
    void run(async () => {
      const current = await props.client.contacts.get(candidate.contact.id);
      const completed = await props.client.capture.complete({
        contactId: current.id,
        version: current.version,
        draft: inputOf(form, suggestion.draft),
      });
      return t('capture.completed', { name: completed.displayName });
    });
  };

  if (!form || !suggestion)
    return (
      <>
        {problem.length === 0 && (
          <Spinner size="tiny" label={t('capture.reading')} />
        )}
        <Feedback intent="error" lines={problem} />
      </>
    );

  const set = <K extends keyof Form>(key: K, value: Form[K]) =>
    setForm({ ...form, [key]: value });
  const duplicates = suggestion.possibleDuplicates;
  const id = (name: string) => `${props.person.address}-${name}`;

  return (
    <form
      className={styles.form}
      onSubmit={create}
      aria-label={`${t('capture.title')} : ${props.person.address}`}
    >
      {duplicates.length > 0 && (
        <DuplicateList
          candidates={duplicates}
          portalUrl={props.portalUrl}
          busy={busy}
          onComplete={complete}
        />
      )}
      <Field label={t('capture.civility')}>
        <Select
          id={id('civility')}
          value={form.civility}
          onChange={(_, data) =>
            set('civility', data.value as Form['civility'])
          }
        >
          <option value="">{t('capture.civility.none')}</option>
          <option value="M">{t('capture.civility.M')}</option>
          <option value="MME">{t('capture.civility.MME')}</option>
        </Select>
      </Field>
      <Field label={t('capture.firstName')}>
        <Input
          value={form.firstName}
          onChange={(_, data) => set('firstName', data.value)}
        />
      </Field>
      <Field label={t('capture.lastName')}>
        <Input
          value={form.lastName}
          onChange={(_, data) => set('lastName', data.value)}
        />
      </Field>
      <Field label={t('capture.email')}>
        <Input
          type="email"
          value={form.email}
          onChange={(_, data) => set('email', data.value)}
        />
      </Field>
      {(form.phones.length > 0 ? form.phones : ['']).map((phone, index) => (
        <Field
          key={index}
          label={`${t('capture.phone')}${form.phones.length > 1 ? ` ${index + 1}` : ''}`}
        >
          <Input
            type="tel"
            value={phone}
            onChange={(_, data) => {
              const phones = [...form.phones];
              phones[index] = data.value;
              set('phones', phones);
            }}
          />
        </Field>
      ))}
      <Field label={t('capture.function')}>
        <Input
          value={form.function}
          onChange={(_, data) => set('function', data.value)}
        />
      </Field>
      <Field label={t('capture.organisation')}>
        <Input
          value={form.organisation}
          onChange={(_, data) => set('organisation', data.value)}
        />
      </Field>
      <Field label={t('capture.contactType')}>
        <Select
          value={form.contactType}
          onChange={(_, data) =>
            set('contactType', data.value as Form['contactType'])
          }
        >
          {contactTypes.map((type) => (
            <option key={type} value={type}>
              {t(`contactType.${type}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Feedback intent="error" lines={problem} />
      <div className={styles.actions}>
        <Button
          type="submit"
          appearance={duplicates.length > 0 ? 'secondary' : 'primary'}
          disabled={busy}
        >
          {duplicates.length > 0
            ? t('capture.duplicates.createAnyway')
            : t('capture.save')}
        </Button>
        <Button appearance="subtle" onClick={props.onCancel} disabled={busy}>
          {t('capture.cancel')}
        </Button>
      </div>
    </form>
  );
}
