import { isMessageKey } from '../../i18n/translate.ts';
import { useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import type { Problem } from './formProblems.ts';

/**
 * `emails.1.address` → « E-mails, ligne 2 » : the field a problem is about,
 * in words, for the summary above a form.
 */
export function useProblemLabel(): (path: string) => string {
  const t = useT();

  return (path: string) => {
    const [field = path, index] = path.split('.');
    const key = `field.${field}`;
    const label = isMessageKey(key) ? t(key) : field;
    if (index === undefined || !/^\d+$/.test(index)) return label;

    return t('card.problem.row', { field: label, row: Number(index) + 1 });
  };
}

export type ProblemSummaryProps = {
  message: string;
  problems: Problem[];
};

/**
 * Every problem of a refused save, above the form (each is also shown
 * beside its field): nothing the API said gets lost, even about a field
 * the form does not show.
 */
export function ProblemSummary({ message, problems }: ProblemSummaryProps) {
  const t = useT();
  const labelOf = useProblemLabel();

  return (
    <ErrorMessage
      message={message}
      details={problems.map((problem) =>
        t('errors.field', {
          field: labelOf(problem.path),
          message: problem.message,
        }),
      )}
    />
  );
}
