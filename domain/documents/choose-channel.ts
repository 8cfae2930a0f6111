export type Channel = 'email' | 'fax' | 'post';

/** Where a document can go: the recipient's addresses and what they agreed to. */
export interface Recipient {
  /** Postal recipient, one line: name, street, postal code and city. */
  postal: string;
  email: string | null;
  /** Patients must have agreed to email; clients and lawyers give their address for it. */
  emailConsent: boolean;
  fax: string | null;
  personId?: string;
}

/**
 * Email where the recipient has an address and agreed; fax where it has a number and the kind
 * may go by fax (policy: client and lawyer documents, never health data to a patient's machine);
 * else post.
 */
export function chooseChannel(r: Recipient, kind: string, faxKinds: string[]): Channel {
  if (r.email && r.emailConsent) return 'email';
  if (r.fax && faxKinds.some((k) => k.toLowerCase() === kind.toLowerCase())) return 'fax';
  return 'post';
}

/** The address a channel sends to. */
export function addressFor(r: Recipient, channel: Channel): string {
  if (channel === 'email' && r.email) return r.email;
  if (channel === 'fax' && r.fax) return r.fax;
  return r.postal;
}
