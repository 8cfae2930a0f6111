import { allGoaeEntries, type GoaeEntry } from './catalogue';
import type { ServiceLine } from './service-lines';

/**
 * The points a percentage surcharge (441, 5298) is a percentage of, or undefined after reporting
 * why there are none. A surcharge billable once per treatment day (441: "je Sitzung", 100 % of the
 * operative service, at most 67.49 EUR) covers every service of that day it may belong to, wherever
 * the file lists them; any other (5298: 25 % of each digital X-ray service) belongs to one service:
 * the nearest earlier one of the same date not yet carrying as many of it as it was performed.
 * `taken` counts, per base line, the surcharges already assigned to it.
 */
export function surchargeBasePoints(
  surcharge: ServiceLine,
  services: ServiceLine[],
  taken: Map<number, number>,
  err: (field: string, reason: string) => void,
): number | undefined {
  const rule = surcharge.entry.percentOf!;
  const eligible = (e: GoaeEntry) => (rule.codes ? rule.codes.includes(e.code) : !e.percentOf && !e.singleRate);
  const sameDay = services.filter((s) => s.date === surcharge.date && eligible(s.entry));
  const what = `GOÄ ${surcharge.entry.code} is ${rule.percent} % of the simple fee of ${rule.codes ? describeServices(rule.codes) : 'the service it belongs to'}`;
  const at = `lines[${surcharge.n}].code`;
  if (surcharge.entry.oncePerDay) {
    if (!sameDay.length) return void err(at, `${what} on the same date ${surcharge.date}: there is none that day`);
    return sameDay.reduce((sum, s) => sum + s.entry.points * s.count, 0);
  }
  const before = sameDay.filter((s) => s.n < surcharge.n);
  if (!before.length) return void err(at, `${what}, which must precede it on the same date ${surcharge.date}: there is none`);
  for (let i = before.length - 1; i >= 0; i--) {
    const base = before[i];
    const used = taken.get(base.n) ?? 0;
    if (base.count - used >= surcharge.count) {
      taken.set(base.n, used + surcharge.count);
      return base.entry.points;
    }
  }
  const lines = before.map((s) => `line ${s.n} (GOÄ ${s.entry.code} × ${s.count})`).join(', ');
  return void err(at, `${what}, once per service performed: the services before it on ${surcharge.date} (${lines}) already carry theirs, ${surcharge.count} more cannot be added`);
}

/** "a service GOÄ 5010 to 5290" when the codes are every catalogue code of that range, else the list in short. */
function describeServices(codes: string[]): string {
  if (codes.length <= 3) return `a service GOÄ ${codes.join(', ')}`;
  const [first, last] = [codes[0], codes[codes.length - 1]];
  const num = (c: string) => parseInt(c, 10);
  const range = allGoaeEntries().filter((e) => /^\d/.test(e.code) && num(e.code) >= num(first) && num(e.code) <= num(last));
  return range.length === codes.length ? `a service GOÄ ${first} to ${last}` : `one of the ${codes.length} services listed for it (GOÄ ${codes.slice(0, 3).join(', ')} … ${last})`;
}
