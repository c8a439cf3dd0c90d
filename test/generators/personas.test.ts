/**
 * Each persona (generators/personas/) produces its behaviour: the situations it is for are reached,
 * and what it must not do (use a lost SIM, use anything after leaving) does not happen.
 */
import { describe, expect, it } from 'vitest';
import { periodsOf, statementTotal } from '../../generators/stats.ts';
import { Svc } from '../../src/domain/families.ts';
import { brusselsDayOf, parseDate, parseInstant, ymdOfDay } from '../../src/domain/time.ts';
import { UsageFlag } from '../../src/domain/usage.ts';
import { compileGenerated } from '../../src/terms/compile.ts';
import { referenceOutcome } from '../../src/terms/model.ts';
import { rateUsage } from '../../src/terms/rating.ts';
import { catalog, eventsOf, expectReached, generate, scenarioOf, validDocument } from './helpers.ts';

describe('allowance-crosser', () => {
  const subs = generate(scenarioOf([{ personas: ['allowance-crosser'] }], { months: 3 }), 60);

  it('ends periods one unit short of, exactly at, and one unit past a flat allowance (CLIC-2.1)', () => {
    expectReached(subs, ['allowance-minus-1', 'allowance-exact', 'allowance-plus-1', 'allowance-crossed']);
  });

  it('makes the model throttle a CLIC pack past its data (CLIC-2.1)', () => {
    const clic = subs.filter((s) => s.timeline.contract.family === 'CLIC' && s.timeline.events.length === 0);
    const throttled = clic.some((s) => {
      const c = compileGenerated(s.timeline, s.usage, catalog);
      return rateUsage(c, catalog).decisions.some((d) => d.kind === 'throttle' && d.clauses.includes('CLIC-2.1'));
    });
    expect(throttled).toBe(true);
  });
});

describe('alternative-roamer', () => {
  it('switches EU roaming to an alternative operator around its trips (BASE-B.2.5)', () => {
    expectReached(generate(scenarioOf([{ personas: ['alternative-roamer'] }], { months: 4 }), 20), ['alternative-roaming', 'roams-eu']);
  });
});

describe('business-traveller', () => {
  it('travels every month in and beyond the EU zone, and roaming records reach the operator late', () => {
    const subs = generate(scenarioOf([{ personas: ['business-traveller'] }], { months: 3 }), 30);
    const m = expectReached(subs, ['roams-eu', 'roams-world', 'late-roaming-record']);
    expect(m.get('late-roaming-record')!).toBeGreaterThan(subs.length / 2);
  });
});

describe('deceased-subscriber', () => {
  it('dies, a relative ends the subscription, and nothing is used after the death (BASE-D.10.3.2.1)', () => {
    const subs = generate(scenarioOf([{ personas: ['deceased-subscriber'] }], { months: 3 }), 20);
    expectReached(subs, ['death']);
    let ended = 0;
    for (const s of subs) {
      const death = parseInstant(eventsOf(s, 'death')[0]!.at)!;
      const terminations = eventsOf(s, 'termination');
      expect(terminations.length).toBeLessThanOrEqual(1);
      if (terminations.length === 1) (ended++, expect(parseInstant(terminations[0]!.at)!).toBeGreaterThan(death));
      if (s.usage.count > 0) expect(s.usage.at[s.usage.count - 1]!).toBeLessThan(death);
    }
    expect(ended).toBeGreaterThan(subs.length / 2);
  });
});

describe('disputer', () => {
  it('disputes the day before, on, and the day after the one-month deadline (BASE-D.8.8)', () => {
    expectReached(generate(scenarioOf([{ personas: ['disputer'] }], { months: 4 }), 40), ['dispute-day-before-deadline', 'dispute-on-deadline', 'dispute-day-after-deadline']);
  });
});

