/**
 * The other parties of a subscriber's calls and SMS: twenty Belgian contacts (mobile or fixed, written
 * in E.164 or the national form) and six numbers abroad, picked from a directory shared by the
 * population; special, premium, freephone, short-code and emergency numbers; and local numbers of the
 * countries the subscriber travels to. Each is registered once in the usage writer's number table with
 * its destination class, known by construction (numbering.ts `Dest`), so a record only copies two
 * integers. A pick leaves the number's id in `to` and its class in `dest`.
 */
import { Dest, classifyNumber } from '../../src/domain/numbering.ts';
import {
  belgianFixed,
  belgianMobile,
  EMERGENCY,
  FREEPHONE_NUMBERS,
  localNumber,
  national,
  PREMIUM_NUMBERS,
  SHORT_CODES,
  SPECIAL_NUMBERS,
} from '../numbers.ts';
import { Rng } from '../rng.ts';
import type { UsageBuilder } from '../../src/domain/usage.ts';

/** The pools of `Parties.special`. */
export const Pool = { SPECIAL: 0, PREMIUM: 1, FREE: 2, SHORT: 3, EMERGENCY: 4 } as const;
const SPECIAL_POOLS = [SPECIAL_NUMBERS, PREMIUM_NUMBERS, FREEPHONE_NUMBERS, SHORT_CODES, EMERGENCY] as const;
/** Each special number's class, by the domain's classifier, once (subscribers use them again and again). */
const SPECIAL_DEST = new Map<string, number>();
for (const pool of SPECIAL_POOLS) for (const n of pool) SPECIAL_DEST.set(n, classified(n));

function classified(n: string): number {
  const cls = classifyNumber(n);
  if (!cls.ok) throw new Error(`generators: a generated number is not valid: ${n}: ${cls.reason}`);
  return cls.dest;
}

const CONTACTS = 20;
const FOREIGN = 6;
/** Local numbers per country travelled to. */
const LOCALS = 3;
/** Countries whose numbers subscribers call from home: the first four foreign numbers are in the EU zone. */
const EU_CALLED = ['FR', 'NL', 'DE', 'ES', 'IT', 'LU', 'PL', 'PT', 'RO'] as const;
const WORLD_CALLED = ['MA', 'TR', 'US', 'GB', 'CD', 'CH'] as const;

/**
 * The numbers subscribers call, drawn once per process from a fixed seed: Belgian mobile and fixed
 * numbers, each in E.164 and in the national form, and numbers of each country called from home. Every
 * subscriber picks its contacts from them, so that a population shares a directory (people call the
 * same numbers) and a subscriber costs some thirty picks instead of thirty numbers written out.
 */
interface Directory {
  readonly mobile: readonly string[];
  readonly mobileNational: readonly string[];
  readonly fixed: readonly string[];
  readonly fixedNational: readonly string[];
  /** Per country called from home (EU_CALLED, then WORLD_CALLED), its numbers. */
  readonly abroad: ReadonlyMap<string, readonly string[]>;
}
const DIRECTORY_SIZE = { mobile: 16_384, fixed: 4_096, abroad: 512 } as const;
const DIRECTORY_SEED = 0x0d1ec7;
let directory: Directory | undefined;

function directoryOf(): Directory {
  if (directory) return directory;
  const rng = new Rng(DIRECTORY_SEED);
  const mobile = Array.from({ length: DIRECTORY_SIZE.mobile }, () => belgianMobile(rng));
  const fixed = Array.from({ length: DIRECTORY_SIZE.fixed }, () => belgianFixed(rng));
  const abroad = new Map<string, string[]>();
  for (const country of [...EU_CALLED, ...WORLD_CALLED]) abroad.set(country, Array.from({ length: DIRECTORY_SIZE.abroad }, () => localNumber(rng, country)));
  return (directory = { mobile, mobileNational: mobile.map(national), fixed, fixedNational: fixed.map(national), abroad });
}

