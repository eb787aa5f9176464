import {
  Badge,
  Button,
  Link,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/useT.ts';
import { Muted } from '../../ui/Muted.tsx';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteMarigoldBorder2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    ':focus': { outlineStyle: 'none' },
  },
  text: { margin: 0 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    overflowWrap: 'anywhere',
  },
  name: { fontWeight: tokens.fontWeightSemibold },
  buttons: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
});

/** A record that may be the one being created. */
export type Candidate = {
  id: number;
  href: string;
  name: string;
  /** Function, company, city…: what tells two people apart. */
  details: string[];
  outcome: 'same' | 'maybe';
  /** What the match rests on, in words. */
  reasons: string[];
};

export type DuplicateCandidatesProps = {
  candidates: Candidate[];
  onCreateAnyway: () => void;
  onBack: () => void;
  creating: boolean;
};

/**
 * The records the base already holds that may be the one typed: each can
 * be opened instead; « Créer quand même » creates the new one all the same.
 */
export function DuplicateCandidates({
  candidates,
  onCreateAnyway,
  onBack,
  creating,
}: DuplicateCandidatesProps) {
  const styles = useStyles();
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  return (
    <section className={styles.root} aria-labelledby="duplicate-candidates">
      <h2
        id="duplicate-candidates"
        ref={heading}
        tabIndex={-1}
        className={styles.heading}
      >
        {t('card.duplicates.title', { count: candidates.length })}
      </h2>
      <p className={styles.text}>{t('card.duplicates.intro')}</p>
      <ul className={styles.list}>
        {candidates.map((candidate) => (
          <li key={candidate.id} className={styles.item}>
            <Link href={candidate.href} className={styles.name}>
              {t('card.duplicates.open', { name: candidate.name })}
            </Link>
            <Badge
              appearance="tint"
              color={candidate.outcome === 'same' ? 'danger' : 'warning'}
            >
              {t(`card.duplicates.${candidate.outcome}`)}
            </Badge>
            {candidate.details.map((detail) => (
              <span key={detail}>{detail}</span>
            ))}
            {candidate.reasons.length > 0 && (
              <Muted>
                {t('card.duplicates.reasons', {
                  reasons: candidate.reasons.join(', '),
                })}
              </Muted>
            )}
          </li>
        ))}
      </ul>
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          disabledFocusable={creating}
          onClick={onCreateAnyway}
        >
          {t('card.duplicates.createAnyway')}
        </Button>
        <Button onClick={onBack}>{t('card.duplicates.back')}</Button>
      </div>
    </section>
  );
}
