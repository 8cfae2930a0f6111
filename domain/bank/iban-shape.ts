/** Looks like an IBAN (country, check digits, 10–30 alphanumerics); banks also put old account numbers where IBANs go. */
export function isIbanShaped(value: string | undefined): value is string {
  return !!value && /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(value);
}
