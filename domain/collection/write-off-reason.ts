import { UNCOLLECTABLE_REASONS } from './lawyer-report';

/**
 * Why a claim is written off: the lawyer's uncollectable reasons, and what staff decide on their own
 * (collection would cost more than it brings, the claim is time-barred, anything else with a note).
 */
export const WRITE_OFF_REASONS = [...UNCOLLECTABLE_REASONS, 'uneconomic', 'time_barred', 'other'] as const;
export type WriteOffReason = (typeof WRITE_OFF_REASONS)[number];

/** The reasons as the client's write-off letter names them. */
export const WRITE_OFF_REASON_TEXT: Record<WriteOffReason, string> = {
  insolvency: 'Insolvenz des Schuldners',
  address_unknown: 'Anschrift des Schuldners unbekannt',
  deceased: 'Schuldner verstorben',
  uneconomic: 'Beitreibung unwirtschaftlich',
  time_barred: 'Forderung verjährt',
  other: 'Sonstiger Grund',
};