describe('early-leaver', () => {
  const subs = generate(scenarioOf([{ personas: ['early-leaver'] }], { months: 12 }), 40);

  it('leaves before, or the day around, the end of its device\'s minimum period (CLIC-5.1, BASE-D.10.3.2.3)', () => {
    expectReached(subs, ['ends-before-device-minimum', 'ends-around-device-minimum']);
    for (const s of subs) expect(s.timeline.contract.device).toBeDefined();
  });

  it('makes no usage after leaving', () => {
    for (const s of subs) {
      const end = [...eventsOf(s, 'termination'), ...eventsOf(s, 'port_out')][0];
      if (end && s.usage.count > 0) expect(s.usage.at[s.usage.count - 1]!).toBeLessThan(parseInstant(end.at)!);
    }
  });
});

const rowsPerMonth = (parameters: Record<string, unknown>) => {
  const subs = generate(scenarioOf([{ personas: ['everyday-user'], parameters: { 'everyday-user': parameters } }], { months: 2, seed: 3 }), 30);
  return { subs, perMonth: subs.reduce((n, s) => n + s.usage.count, 0) / subs.length / 2 };
};

describe('everyday-user', () => {
  it('calls, texts and uses data every month, mostly from Belgium', () => {
    const { subs, perMonth } = rowsPerMonth({});
    expect(perMonth).toBeGreaterThan(40);
    expect(perMonth).toBeLessThan(600);
    for (const s of subs) {
      const u = s.usage;
      const services = new Set(u.service.slice(0, u.count));
      // A line with data refused in writing (BASE-B.4) tries data rarely, maybe never in two months.
      const wanted: number[] = s.timeline.contract.dataBarred ? [Svc.CALL, Svc.SMS] : [Svc.CALL, Svc.SMS, Svc.DATA];
      expect([...services].filter((x) => wanted.includes(x)).sort()).toEqual(wanted);
      let home = 0;
      for (let i = 0; i < u.count; i++) if (u.countries[u.country[i]!] === 'BE') home++;
      expect(home / u.count).toBeGreaterThan(0.5);
    }
  });

  it('scales with its activity parameter', () => {
    expect(rowsPerMonth({ activity: 2 }).perMonth / rowsPerMonth({}).perMonth).toBeGreaterThan(1.6);
  });
});

describe('fair-use-abuser', () => {
  const subs = generate(scenarioOf([{ personas: ['fair-use-abuser'] }], { months: 3 }), 40);

  it('crosses 30,000 minutes, 30,000 SMS or 300 GB / 100 GB on one SIM (CLIC-2.3)', () => {
    const m = expectReached(subs, ['fair-use-minus-1', 'fair-use-exact', 'fair-use-plus-1']);
    const crossed = (['fair-use-calls', 'fair-use-sms', 'fair-use-data-be', 'fair-use-data-eu'] as const).reduce((n, id) => n + (m.get(id) ?? 0), 0);
    expect(crossed).toBeGreaterThan(subs.length / 4);
  });

  it('makes the model pause or throttle the SIM (CLIC-2.3)', () => {
    const decided = subs.filter((s) => {
      const c = compileGenerated(s.timeline, s.usage, catalog);
      return rateUsage(c, catalog).decisions.some((d) => (d.kind === 'pause' || d.kind === 'throttle') && d.clauses.includes('CLIC-2.3'));
    });
    expect(decided.length).toBeGreaterThan(subs.length / 4);
  });
});

describe('fixed-term-leaver', () => {
  it('leaves a fixed term in its first six months, around the sixth month, or with notice a month before it ends (BASE-D.10.3.2.1–2)', () => {
    expectReached(generate(scenarioOf([{ personas: ['fixed-term-leaver'] }], { months: 13 }), 40), [
      'fixed-term-ends-first-six-months',
      'fixed-term-ends-around-sixth-month',
      'fixed-term-notice-month-before',
    ]);
  });
});

