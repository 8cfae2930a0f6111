/** Keyset paging (stable order): `limit` rows after the cursor `after`, the last id of the previous page. */
export interface IdPage {
  limit: number;
  after?: string;
}

/** The Prisma arguments of a page in id order: rows after the cursor. */
export function pageOf(q: IdPage) {
  return { where: q.after ? { id: { gt: q.after } } : {}, orderBy: { id: 'asc' as const }, take: q.limit };
}

/** The cursor of the next page: the last id of a full page, else null (there are no more rows). */
export function nextCursor(rows: Array<{ id: string }>, q: IdPage): string | null {
  return rows.length === q.limit ? rows[rows.length - 1].id : null;
}
