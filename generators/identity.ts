/**
 * Who a subscriber is: a Belgian person (faker, nl_BE or fr_BE locale) with an address and an e-mail,
 * and for CLIC business packs the company with its enterprise number (KBO/BCE, mod-97 check digits).
 * Seeded from the subscriber's seed: the same seed gives the same person. Faker runs on the
 * generators' xoshiro128** (its Mersenne Twister takes longer to seed than the whole identity takes).
 */
import { base, en, Faker, fr, fr_BE, nl, nl_BE, type Randomizer } from '@faker-js/faker';
import { Rng } from './rng.ts';

export interface Identity {
  readonly locale: 'nl-BE' | 'fr-BE';
  readonly name: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly birthDate: string;
  readonly address: { readonly street: string; readonly postcode: string; readonly city: string };
  /** CLIC and CLIC Bureau are business packs: the client is a company. */
  readonly company?: { readonly name: string; readonly enterpriseNumber: string };
}

/** A faker Randomizer over xoshiro128**. */
class XoshiroRandomizer implements Randomizer {
  rng = new Rng(0);
  // Faker calls these detached from the object: arrow functions keep `this`.
  next = (): number => this.rng.float();
  seed = (seed: number | number[]): void => {
    this.rng = new Rng(typeof seed === 'number' ? seed : (seed[0] ?? 0));
  };
}

const randomizer = new XoshiroRandomizer();
const MAIL_DOMAINS = ['telenet.be', 'skynet.be', 'proximus.be', 'gmail.com', 'hotmail.com', 'outlook.be'] as const;
// The same locale chains as fakerNL_BE and fakerFR_BE.
const FAKERS = {
  nl: new Faker({ locale: [nl_BE, nl, en, base], randomizer }),
  fr: new Faker({ locale: [fr_BE, fr, en, base], randomizer }),
};

/** A Belgian enterprise number 0xxx.xxx.xxx whose last two digits are 97 − (first eight mod 97). */
export function enterpriseNumber(rng: Rng): string {
  const first8 = rng.int(2_000_000, 9_999_999); // leading digit 0, then 7 significant digits: 0200.000.0xx … 0999.999.9xx
  const check = 97 - (first8 % 97);
  const digits = `0${String(first8).padStart(7, '0')}${String(check).padStart(2, '0')}`;
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}

/** The person (and company) of a subscriber, from its seed. */
export function identity(seed: number, locale: 'nl' | 'fr', business: boolean): Identity {
  const f = FAKERS[locale];
  randomizer.seed(seed);
  const firstName = f.person.firstName();
  const lastName = f.person.lastName();
  const company = business ? f.company.name() : undefined;
  const domain = company ? `${company.toLowerCase().replace(/[^a-z0-9]+/g, '').slice(0, 20) || 'bedrijf'}.be` : undefined;
  const local = `${firstName}.${lastName}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '');
  const email = `${local}@${domain ?? MAIL_DOMAINS[randomizer.rng.below(MAIL_DOMAINS.length)]}`;
  const year = 1940 + randomizer.rng.below(66);
  const month = 1 + randomizer.rng.below(12);
  const day = 1 + randomizer.rng.below(28);
  const out: Identity = {
    locale: locale === 'nl' ? 'nl-BE' : 'fr-BE',
    name: `${firstName} ${lastName}`,
    firstName,
    lastName,
    email,
    birthDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    address: { street: f.location.streetAddress(), postcode: String(1000 + randomizer.rng.below(9000)), city: f.location.city() },
  };
  return company ? { ...out, company: { name: company, enterpriseNumber: enterpriseNumber(randomizer.rng) } } : out;
}