describe('group-texter', () => {
  it('texts groups of exactly 20 and of more than 20 (BASE-B.3.3.1), and gets reported', () => {
    expectReached(generate(scenarioOf([{ personas: ['group-texter'] }], { months: 3 }), 30), ['group-sms-20', 'group-sms-over-20', 'abuse-commercial-messages']);
  });
});

describe('holiday-suspender', () => {
  const subs = generate(scenarioOf([{ personas: ['holiday-suspender'] }], { months: 9 }), 30);

  it('asks for suspensions of six months give or take a day (BASE-D.10.2)', () => {
    expectReached(subs, ['client-suspension', 'client-suspension-around-six-months']);
  });

  it('makes no usage while suspended', () => {
    for (const s of subs) {
      const from = parseInstant(eventsOf(s, 'suspension')[0]!.at)!;
      const lifted = eventsOf(s, 'suspension_lifted')[0];
      const to = lifted ? parseInstant(lifted.at)! : Infinity;
      for (let i = 0; i < s.usage.count; i++) expect(s.usage.at[i]! >= from && s.usage.at[i]! < to).toBe(false);
    }
  });
});

describe('late-activator', () => {
  const subs = generate(scenarioOf([{ personas: ['late-activator'] }], { months: 2 }), 60);

  it('activates on the 14th and the 15th day after receipt, and sometimes never (CLIC-2.5)', () => {
    expectReached(subs, ['activation-day-13', 'activation-day-14', 'activation-day-15', 'activation-day-16', 'never-activated']);
  });

  it('uses nothing before the activation, and nothing at all when it comes too late', () => {
    for (const s of subs) {
      const received = eventsOf(s, 'sim_received')[0]!;
      const activated = eventsOf(s, 'activation')[0];
      const late = !activated || Math.floor((parseInstant(activated.at)! - parseInstant(received.at)!) / 86_400) > 14;
      if (late) expect(s.usage.count).toBe(0);
      else if (s.usage.count > 0) expect(s.usage.at[0]!).toBeGreaterThanOrEqual(parseInstant(activated.at)!);
    }
  });
});

describe('late-payer', () => {
  const subs = generate(scenarioOf([{ personas: ['late-payer'] }], { months: 5 }), 30);

  it('pays by its own payments, late, on the day the indemnity applies and after (BASE-D.8.6)', () => {
    expectReached(subs, ['pays-late', 'pays-on-indemnity-day', 'pays-after-indemnity']);
    for (const s of subs) {
      expect(s.timeline.contract.payment).toBe('manual');
      expect(eventsOf(s, 'payment').length).toBeGreaterThan(0);
    }
  });
});

describe('light-user', () => {
  it('uses the phone far less than an everyday user', () => {
    const rows = (id: string) => generate(scenarioOf([{ personas: [id] }], { months: 2, seed: 5 }), 30).reduce((n, s) => n + s.usage.count, 0);
    expect(rows('light-user') / rows('everyday-user')).toBeLessThan(0.3);
  });
});

describe('non-payer', () => {
  it('stops paying and is suspended, then terminated, by the operator (BASE-D.10.2.1, D.10.3.1.1)', () => {
    const subs = generate(scenarioOf([{ personas: ['non-payer'] }], { months: 6 }), 30);
    expectReached(subs, ['never-pays', 'operator-suspension', 'terminated-by-operator']);
    for (const s of subs) for (const x of eventsOf(s, 'suspension')) expect(x.reason).toBe('non_payment');
  });
});

describe('number-porter', () => {
  it('ports out, sometimes a month after ending the contract, and on prepaid asks for the credit back (BASE-B.2.2, B.1.2.3)', () => {
    const subs = generate(scenarioOf([{ personas: ['number-porter'] }, { personas: ['number-porter', 'prepaid-topper'] }], { months: 4 }), 40);
    expectReached(subs, ['port-out', 'port-after-termination', 'refund-request']);
  });
});

