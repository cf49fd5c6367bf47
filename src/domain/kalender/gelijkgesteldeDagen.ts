import type { IsoDatum } from './kalenderdatum';

/**
 * A Koninklijk Besluit under art. 3 lid 3 Atw that equates days with the algemeen erkende feestdagen for a run of
 * years. Reference data, not code: only the days a KB lists count, never an inferred bridge day.
 */
export interface GelijkstellingsKb {
  naam: string;
  /** Where the list comes from, shown next to every move a day of this KB causes. */
  bron: string;
  /** The years the KB covers: for other years the shipped data cannot say whether a day is equated. */
  jaren: readonly number[];
  dagen: readonly IsoDatum[];
}

// Art. 3 lid 3 Atw. Two independent secondary sources agree on these dates; the official Staatscourant text was not
// seen (../shared/spec/termijnregels.md §3).
export const GELIJKSTELLINGS_KBS: readonly GelijkstellingsKb[] = [
  {
    naam: 'KB gelijkstelling dagen 2023–2025',
    bron: 'KB gelijkstelling 2023–2025 (secundaire bronnen; Staatscourant-tekst niet gezien)',
    jaren: [2023, 2024, 2025],
    dagen: ['2023-04-28', '2023-05-19', '2024-05-10', '2024-12-27', '2025-05-30'],
  },
  {
    naam: 'KB gelijkstelling dagen 2026–2028',
    bron: 'KB gelijkstelling 2026–2028, Stcrt. 2025, 24713 (nummer uit secundaire bron)',
    jaren: [2026, 2027, 2028],
    dagen: ['2026-01-02', '2026-05-15', '2027-05-07', '2028-04-28', '2028-05-26'],
  },
];
