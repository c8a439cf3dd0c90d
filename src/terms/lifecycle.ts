import type { Catalog, Plan } from '../domain/catalog.ts';
import { isClic, type Family, type OptionId } from '../domain/families.ts';
import type { DecisionT } from '../domain/outcome.ts';
import { addCalendarDays, dayFromYmd, daysInMonth, brusselsDayOf, brusselsMidnight, formatDate, formatInstant, parseDate, parseInstant, ymdOfDay, type Day, type Instant } from '../domain/time.ts';
import type { Timeline } from '../domain/timeline.ts';
import type { AccountEvent } from './compile.ts';
import { nextCycleDate } from '../domain/periods.ts';

/**
 * The account's life read from its events: when service starts and ends, which plan and price apply
 * when, and when lines are blocked. Each decision cites its clause; the money that follows is laid out
 * by statements.ts and dunning.ts.
 */
export interface Lifecycle {
  /** First day of service (BASE-D.10.1); undefined when the subscription never started. */
  readonly activation?: { readonly day: Day; readonly at: Instant };
  /** Plan, options and price level in force, from a day on (CLIC-2.6, BASE-D.8.3, BASE-D.7.3, BASE-D.11.1). */
  readonly segments: readonly Segment[];
  /** Intervals in which a line (or every line: −1) has no service. */
  readonly blocks: readonly Block[];
  readonly suspensions: readonly Suspension[];
  readonly lostSims: readonly LostSim[];
  readonly end?: End;
  readonly changes: readonly AnnouncedChange[];
  /** Intervals in which EU roaming goes through an alternative roaming operator (BASE-B.2.5). */
  readonly alternativeRoaming: ReadonlyArray<{ readonly line: number; readonly from: Instant; readonly to: Instant }>;
  readonly decisions: DecisionT[];
}

export interface Segment {
  readonly fromDay: Day;
  readonly plan: Plan;
  readonly options: readonly OptionId[];
  /** Price level in millionths (1,000,000 = the catalog price): CPI indexation and announced increases. */
  readonly priceLevel: number;
  readonly clauses: readonly string[];
}

export interface Block {
  readonly line: number;
  readonly from: Instant;
  readonly to: Instant;
  readonly clauses: readonly string[];
  readonly detail: string;
}

export interface Suspension {
  readonly by: 'client' | 'operator';
  readonly reason: string;
  readonly from: Instant;
  readonly to: Instant;
  readonly notice: boolean;
  /** As stated by the timeline; for non-payment the ledger decides (BASE-D.10.2.1). */
  readonly justified: boolean;
  readonly lifted: boolean;
}

export interface LostSim {
  readonly line: number;
  readonly reportedAt: Instant;
  readonly replacedAt?: Instant;
  readonly liftedAt: Instant;
}

export interface End {
  readonly at: Instant;
  /** The last day of service (the day of the termination counts as a service day). */
  readonly lastDay: Day;
  readonly by: 'client' | 'operator' | 'activation_deadline';
  readonly reason: string;
  /** The client pays no early-termination fee (D.10.3.2.4, D.11.2, death, indefinite term, …). */
  readonly free: boolean;
  readonly ported: boolean;
  readonly clauses: readonly string[];
}

export interface AnnouncedChange {
  readonly at: Instant;
  readonly effectiveDay: Day;
  readonly kind: string;
  readonly option?: OptionId;
  /** Gives the client the right to leave free for 3 months (D.10.3.2.4). */
  readonly freesClient: boolean;
}

const FOREVER = Number.POSITIVE_INFINITY;
/** BASE-D.10.2: a client's suspension lasts at most six months. */
const CLIENT_SUSPENSION_MONTHS = 6;
/** CLIC-2.5: SIMs must be activated within fourteen days of receipt. */
export const ACTIVATION_DAYS = 14;
/** BASE-D.10.3.1.1: termination after 15 days of suspension, with 15 days' notice. */
export const SUSPENSION_DAYS_BEFORE_TERMINATION = 15;
/** BASE-B.2.5: a switch to an alternative roaming operator is done within 24 hours. */
export const ROAMING_SWITCH_SECONDS = 86_400;
/** BASE-D.10.3.1.3: the operator ends an indefinite subscription with 8 weeks' notice. */
export const OPERATOR_NOTICE_DAYS = 56;

