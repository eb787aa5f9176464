import type { DepartmentDto } from 'core-api/client';
import { useT } from '../../i18n/useT.ts';

export type DepartmentOptionsProps = { departments: DepartmentDto[] };

/** The choices of a department `Select`: none first, then each by name. */
export function DepartmentOptions({ departments }: DepartmentOptionsProps) {
  const t = useT();

  return (
    <>
      <option value="">{t('senders.users.noDepartment')}</option>
      {departments.map((department) => (
        <option key={department.id} value={department.id}>
          {department.name}
        </option>
      ))}
    </>
  );
}
