import { Spinner } from '@fluentui/react-components';

export type LoadingStateProps = { label: string };

/** A spinner with its text, announced politely. */
export function LoadingState({ label }: LoadingStateProps) {
  return (
    <div role="status">
      <Spinner size="small" label={label} />
    </div>
  );
}