type Account = AccountEvent['event'];

/** `months` calendar months after `day`: the same day of the month, or the month's last day if shorter. */
export function addMonths(day: Day, months: number): Day {
  const { year, month, day: d } = ymdOfDay(day);
  const m = month - 1 + months;
  const y = year + Math.floor(m / 12);
  const mm = (((m % 12) + 12) % 12) + 1;
  return dayFromYmd(y, mm, Math.min(d, daysInMonth(y, mm)));
}

/**
 * Reads the account events of a timeline. `usageFlags` brings what the usage shows (a SIM box: an
 * irreparable breach that ends the subscription by right, B.5 and D.10.3.1.2).
 */
export function readLifecycle(
  timeline: Timeline,
  catalog: Catalog,
  lineIndex: ReadonlyMap<string, number>,
  account: readonly AccountEvent[],
  simBoxAt: Instant | undefined,
): Lifecycle {
  const c = timeline.contract;
  const family: Family = c.family;
  const clic = isClic(family);
  const decisions: DecisionT[] = [];
  const decide = (d: Omit<DecisionT, 'assumed'>) => decisions.push({ ...d, assumed: clic && d.clauses.some((id) => id.startsWith('BASE-')) });
  // Account events come with their instants, parsed once by compile.ts.
  const at = (e: AccountEvent | undefined) => e!.at;
  const startDay = parseDate(c.start)!;

  // Activation (BASE-D.10.1; CLIC-2.5: within 14 days of receipt, else the contract is terminated).
  const received = account.find((a) => a.event.type === 'sim_received');
  const activated = account.find((a) => a.event.type === 'activation');
  let activation: Lifecycle['activation'];
  let end: End | undefined;
  if (received && clic) {
    const receiptDay = brusselsDayOf(at(received));
    const deadline = brusselsMidnight(receiptDay + ACTIVATION_DAYS + 1);
    if (!activated || at(activated) >= deadline) {
      end = { at: deadline, lastDay: receiptDay + ACTIVATION_DAYS, by: 'activation_deadline', reason: 'not activated within 14 days of receipt', free: true, ported: false, clauses: ['CLIC-2.5'] };
      decide({ kind: 'termination', at: formatInstant(deadline), detail: `SIMs received on ${formatDate(receiptDay)} were not activated within ${ACTIVATION_DAYS} days: the contract is terminated`, clauses: ['CLIC-2.5'] });
    }
  }
  if (!end) {
    if (activated) activation = { day: brusselsDayOf(at(activated)), at: at(activated) };
    else if (!received) activation = { day: startDay, at: brusselsMidnight(startDay) };
    if (activation && activated)
      decide({ kind: 'activation', at: formatInstant(activation.at), detail: 'the subscription starts at activation', clauses: clic ? ['CLIC-2.5', 'BASE-D.10.1'] : ['BASE-D.10.1'] });
  }

  const segments: Segment[] = [];
  const blocks: Block[] = [];
  const suspensions: Suspension[] = [];
  const lostSims: LostSim[] = [];
  const changes: AnnouncedChange[] = [];
  const alternativeRoaming: Array<{ line: number; from: Instant; to: Instant }> = [];
  const openRoaming = new Map<number, Instant>();
  if (!activation) return { segments, blocks, suspensions, lostSims, end, changes, alternativeRoaming, decisions };

  const initialPlan = catalog.plans.get(c.plan)!;
  segments.push({ fromDay: activation.day, plan: initialPlan, options: c.options, priceLevel: 1_000_000, clauses: [] });
  const current = () => segments[segments.length - 1]!;
  const termEndDay = c.term.kind === 'fixed' ? addMonths(activation.day, c.term.months) : undefined;

  let openSuspension: { by: 'client' | 'operator'; reason: string; from: Instant; notice: boolean; justified: boolean; limit: Instant } | undefined;
  const openLost = new Map<number, { reportedAt: Instant; replacedAt?: Instant }>();
  let lastUpgradePeriodStart: Day | undefined;
  let lastIndexationYear: number | undefined;
  const logins = new Map<string, Array<{ device: string; until: Instant }>>();

  const closeSuspension = (to: Instant, lifted: boolean) => {
    if (!openSuspension) return;
    const s = openSuspension;
    const until = Math.min(to, s.limit);
    suspensions.push({ by: s.by, reason: s.reason, from: s.from, to: until, notice: s.notice, justified: s.justified, lifted });
    blocks.push({
      line: -1,
      from: s.from,
      to: until,
      clauses: s.by === 'client' ? ['BASE-D.10.2'] : ['BASE-D.10.2.1', 'BASE-C.4'],
      detail: s.by === 'client' ? 'suspended at the client\'s request' : `suspended by the operator (${s.reason})`,
    });
    openSuspension = undefined;
  };

  const addSegment = (fromDay: Day, change: Partial<Segment> & { clauses: string[] }) => {
    const base = current();
    const seg: Segment = { fromDay, plan: change.plan ?? base.plan, options: change.options ?? base.options, priceLevel: change.priceLevel ?? base.priceLevel, clauses: change.clauses };
    // Keep segments ordered by day: a change scheduled for later (a downgrade) is inserted in place.
    let i = segments.length;
    while (i > 0 && segments[i - 1]!.fromDay > fromDay) i--;
    if (i > 0 && segments[i - 1]!.fromDay === fromDay) segments[i - 1] = { ...seg, plan: seg.plan, clauses: [...segments[i - 1]!.clauses, ...seg.clauses] };
    else segments.splice(i, 0, seg);
  };

  for (const { event: e, at: t } of account) {
    if (end && t >= end.at && e.type !== 'port_out' && e.type !== 'payment' && e.type !== 'dispute' && e.type !== 'refund_request') continue;
    switch (e.type) {
      case 'plan_change': {
        const to = catalog.plans.get(e.plan);
        const from = current().plan;
        if (!to || to.family !== from.family) {
          decide({ kind: 'refused', at: formatInstant(t), detail: `a change to plan ${e.plan} (${to?.family ?? 'unknown'}) from ${from.family} is not a tariff-plan change of this contract`, clauses: clic ? ['CLIC-2.6'] : ['BASE-D.6.5'] });
          break;
        }
        const day = brusselsDayOf(t);
        if (clic) {
          const more = to.allowances[2] > from.allowances[2];
          const less = to.allowances[2] < from.allowances[2];
          const periodStart = previousCycleStart(day, c.cycleDay);
          if (less && lastUpgradePeriodStart === periodStart) {
            decide({ kind: 'refused', at: formatInstant(t), detail: `a downgrade to ${to.name} after an upgrade in the same billing period is not allowed`, clauses: ['CLIC-2.6'] });
            decide({ kind: 'flag', at: formatInstant(t), detail: 'upgrade followed by a downgrade in one billing period: possible fraudulent use of upgrades', clauses: ['CLIC-2.6'] });
            break;
          }
          if (less) {
            const effective = nextCycleDate(day, c.cycleDay);
            addSegment(effective, { plan: to, options: e.options, clauses: ['CLIC-2.6'] });
            decide({ kind: 'plan_change', at: formatInstant(brusselsMidnight(effective)), detail: `downgrade to ${to.name} from the first day of the next billing period`, clauses: ['CLIC-2.6'] });
          } else {
            if (more) lastUpgradePeriodStart = periodStart;
            addSegment(day, { plan: to, options: e.options, clauses: more ? ['CLIC-2.6'] : ['BASE-D.8.3'] });
            decide({ kind: 'plan_change', at: formatInstant(t), detail: more ? `upgrade to ${to.name}, available at once` : `change to ${to.name}, at once`, clauses: more ? ['CLIC-2.6'] : ['BASE-D.8.3'] });
          }
        } else {
          if (termEndDay !== undefined && day < termEndDay && !e.allowedByOperator) {
            decide({ kind: 'refused', at: formatInstant(t), detail: `no change of tariff plan before the end of the initial period (${formatDate(termEndDay)})`, clauses: ['BASE-D.6.5'] });
            break;
          }
          addSegment(day, { plan: to, options: e.options, clauses: ['BASE-D.8.3'] });
          decide({ kind: 'plan_change', at: formatInstant(t), detail: `change to ${to.name} at the client's request: at once, pro rata temporis`, clauses: ['BASE-D.8.3'] });
        }
        break;
      }
      case 'suspension': {
        if (openSuspension) closeSuspension(t, false);
        if (e.by === 'client') {
          const subsidised = c.device && c.device.discountCents > 0 && brusselsDayOf(t) < addMonths(activation.day, c.device.minimumMonths);
          if (subsidised) {
            decide({ kind: 'refused', at: formatInstant(t), detail: 'a client suspension is not possible with a discounted device', clauses: ['BASE-D.10.2'] });
            break;
          }
          const limitDay = addMonths(brusselsDayOf(t), CLIENT_SUSPENSION_MONTHS);
          const untilDay = e.until !== undefined ? Math.min(parseDate(e.until)!, limitDay) : limitDay;
          openSuspension = { by: 'client', reason: e.reason, from: t, notice: true, justified: true, limit: brusselsMidnight(untilDay) };
          decide({ kind: 'suspension', at: formatInstant(t), until: formatInstant(brusselsMidnight(untilDay)), detail: 'suspended at the client\'s request: fees stay due, at most six months', clauses: ['BASE-D.10.2'] });
        } else {
          const immediateAllowed = ['legal', 'network_risk', 'breach', 'non_payment', 'fraud'].includes(e.reason);
          if (!e.notice && !immediateAllowed)
            decide({ kind: 'flag', at: formatInstant(t), detail: `a suspension for ${e.reason} needs prior notice`, clauses: ['BASE-D.10.2.1'] });
          openSuspension = { by: 'operator', reason: e.reason, from: t, notice: e.notice, justified: e.justified, limit: FOREVER };
          decide({ kind: 'suspension', at: formatInstant(t), detail: `suspended by the operator (${e.reason}); every service of the pack with it; fees stay due`, clauses: ['BASE-D.10.2.1', 'BASE-C.4'] });
        }
        break;
      }
      case 'suspension_lifted': {
        if (openSuspension) {
          decide({ kind: 'suspension_lifted', at: formatInstant(t), detail: 'suspension lifted', clauses: [openSuspension.by === 'client' ? 'BASE-D.10.2' : 'BASE-D.10.2.1'] });
          closeSuspension(t, true);
        }
        for (const [line, lost] of openLost) {
          if (lost.replacedAt === undefined) continue;
          lostSims.push({ line, reportedAt: lost.reportedAt, replacedAt: lost.replacedAt, liftedAt: t });
          blocks.push({ line, from: lost.reportedAt, to: t, clauses: ['BASE-B.3.1.3'], detail: 'SIM reported lost or stolen' });
          openLost.delete(line);
          decide({ kind: 'suspension_lifted', at: formatInstant(t), line: c.lines[line]!.id, detail: 'service restored on the new SIM', clauses: ['BASE-B.3.1.3'] });
        }
        break;
      }
      case 'sim_lost': {
        const line = lineIndex.get(e.line)!;
        openLost.set(line, { reportedAt: t });
        decide({ kind: 'suspension', at: formatInstant(t), line: e.line, detail: `SIM ${e.cause}: usage until this call is the client's, services suspended from now; fees stay due`, clauses: ['BASE-B.3.1.3', 'BASE-B.3.2.4'] });
        break;
      }
      case 'sim_replaced': {
        const line = lineIndex.get(e.line)!;
        const lost = openLost.get(line);
        if (lost) lost.replacedAt = t;
        break;
      }
      case 'change_announced': {
        const noticeDay = brusselsDayOf(t);
        const earliest = addMonths(noticeDay, 1);
        let effectiveDay = parseDate(e.effectiveOn)!;
        if (effectiveDay < earliest) {
          decide({ kind: 'flag', at: formatInstant(t), detail: `announced for ${e.effectiveOn}, less than a month ahead: it cannot apply before ${formatDate(earliest)}`, clauses: ['BASE-D.11.1'] });
          effectiveDay = earliest;
        }
        const freesClient = !['cpi_indexation', 'beneficial', 'administrative', 'legal'].includes(e.kind);
        changes.push({ at: t, effectiveDay, kind: e.kind, ...(e.option ? { option: e.option } : {}), freesClient });
        if (e.feeChangePercent !== undefined && e.option === undefined)
          addSegment(effectiveDay, { priceLevel: scale(current().priceLevel, e.feeChangePercent), clauses: ['BASE-D.11.1'] });
        break;
      }
      case 'cpi_indexation': {
        const { year, month } = ymdOfDay(brusselsDayOf(t));
        if (month !== 1 || lastIndexationYear === year) {
          decide({ kind: 'refused', at: formatInstant(t), detail: month !== 1 ? 'prices may only be indexed in January' : 'prices may be indexed once a year', clauses: ['BASE-D.7.3'] });
          break;
        }
        lastIndexationYear = year;
        addSegment(brusselsDayOf(t), { priceLevel: scale(current().priceLevel, e.percent), clauses: ['BASE-D.7.3'] });
        decide({ kind: 'plan_change', at: formatInstant(t), detail: `prices indexed by ${e.percent} % on the consumer price index`, clauses: ['BASE-D.7.3'] });
        break;
      }
      case 'death':
      case 'port_out':
      case 'termination': {
        if (end) {
          if (e.type === 'port_out' && t < brusselsMidnight(addMonths(end.lastDay + 1, 1))) end = { ...end, ported: true };
          break;
        }
        end = terminate(e, t);
        break;
      }
      case 'roaming_operator_switch': {
        // BASE-B.2.5: the switch is free and done within 24 hours; BASE roaming tariffs then do not apply.
        const line = e.line !== undefined ? lineIndex.get(e.line)! : -1;
        const from = openRoaming.get(line);
        if (e.active && from === undefined) {
          openRoaming.set(line, t + ROAMING_SWITCH_SECONDS);
          decide({ kind: 'flag', at: formatInstant(t + ROAMING_SWITCH_SECONDS), ...(e.line ? { line: e.line } : {}), detail: 'EU roaming through an alternative roaming operator from now: not charged under this contract', clauses: ['BASE-B.2.5'] });
        } else if (!e.active && from !== undefined) {
          alternativeRoaming.push({ line, from, to: t + ROAMING_SWITCH_SECONDS });
          openRoaming.delete(line);
        }
        break;
      }
      case 'abuse_report': {
        const clauses = { sim_resale: ['BASE-B.3.4'], commercial_messages: ['BASE-B.3.3.2'], fraud: ['BASE-D.10.2.1'] }[e.kind];
        const detail = {
          sim_resale: 'organised resale of SIMs to people without a stable link to Belgium: grounds to suspend or terminate',
          commercial_messages: 'commercial messages sent without the recipients\' consent',
          fraud: 'fraud found: grounds to suspend at once',
        }[e.kind];
        decide({ kind: 'flag', at: formatInstant(t), ...(e.line ? { line: e.line } : {}), detail, clauses });
        break;
      }
      case 'phone2go_login': {
        const until = parseInstant(e.until)!;
        const open = logins.get(e.line)?.find((l) => l.device !== e.device && l.until > t);
        if (open)
          decide({ kind: 'flag', at: formatInstant(t), line: e.line, detail: `Phone2Go licence logged in on ${e.device} while still logged in on ${open.device}: one licence, one device at a time`, clauses: ['CLIC-2.9'] });
        logins.set(e.line, [...(logins.get(e.line) ?? []), { device: e.device, until }]);
        break;
      }
      default:
        break;
    }
  }

  function terminate(e: Extract<Account, { type: 'death' | 'port_out' | 'termination' }>, t: Instant): End {
    const day = brusselsDayOf(t);
    if (e.type === 'death') {
      decide({ kind: 'termination', at: formatInstant(t), detail: 'ended at once on the client\'s death, without indemnity', clauses: ['BASE-D.10.3.2.1', 'BASE-C.5'] });
      return { at: t, lastDay: day, by: 'client', reason: 'death', free: true, ported: false, clauses: ['BASE-D.10.3.2.1'] };
    }
    if (e.type === 'port_out' || e.by === 'client') {
      const effectiveDay = e.type === 'termination' && e.effectiveOn ? parseDate(e.effectiveOn)! : day;
      const effective = Math.max(t, brusselsMidnight(effectiveDay));
      const clauses = clic ? ['CLIC-5.1', 'BASE-C.5'] : ['BASE-D.10.3.2.1', 'BASE-C.5'];
      let free = c.term.kind === 'indefinite';
      let why = 'an indefinite subscription ends free at any time';
      if (!free && termEndDay !== undefined) {
        const sixMonths = addMonths(activation!.day, 6);
        if (brusselsDayOf(effective) >= sixMonths) {
          free = true;
          why = 'a fixed term ended after its first six months owes no early-termination fee';
        } else why = 'a fixed term ended in its first six months owes the fees up to the end of the sixth month';
        if (e.type === 'termination' && effectiveDay >= termEndDay && day <= addMonths(termEndDay, -1)) {
          free = true;
          why = 'ended in writing at least a month before the fixed term expires';
          clauses.push('BASE-D.10.3.2.2');
        }
      }
      // "au plus tard 3 mois après la notification": up to and including the same day three months on.
      const change = changes.find((ch) => ch.freesClient && ch.option === undefined && t >= ch.at && brusselsDayOf(t) <= addMonths(brusselsDayOf(ch.at), 3));
      if (!free && e.type === 'termination' && e.reason === 'change_of_conditions' && change) {
        free = true;
        why = 'the client refused an announced change of conditions and leaves without penalty within three months';
        clauses.push('BASE-D.10.3.2.4', 'BASE-D.11.2');
      } else if (e.type === 'termination' && e.reason === 'change_of_conditions' && !change && !free) {
        decide({ kind: 'flag', at: formatInstant(t), detail: 'no announced change of conditions gives a free exit here (CPI indexation, favourable, administrative or legal changes do not)', clauses: ['BASE-D.10.3.2.4'] });
      }
      decide({ kind: 'termination', at: formatInstant(effective), detail: `${e.type === 'port_out' ? 'number ported out' : 'ended by the client'}: ${why}`, clauses });
      return { at: effective, lastDay: brusselsDayOf(effective - 1) >= day ? brusselsDayOf(effective) : day, by: 'client', reason: e.type === 'port_out' ? 'port_out' : e.reason, free, ported: e.type === 'port_out', clauses };
    }
    // By the operator.
    let effective = t;
    let clauses = ['BASE-D.10.3.1.4'];
    let detail = '';
    switch (e.reason) {
      case 'irreparable_breach':
        clauses = ['BASE-D.10.3.1.2', 'BASE-D.10.3.1.4'];
        detail = 'ended by right on an irreparable breach';
        break;
      case 'operator_notice':
        effective = addCalendarDays(t, OPERATOR_NOTICE_DAYS);
        clauses = ['BASE-D.10.3.1.3', 'BASE-D.10.3.1.4'];
        detail = 'ended by the operator with eight weeks\' notice; the client moves to prepaid';
        if (c.term.kind !== 'indefinite') decide({ kind: 'flag', at: formatInstant(t), detail: 'eight weeks\' notice only ends an indefinite subscription', clauses: ['BASE-D.10.3.1.3'] });
        else decide({ kind: 'migration', at: formatInstant(effective), detail: 'migrated to a prepaid product after the notice', clauses: ['BASE-D.10.3.1.3'] });
        break;
      case 'inactivity':
        clauses = ['BASE-B.2.2'];
        detail = 'ended after twelve months without use; the number is withdrawn';
        break;
      default: {
        const longEnough = openSuspension !== undefined && addCalendarDays(openSuspension.from, SUSPENSION_DAYS_BEFORE_TERMINATION) <= t;
        effective = addCalendarDays(t, SUSPENSION_DAYS_BEFORE_TERMINATION);
        clauses = ['BASE-D.10.3.1.1', 'BASE-D.10.3.1.4'];
        detail = `ended by the operator (${e.reason}) with 15 days' notice`;
        if (!longEnough)
          decide({ kind: 'flag', at: formatInstant(t), detail: 'the operator may only give notice once a suspension has lasted 15 days', clauses: ['BASE-D.10.3.1.1'] });
      }
    }
    if (e.effectiveOn) effective = Math.max(effective, brusselsMidnight(parseDate(e.effectiveOn)!));
    decide({ kind: 'termination', at: formatInstant(effective), detail: `${detail}; sums due stay due`, clauses: [...clauses, 'BASE-C.5'] });
    return { at: effective, lastDay: brusselsDayOf(effective), by: 'operator', reason: e.reason, free: true, ported: false, clauses };
  }

  // SIM box use is an irreparable breach: the subscription ends by right (BASE-B.5, BASE-D.10.3.1.2).
  if (simBoxAt !== undefined && (!end || simBoxAt < end.at)) {
    decide({ kind: 'termination', at: formatInstant(simBoxAt), detail: 'a SIM box resells the service: an irreparable breach ends the subscription by right', clauses: ['BASE-B.5', 'BASE-D.10.3.1.2', 'BASE-B.3.2.1'] });
    end = { at: simBoxAt, lastDay: brusselsDayOf(simBoxAt), by: 'operator', reason: 'irreparable_breach', free: true, ported: false, clauses: ['BASE-B.5', 'BASE-D.10.3.1.2'] };
  }

  const endAt = end?.at ?? FOREVER;
  if (openSuspension) closeSuspension(endAt, false);
  for (const [line, lost] of openLost) {
    const liftedAt = lost.replacedAt ?? endAt;
    lostSims.push({ line, reportedAt: lost.reportedAt, ...(lost.replacedAt !== undefined ? { replacedAt: lost.replacedAt } : {}), liftedAt });
    blocks.push({ line, from: lost.reportedAt, to: liftedAt, clauses: ['BASE-B.3.1.3'], detail: 'SIM reported lost or stolen' });
  }
  if (end) {
    blocks.push({ line: -1, from: end.at, to: FOREVER, clauses: end.clauses, detail: 'the subscription has ended' });
    if (!end.ported) {
      const withdrawal = brusselsMidnight(addMonths(brusselsDayOf(end.at), 1));
      decide({ kind: 'number_withdrawal', at: formatInstant(withdrawal), detail: 'the number is lost one month after the end of the contract, as it was not ported', clauses: ['BASE-B.2.2'] });
    }
  }
  // A fixed term renews as indefinite unless ended a month before it expires (BASE-D.10.3.2.2).
  if (termEndDay !== undefined && (!end || end.at > brusselsMidnight(termEndDay)))
    decide({ kind: 'renewal', at: formatInstant(brusselsMidnight(termEndDay)), detail: 'the fixed term renews automatically as an indefinite subscription', clauses: ['BASE-D.10.3.2.2'] });
  for (const [line, from] of openRoaming) alternativeRoaming.push({ line, from, to: endAt });
  return { activation, segments, blocks, suspensions, lostSims, end, changes, alternativeRoaming, decisions };
}

function scale(level: number, percent: number): number {
  return Math.round(level * (1 + percent / 100));
}

/** The last cycle date on or before `day`. */
function previousCycleStart(day: Day, cycleDay: number): Day {
  const { year, month, day: d } = ymdOfDay(day);
  if (d >= cycleDay) return dayFromYmd(year, month, cycleDay);
  return month === 1 ? dayFromYmd(year - 1, 12, cycleDay) : dayFromYmd(year, month - 1, cycleDay);
}