describe('partial-payer', () => {
  const subs = generate(scenarioOf([{ personas: ['partial-payer'] }], { months: 4 }), 40);

  it('leaves exactly €150.00, €150.01, €500.00 or €500.01 of a statement unpaid (BASE-D.8.6 tiers)', () => {
    expectReached(subs, ['partial-payment', 'arrears-150.00', 'arrears-150.01', 'arrears-500.00', 'arrears-500.01']);
  });

  it('knows the statement it pays part of to the cent: the model bills the same total', () => {
    let checked = 0;
    for (const s of subs.slice(0, 12)) {
      const partial = eventsOf(s, 'payment').find((p) => p.amountCents !== undefined && p.statement !== undefined);
      if (!partial) continue;
      const { periods } = periodsOf(s);
      const k = periods.findIndex((p) => p.start === parseDate(partial.statement!)!);
      const outcome = referenceOutcome(validDocument(s), catalog);
      const statement = outcome.statements.find((x) => x.issuedOn === partial.statement);
      const usageAndFees = statement!.lines.filter((l) => ['subscription_fee', 'option_fee', 'special_numbers'].includes(l.category));
      expect(usageAndFees.reduce((n, l) => n + l.amountCents, 0)).toBe(statementTotal(s, catalog, periods, k));
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
  });
});

describe('phone2go-sharer', () => {
  it('logs a licence in on two devices at once and calls 112 through the app (CLIC-2.9, CLIC-2.10)', () => {
    const subs = generate(scenarioOf([{ personas: ['phone2go-sharer'] }], { months: 3 }), 30);
    expectReached(subs, ['phone2go-concurrent-login', 'phone2go-call', 'phone2go-emergency-outside-conditions']);
    for (const s of subs) expect(s.timeline.contract.options).toContain('phone2go');
  });
});

describe('plan-switcher', () => {
  it('changes plan within its family, sometimes upgrading then downgrading in one period (CLIC-2.6)', () => {
    const subs = generate(scenarioOf([{ personas: ['plan-switcher'], plans: ['clic-s', 'clic-m', 'clic-unlimited', 'base-light', 'base-plus'] }], { months: 4 }), 40);
    expectReached(subs, ['plan-change', 'upgrade-then-downgrade']);
    for (const s of subs) for (const e of eventsOf(s, 'plan_change')) expect(catalog.plans.get(e.plan)!.family).toBe(s.timeline.contract.family);
  });
});

describe('prepaid-topper', () => {
  it('tops up prepaid credit, goes a year without, and may migrate to a subscription (BASE-B.1.2, B.2.2)', () => {
    const subs = generate(scenarioOf([{ personas: ['prepaid-topper'] }], { months: 14 }), 40);
    expectReached(subs, ['top-up', 'prepaid-year-without-top-up', 'prepaid-migration']);
    for (const s of subs) expect(s.timeline.contract.family).toBe('BASE_PREPAID');
  });
});

describe('price-change-leaver', () => {
  it('leaves within three months of a change, around the three-month limit, after short or full notice (BASE-D.10.3.2.4, D.11.1)', () => {
    expectReached(generate(scenarioOf([{ personas: ['price-change-leaver'] }], { months: 8 }), 40), ['leaves-after-change', 'leaves-around-three-months', 'short-notice-change']);
  });

  it('leaves fixed terms after a change too', () => {
    expectReached(generate(scenarioOf([{ personas: ['price-change-leaver', 'fixed-term-leaver'] }], { months: 8 }), 30), ['fixed-term-leaves-after-change']);
  });
});

describe('price-change-stayer', () => {
  it('gets the CPI indexation in January, announced about a month ahead (BASE-D.7.3, D.11.1)', () => {
    const subs = generate(scenarioOf([{ personas: ['price-change-stayer'] }], { start: '2025-10-01', months: 6 }), 30);
    expectReached(subs, ['cpi-indexation', 'short-notice-change']);
    for (const s of subs) for (const e of eventsOf(s, 'cpi_indexation')) expect(ymdOfDay(brusselsDayOf(parseInstant(e.at)!)).month).toBe(1);
  });
});

describe('sim-loser', () => {
  const subs = generate(scenarioOf([{ personas: ['sim-loser'] }], { months: 3 }), 40);

  it('reports a SIM lost, gets a new one and service back on the 5th or 6th working day (BASE-B.3.1.3)', () => {
    expectReached(subs, ['sim-lost', 'lifted-5th-working-day', 'lifted-6th-working-day', 'sim-stolen-used']);
  });

  it('makes no usage on the lost line from the report until the suspension is lifted', () => {
    for (const s of subs) {
      const lost = eventsOf(s, 'sim_lost')[0];
      const lifted = eventsOf(s, 'suspension_lifted')[0];
      if (!lost || !lifted) continue;
      const line = s.timeline.contract.lines.findIndex((l) => l.id === lost.line);
      const [from, to] = [parseInstant(lost.at)!, parseInstant(lifted.at)!];
      for (let i = 0; i < s.usage.count; i++) if (s.usage.line[i] === line) expect(s.usage.at[i]! >= from && s.usage.at[i]! < to).toBe(false);
    }
  });
});

describe('sim-reseller', () => {
  it('is used outside the EU zone for good and reported for resale (BASE-B.3.4)', () => {
    expectReached(generate(scenarioOf([{ personas: ['sim-reseller'] }], { months: 4 }), 20), ['roams-world', 'abuse-sim-resale', 'operator-suspension']);
  });
});

describe('simbox-operator', () => {
  it('makes hundreds of calls a day from a SIM box, written as device: simbox (BASE-B.3.2.1)', () => {
    for (const s of generate(scenarioOf([{ personas: ['simbox-operator'] }], { months: 2 }), 8)) {
      let simbox = 0;
      for (let i = 0; i < s.usage.count; i++) if (s.usage.flags[i]! & UsageFlag.SIMBOX) simbox++;
      expect(simbox).toBeGreaterThan(20);
      const doc = validDocument(s) as { events: Array<{ device?: string }> };
      expect(doc.events.filter((e) => e.device === 'simbox').length).toBe(simbox);
    }
  });
});

describe('summer-roamer', () => {
  const subs = generate(scenarioOf([{ personas: ['summer-roamer'] }], { start: '2026-06-01', months: 4 }), 40);

  it('spends July or August abroad, mostly in the EU zone, some beyond it', () => {
    const m = expectReached(subs, ['roams-eu', 'roams-world']);
    expect(m.get('roams-eu')!).toBeGreaterThan(subs.length * 0.6);
    for (const s of subs) {
      const u = s.usage;
      for (let i = 0; i < u.count; i++) {
        if (u.countries[u.country[i]!] === 'BE') continue;
        const month = ymdOfDay(brusselsDayOf(u.at[i]!)).month;
        expect(month === 7 || month === 8 || month === 9).toBe(true);
      }
    }
  });
});

describe('the persona registry', () => {
  it('has every persona of generators/personas/, each documented in generators/README.md', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { PERSONA_LIST } = await import('../../generators/personas/index.ts');
    const { SITUATIONS } = await import('../../generators/stats.ts');
    const { ROOT } = await import('./helpers.ts');
    const files = readdirSync(join(ROOT, 'generators', 'personas')).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
    expect(PERSONA_LIST.map((p) => `${p.id}.ts`).sort()).toEqual(files.sort());
    const readme = readFileSync(join(ROOT, 'generators', 'README.md'), 'utf8');
    for (const p of PERSONA_LIST) expect(readme).toContain(`| \`${p.id}\` | ${p.description} |`);
    for (const id of Object.keys(SITUATIONS)) expect(readme).toContain(`| \`${id}\` |`);
  });
});
