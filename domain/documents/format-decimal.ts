import { parseFactor } from '../goae/fee';

/** A GOÄ factor as invoices print it: "2.3" -> "2,30". */
export function formatFactor(factor: string): string {
  const h = parseFactor(factor);
  return `${Math.floor(h / 100)},${String(h % 100).padStart(2, '0')}`;
}

/** A decimal rate as a German percentage without float arithmetic: "0.035" -> "3,5 %", "0.19" -> "19 %". */
export function formatPercent(rate: string): string {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(rate.trim());
  if (!m) throw new Error(`rate "${rate}" is not a decimal`);
  const frac = (m[2] ?? '').padEnd(2, '0');
  const whole = String(Number(m[1] + frac.slice(0, 2)));
  const rest = frac.slice(2).replace(/0+$/, '');
  return `${whole}${rest ? `,${rest}` : ''} %`;
}
