import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  tokens,
} from '@fluentui/react-components';
import { BusySpinner } from '../../ui/BusySpinner.tsx';
import type {
  Channel,
  ExportFormat,
  ExportRequestInput,
  ExportSettingsDto,
  TargetCountDto,
  TargetQuery,
} from 'core-api/client';
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage, isApiError } from '../../api.ts';
import type { Locale } from '../../i18n/messages.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useAction } from '../../ui/useAction.ts';
import { useResource, type Resource } from '../../ui/useResource.ts';
import { useSession } from '../auth/SessionContext.ts';
import { formatCount } from '../targeting/CountSummary.tsx';
import { channelChoices, choiceOf, formatChoices } from './exportFormats.ts';
import { saveFile } from './saveFile.ts';
import { TemplateField, type Template } from './TemplateField.tsx';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(40rem, calc(100vw - 2rem))' },
  content: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  hint: {
    display: 'block',
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  count: { margin: 0 },
});

/** What is exported: a query, a saved query, a list, chosen contacts. */
export type ExportTarget = ExportRequestInput['target'];

/** What a finished export said: its file, rows and those left out. */
type Exported = {
  fileName: string;
  rows: number;
  excluded: number;
};

/**
 * Whether the API refused the export itself (exports restricted to
 * administrators), rather than failing.
 */
function isRestricted(error: unknown): boolean {
  return isApiError(error) && error.status === 403;
}

export type ExportDialogProps = {
  target: ExportTarget;
  /**
   * The same target as a query, counted for the chosen channel so the
   * dialog says how many are left out before the download.
   */
  countQuery: TargetQuery;
  /** What is exported, in words (« la liste Presse régionale »). */
  targetLabel: string;
  /** The button's look where it sits. */
  appearance?: 'primary' | 'secondary';
  /** Leaves the button out (a restricted export is said instead). */
  disabled?: boolean;
};

/**
 * Whether exports are reserved to administrators, as the settings say; an
 * answer that cannot be read counts as no restriction (the export itself
 * would still be refused, and say so).
 */
function restrictedBy(settings: Resource<ExportSettingsDto | null>): boolean {
  return (
    settings.status === 'done' && settings.data?.settings.adminOnly === true
  );
}

/**
 * « Exporter »: a dialog to choose the format, the language of the headers,
 * the channel whose opt-outs are left out (with how many that leaves out),
 * a Word template for letters and labels, then the download. When exports
 * are reserved to administrators, an editor learns it on opening, with no
 * download to try; an administrator sees that the restriction is on.
 * Companies opt out of nothing: their export has no channel to choose.
 */
