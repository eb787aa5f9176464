import { Op, type WhereOptions } from 'sequelize';
import { words } from '../text/fold.ts';

/**
 * A name typed in a table's filter as a condition on the stored sort keys:
 * every word folded (`Zébulon` → `zebulon`) and found in one of `columns`.
 * Folded words hold letters and digits only, so no LIKE wildcard gets in;
 * nothing typed, no condition.
 */
export function nameFilter(
  columns: readonly string[],
  typed: string | undefined,
): WhereOptions {
  const wanted = words(typed ?? '').slice(0, 8);
  if (wanted.length === 0) return {};

  return {
    [Op.and]: wanted.map((word) => ({
      [Op.or]: columns.map((column) => ({
        [column]: { [Op.like]: `%${word}%` },
      })),
    })),
  };
}
