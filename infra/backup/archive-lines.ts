/**
 * What a backup archive holds once decrypted and unzipped: JSON lines, the manifest first and the
 * end record last (docs/operations.md describes the format).
 */
export type ArchiveLine =
  | { kind: 'manifest'; format: 1; createdAt: string; migrations: string[]; tables: Record<string, number>; documents: 'in the database' | 'external DMS, not in this archive'; files: string[] }
  | { kind: 'rows'; table: string; rows: unknown[] }
  | { kind: 'sequence'; name: string; lastValue: string | null }
  | { kind: 'file'; name: string; data: string }
  | { kind: 'end'; tables: Record<string, number>; files: Record<string, number> };

export type Manifest = Extract<ArchiveLine, { kind: 'manifest' }>;

/** Quotes an SQL identifier (table and column names come from the catalogue, never from input). */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