export function ExportDialog({
  target,
  countQuery,
  targetLabel,
  appearance = 'secondary',
  disabled = false,
}: ExportDialogProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const client = useApi();
  const { user } = useSession();
  const isAdmin = user?.role === 'admin';
  const company = countQuery.entity === 'company';
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [lang, setLang] = useState<Locale>(locale);
  const [channel, setChannel] = useState<Channel | 'none'>('none');
  const [template, setTemplate] = useState<Template | null>(null);
  const exporting = useAction<Exported>();
  const choice = choiceOf(format);
  const count = useResource<TargetCountDto | null>(
    () =>
      open && channel !== 'none'
        ? client.targeting.count(countQuery, { channel })
        : Promise.resolve(null),
    `export-count:${open}:${channel}:${JSON.stringify(countQuery)}`,
  );
  // Read on each opening: an administrator may have changed it meanwhile.
  const settings = useResource<ExportSettingsDto | null>(
    () => (open ? client.exports.settings.get() : Promise.resolve(null)),
    `export-settings:${open}`,
  );
  const restricted = open && restrictedBy(settings);
  const refused = restricted && !isAdmin;

  const chooseFormat = (next: ExportFormat) => {
    setFormat(next);
    setChannel(company ? 'none' : choiceOf(next).channel);
    if (!choiceOf(next).template) setTemplate(null);
    exporting.reset();
  };

  const download = () =>
    exporting.run(async () => {
      const file = await client.exports.download({
        target,
        format,
        lang,
        channel,
        template: choice.template && template ? template : undefined,
      });
      saveFile(file.blob, file.fileName);

      return {
        fileName: file.fileName,
        rows: file.matched - file.excluded,
        excluded: file.excluded,
      };
    });

  const { state } = exporting;
  const outcome = useRef<HTMLDivElement>(null);

  // On a phone the outcome lies below the fold of the dialog: bring it up.
  useEffect(() => {
    if (state.status === 'done' || state.status === 'error')
      outcome.current?.scrollIntoView?.({ block: 'nearest' });
  }, [state.status]);

  return (
    <Dialog
      open={open}
      onOpenChange={(_, data) => {
        setOpen(data.open);
        if (!data.open) exporting.reset();
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button appearance={appearance} disabled={disabled}>
          {t('export.open')}
        </Button>
      </DialogTrigger>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{t('export.title', { what: targetLabel })}</DialogTitle>
          <DialogContent className={styles.content}>
            {refused && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>{t('export.restrictedForYou')}</MessageBarBody>
              </MessageBar>
            )}
            {restricted && isAdmin && (
              <MessageBar intent="info" layout="multiline">
                <MessageBarBody>{t('export.restrictedOn')}</MessageBarBody>
              </MessageBar>
            )}
            {!refused && (
              <>
                <Field label={t('export.format')}>
                  <RadioGroup
                    value={format}
                    onChange={(_, data) =>
                      chooseFormat(data.value as ExportFormat)
                    }
                  >
                    {formatChoices.map((option) => (
                      <Radio
                        key={option.format}
                        value={option.format}
                        label={
                          <>
                            {t(option.label)}
                            <span className={styles.hint}>
                              {t(option.hint)}
                            </span>
                          </>
                        }
                      />
                    ))}
                  </RadioGroup>
                </Field>
                <Field label={t('export.lang')}>
                  <RadioGroup
                    layout="horizontal"
                    value={lang}
                    onChange={(_, data) => setLang(data.value as Locale)}
                  >
                    <Radio value="fr" label={t('export.lang.fr')} />
                    <Radio value="en" label={t('export.lang.en')} />
                  </RadioGroup>
                </Field>
                {company ? (
                  <p className={styles.count}>{t('export.companies')}</p>
                ) : (
                  <Field
                    label={t('export.channel')}
                    hint={t('export.channel.hint')}
                  >
                    <Select
                      value={channel}
                      onChange={(_, data) =>
                        setChannel(data.value as Channel | 'none')
                      }
                    >
                      {channelChoices.map((option) => (
                        <option key={option} value={option}>
                          {option === 'none'
                            ? t('export.channel.none')
                            : t(`channel.${option}`)}
                        </option>
                      ))}
                    </Select>
                  </Field>
                )}
                {channel !== 'none' && (
                  <p role="status" className={styles.count}>
                    {count.status === 'done' && count.data
                      ? t('export.excluded', {
                          excluded: formatCount(count.data.excluded, locale),
                          matched: formatCount(count.data.matched, locale),
                          channel: t(`channel.${channel}`),
                        })
                      : count.status === 'loading'
                        ? t('targeting.counting')
                        : ''}
                  </p>
                )}
                {choice.template && (
                  <TemplateField
                    format={format}
                    template={template}
                    onChange={setTemplate}
                  />
                )}
              </>
            )}
            <div ref={outcome}>
              {state.status === 'error' && isRestricted(state.error) && (
                <MessageBar intent="warning" layout="multiline" role="alert">
                  <MessageBarBody>
                    {errorMessage(state.error, t)} {t('export.restrictedHint')}
                  </MessageBarBody>
                </MessageBar>
              )}
              {state.status === 'error' && !isRestricted(state.error) && (
                <ErrorMessage message={errorMessage(state.error, t)} />
              )}
              {state.status === 'done' && (
                <Notice>
                  {t(company ? 'export.doneCompanies' : 'export.done', {
                    file: state.data.fileName,
                    rows: formatCount(state.data.rows, locale),
                    excluded: formatCount(state.data.excluded, locale),
                  })}
                </Notice>
              )}
            </div>
          </DialogContent>
          <DialogActions>
            {!refused && (
              <Button
                appearance="primary"
                disabledFocusable={exporting.running}
                icon={exporting.running ? <BusySpinner /> : undefined}
                onClick={download}
              >
                {t('export.download')}
              </Button>
            )}
            <DialogTrigger disableButtonEnhancement>
              <Button>{t('export.close')}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
