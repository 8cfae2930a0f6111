/** German display formats. Amounts go from integer cents to text without passing through floats. */

export function formatEuro(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${euros},${String(abs % 100).padStart(2, '0')} €`;
}

/** dd.mm.yyyy from an ISO date or Date (UTC calendar day). */
export function formatDate(d: string | Date): string {
  const iso = typeof d === 'string' ? d : d.toISOString();
  const [y, m, day] = iso.slice(0, 10).split('-');
  return `${day}.${m}.${y}`;
}