export class Parties {
  /** The number id of the last pick. */
  to = 0;
  /** The destination class of the last pick. */
  dest = 0;
  readonly contacts = new Int32Array(CONTACTS);
  readonly contactDest = new Uint8Array(CONTACTS);
  private readonly foreign = new Int32Array(FOREIGN);
  private readonly foreignDest = new Uint8Array(FOREIGN);
  private readonly specialIds = new Int32Array(SPECIAL_POOLS.length).fill(-1);
  private readonly specialDest = new Uint8Array(SPECIAL_POOLS.length);
  /** Per country id of the writer: its local numbers' ids (classes: `Dest.EU` or `Dest.INTL`, by zone). */
  private readonly locals = new Map<number, Int32Array>();

  private rng!: Rng;

  constructor(private readonly writer: UsageBuilder) {}

  /**
   * Picks a new subscriber's contacts (mobile or fixed, written in E.164 or the national form) and numbers
   * abroad from the directory, into the arrays of the last one (made once per process).
   */
  reset(rng: Rng): void {
    this.rng = rng;
    const writer = this.writer;
    const d = directoryOf();
    for (let i = 0; i < CONTACTS; i++) {
      const mobile = rng.chance(0.7);
      const nationalForm = rng.chance(0.4);
      const numbers = mobile ? (nationalForm ? d.mobileNational : d.mobile) : nationalForm ? d.fixedNational : d.fixed;
      this.contacts[i] = writer.addNumber(numbers[rng.below(numbers.length)]!);
      this.contactDest[i] = mobile ? Dest.BE_MOBILE : Dest.BE_FIXED;
    }
    for (let i = 0; i < FOREIGN; i++) {
      const eu = i < 4;
      const numbers = d.abroad.get(eu ? rng.pick(EU_CALLED) : rng.pick(WORLD_CALLED))!;
      this.foreign[i] = writer.addNumber(numbers[rng.below(numbers.length)]!);
      this.foreignDest[i] = eu ? Dest.EU : Dest.INTL;
    }
    this.specialIds.fill(-1);
    this.locals.clear();
  }

  /** A Belgian contact. */
  contact(): number {
    return this.contactAt(this.rng.below(CONTACTS));
  }

  /** Contact `i` modulo their number (for callers that already hold random bits). */
  contactAt(i: number): number {
    const k = i % CONTACTS;
    this.dest = this.contactDest[k]!;
    return (this.to = this.contacts[k]!);
  }

  /** One of the six numbers abroad. */
  foreignNumber(): number {
    const i = this.rng.below(FOREIGN);
    this.dest = this.foreignDest[i]!;
    return (this.to = this.foreign[i]!);
  }

  /** A special (070), premium, freephone, short-code or emergency number (`Pool`), the same one each time. */
  special(pool: number): number {
    let id = this.specialIds[pool]!;
    if (id < 0) {
      const n = this.rng.pick(SPECIAL_POOLS[pool]!);
      id = this.specialIds[pool] = this.writer.numberId(n);
      this.specialDest[pool] = SPECIAL_DEST.get(n)!;
    }
    this.dest = this.specialDest[pool]!;
    return (this.to = id);
  }

  /** A local number of the country the subscriber is in (`country`: the writer's id, `code` its ISO code). */
  local(country: number, code: string, eu: boolean): number {
    let ids = this.locals.get(country);
    if (!ids) {
      ids = new Int32Array(LOCALS);
      for (let i = 0; i < LOCALS; i++) ids[i] = this.writer.addNumber(localNumber(this.rng, code));
      this.locals.set(country, ids);
    }
    this.dest = eu ? Dest.EU : Dest.INTL;
    return (this.to = ids[this.rng.below(LOCALS)]!);
  }

  /** Registers numbers in the writer: their ids and destination classes (by the domain's classifier). */
  register(numbers: readonly string[]): { ids: Int32Array; dests: Uint8Array } {
    const ids = new Int32Array(numbers.length);
    const dests = new Uint8Array(numbers.length);
    for (let i = 0; i < numbers.length; i++) {
      const n = numbers[i]!;
      dests[i] = classified(n);
      ids[i] = this.writer.numberId(n);
    }
    return { ids, dests };
  }
}
