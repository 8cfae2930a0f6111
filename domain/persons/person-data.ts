/** A person's master data as it leaves the house: to the lawyer (handoff) or to the person (Art. 15). */
export interface PersonData {
  salutation: string | null;
  title: string | null;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  email: string | null;
  business: boolean;
}

/** The master data of a Person row, nothing else of it. */
export function personData(p: PersonData): PersonData {
  return {
    salutation: p.salutation,
    title: p.title,
    firstName: p.firstName,
    lastName: p.lastName,
    birthDate: p.birthDate,
    street: p.street,
    postalCode: p.postalCode,
    city: p.city,
    country: p.country,
    email: p.email,
    business: p.business,
  };
}
