import type { TargetEntity, TermDto } from 'core-api/client';
import { createContext, useContext } from 'react';

/** A list a membership criterion may name. */
export type ListChoice = { id: number; name: string; entity: TargetEntity };

/** What the value editors offer to pick from, loaded once per screen. */
export type PickerData = {
  terms: TermDto[];
  lists: ListChoice[];
};

export const PickerDataContext = createContext<PickerData>({
  terms: [],
  lists: [],
});

/** The taxonomy and the lists the value editors offer. */
export function usePickerData(): PickerData {
  return useContext(PickerDataContext);
}
