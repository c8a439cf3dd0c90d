/**
 * Who a subscriber is: a Belgian person (faker, nl_BE or fr_BE locale) with an address and an e-mail,
 * and for CLIC business packs the company with its enterprise number (KBO/BCE, mod-97 check digits).
 * Seeded from the subscriber's seed: the same seed gives the same person.
 *
 * Faker's names, streets, cities and companies are drawn once per locale into pools (faker run on the
 * generators' xoshiro128** from a fixed seed, so the pools are the same in every process), and each
 * subscriber picks from them with its own PRNG: a faker call costs microseconds (templates, weighted
 * patterns), a pick a few nanoseconds, and a population needs one identity per subscriber.
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

const MAIL_DOMAINS = ['telenet.be', 'skynet.be', 'proximus.be', 'gmail.com', 'hotmail.com', 'outlook.be'] as const;

/** How many of each a locale's pool holds: enough that two subscribers rarely share a name or an address. */
const POOL_SIZE = { firstNames: 256, lastNames: 256, streets: 512, buildingNumbers: 128, cities: 512, companies: 256 } as const;
/** The seed faker draws the pools from (any fixed value: the pools are part of the generators). */
const POOL_SEED = 0x1de7;

/** One locale's pools, each with what the e-mail needs precomputed. */
interface LocalePool {
  readonly firstNames: readonly string[];
  readonly lastNames: readonly string[];
  /** The names as they appear in an e-mail address: no accents, lowercase, a–z, 0–9 and dots. */
  readonly firstSlugs: readonly string[];
  readonly lastSlugs: readonly string[];
  readonly streets: readonly string[];
  readonly buildingNumbers: readonly string[];
  readonly cities: readonly string[];
  readonly companies: readonly string[];
  /** Each company's mail domain. */
  readonly companyDomains: readonly string[];
}

/** Lowercase ASCII letters, digits and dots, accents dropped: `Amélie` → `amelie`. */
function mailSlug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '');
}

/** The pools of a locale, drawn by faker (the same locale chains as fakerNL_BE and fakerFR_BE). */
function drawPool(locale: 'nl' | 'fr'): LocalePool {
  const randomizer = new XoshiroRandomizer();
  const f = new Faker({ locale: locale === 'nl' ? [nl_BE, nl, en, base] : [fr_BE, fr, en, base], randomizer });
  f.seed(POOL_SEED);
  const many = (n: number, draw: () => string): string[] => Array.from({ length: n }, draw);
  const firstNames = many(POOL_SIZE.firstNames, () => f.person.firstName());
  const lastNames = many(POOL_SIZE.lastNames, () => f.person.lastName());
  const companies = many(POOL_SIZE.companies, () => f.company.name());
  return {
    firstNames,
    lastNames,
    firstSlugs: firstNames.map(mailSlug),
    lastSlugs: lastNames.map(mailSlug),
    streets: many(POOL_SIZE.streets, () => f.location.street()),
    buildingNumbers: many(POOL_SIZE.buildingNumbers, () => f.location.buildingNumber()),
    cities: many(POOL_SIZE.cities, () => f.location.city()),
    companies,
    companyDomains: companies.map((c) => `${c.toLowerCase().replace(/[^a-z0-9]+/g, '').slice(0, 20) || 'bedrijf'}.be`),
  };
}

const pools: { nl?: LocalePool; fr?: LocalePool } = {};

/** A locale's pools, drawn on first use. */
function poolOf(locale: 'nl' | 'fr'): LocalePool {
  return (pools[locale] ??= drawPool(locale));
}

/** A Belgian enterprise number 0xxx.xxx.xxx whose last two digits are 97 − (first eight mod 97). */
export function enterpriseNumber(rng: Rng): string {
  const first8 = rng.int(2_000_000, 9_999_999); // leading digit 0, then 7 significant digits: 0200.000.0xx … 0999.999.9xx
  const check = 97 - (first8 % 97);
  const digits = `0${String(first8).padStart(7, '0')}${String(check).padStart(2, '0')}`;
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}

const two = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** The person (and company) of a subscriber, from its seed. */
export function identity(seed: number, locale: 'nl' | 'fr', business: boolean): Identity {
  const pool = poolOf(locale);
  const rng = new Rng(seed);
  const first = rng.below(pool.firstNames.length);
  const last = rng.below(pool.lastNames.length);
  const firstName = pool.firstNames[first]!;
  const lastName = pool.lastNames[last]!;
  const company = business ? rng.below(pool.companies.length) : -1;
  const domain = company >= 0 ? pool.companyDomains[company]! : MAIL_DOMAINS[rng.below(MAIL_DOMAINS.length)]!;
  const year = 1940 + rng.below(66);
  const month = 1 + rng.below(12);
  const day = 1 + rng.below(28);
  const street = `${pool.streets[rng.below(pool.streets.length)]!} ${pool.buildingNumbers[rng.below(pool.buildingNumbers.length)]!}`;
  const out: Identity = {
    locale: locale === 'nl' ? 'nl-BE' : 'fr-BE',
    name: `${firstName} ${lastName}`,
    firstName,
    lastName,
    email: `${pool.firstSlugs[first]!}.${pool.lastSlugs[last]!}@${domain}`,
    birthDate: `${year}-${two(month)}-${two(day)}`,
    address: { street, postcode: String(1000 + rng.below(9000)), city: pool.cities[rng.below(pool.cities.length)]! },
  };
  return company >= 0 ? { ...out, company: { name: pool.companies[company]!, enterpriseNumber: enterpriseNumber(rng) } } : out;
}
