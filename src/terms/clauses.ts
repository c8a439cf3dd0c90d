/**
 * The clause registry: every clause id of ../shared/TERMS.md, what the model does with it (its
 * treatment), and where it is implemented. `termlab clauses` prints it with its test coverage; the
 * registry test fails when a modelled rule or detection has no implementation citing it or no test
 * citing it. Readings of an ambiguous text are stated in `reading`, so a QA team can see and change them.
 */
export type Treatment = 'rule' | 'param' | 'detect' | 'info';

export interface Clause {
  readonly id: string;
  readonly treatment: readonly Treatment[];
  /** What the clause says, in English (TERMS.md); the French seed is the authority. */
  readonly summary: string;
  /** Files that implement the clause and cite its id; empty until it is modelled. */
  readonly implementedIn: readonly string[];
  /** The reading the model takes where the text leaves a choice. */
  readonly reading?: string;
}

export const CLAUSES: readonly Clause[] = [
  {
    id: "CLIC-1",
    treatment: ["param"],
    summary: "Telenet Business general conditions apply unless derogated here. Subscriptions differ by number of SIMs and mobile data volume; fixed telephony and digital TV can be added.",
    implementedIn: ["scenarios/catalogs/default.yaml", "src/terms/compile.ts"],
  },
  {
    id: "CLIC-2.1",
    treatment: ["rule"],
    summary: "The Pack (monthly fee) includes a flat or unlimited volume of minutes, SMS and/or mobile data. Unused volume is not carried over to the next billing period. When included data is used up: in Belgium surfing continues at 512 kbps until the end of the billing period; in other EU-zone countries at normal speed, the extra consumption billed.",
    implementedIn: ["src/terms/rating.ts", "src/terms/statements.ts"],
    reading: "Pack allowances are shared by the pack's lines. Beyond flat data in Belgium every mobile and data SIM of the pack goes to 512 kbps, free, until the period ends; in the EU zone data is billed at the roaming_eu rate. Beyond flat minutes or SMS, usage is billed at the overage rate of where it is made.",
  },
  {
    id: "CLIC-2.2",
    treatment: ["rule"],
    summary: "Calls/SMS to and from special numbers (070, 0900, …) and third-party services are always billed extra. Included minutes/SMS only count for (i) fixed and mobile: Belgium → Belgian numbers; (ii) mobile: from the EU zone → Belgian numbers and numbers of other EU-zone countries. Included data only counts in Belgium and the EU zone. All other use is billed extra.",
    implementedIn: ["src/terms/scope.ts", "src/terms/statements.ts"],
    reading: "Included volume counts for calls/SMS from Belgium to Belgian numbers and from the EU zone to Belgian or EU-zone numbers, data in Belgium and the EU zone. 0800 calls are free and not counted; incoming calls are free except outside the EU zone.",
  },
  {
    id: "CLIC-2.3",
    treatment: ["rule"],
    summary: "\"Unlimited\" means normal use. Unlimited calls/SMS: beyond 30,000 minutes or 30,000 SMS the service concerned is paused until the end of the billing period. Unlimited data: 300 GB per SIM in Belgium and 100 GB per SIM in other EU-zone countries per month; beyond it, 512 kbps until the end of the billing period.",
    implementedIn: ["src/terms/rating.ts", "src/domain/catalog.ts"],
    reading: "Limits are per SIM and per billing period (not prorated): 30,000 minutes of in-pack calls, 30,000 in-pack SMS, 300 GB of data in Belgium and separately 100 GB in the EU zone. The crossing record is cut at the limit. A paused service blocks all outgoing calls (or SMS) of that SIM, emergency numbers excepted.",
  },
  {
    id: "CLIC-2.4",
    treatment: ["rule"],
    summary: "CLIC includes 1 data SIM (data only: no calls, no SMS). With unlimited data the data SIM has its own 300 GB (BE) / 100 GB (EU) limits; with limited data it has no own volume and its use is charged to the Pack's data.",
    implementedIn: ["src/terms/rating.ts", "src/terms/compile.ts"],
    reading: "With flat data the data SIM draws on the pack's data; with unlimited data it has its own CLIC-2.3 limits. Its calls and SMS are blocked (emergency numbers excepted, BASE-B.2.3).",
  },
  {
    id: "CLIC-2.5",
    treatment: ["rule"],
    summary: "SIMs are for the client's employees, for work. A SIM must be activated within 14 days of receipt; not activating in time counts as termination of the contract. If activation fails for technical reasons, new SIMs with new numbers are provided (no right to dissolve the contract for that).",
    implementedIn: ["src/terms/lifecycle.ts"],
  },
  {
    id: "CLIC-2.6",
    treatment: ["rule", "detect"],
    summary: "Upgrade (new CLIC with more mobile data): available immediately, in the current billing period. Downgrade (less data): takes effect on the first day of the next billing period. An Upgrade followed by a Downgrade in the same billing period is not allowed. Fraudulent up/downgrades: the real extra consumption may be billed.",
    implementedIn: ["src/terms/lifecycle.ts"],
  },
  {
    id: "CLIC-2.7",
    treatment: ["rule", "param"],
    summary: "Phone2Go (Webex app telephony) can only be bought as an option with CLIC, not CLIC Bureau, for an extra fixed monthly fee; needs a working internet connection (at the client's cost).",
    implementedIn: ["src/terms/rating.ts", "src/terms/statements.ts"],
  },
  {
    id: "CLIC-2.8",
    treatment: ["info"],
    summary: "The app is governed by Cisco's terms.",
    implementedIn: [],
  },
  {
    id: "CLIC-2.9",
    treatment: ["rule", "detect"],
    summary: "Each Phone2Go has 2 user licences, each a fixed number usable only through the app, in the geographic zone of the installation address (moving out of the zone gives new numbers). These numbers can call Belgian fixed and mobile numbers only, not premium numbers. One licence cannot be logged in on several devices at once.",
    implementedIn: ["src/terms/scope.ts", "src/terms/rating.ts"],
    reading: "A Phone2Go licence may call Belgian fixed and mobile numbers only; any other destination is blocked, emergency numbers excepted (CLIC-2.10 governs those).",
  },
  {
    id: "CLIC-2.10",
    treatment: ["detect"],
    summary: "Emergency calls through the app: desktop app only from the installation address; mobile app only when in Belgium, with location permission, over the mobile network. The client bears the risk otherwise.",
    implementedIn: ["src/terms/rating.ts"],
  },
  {
    id: "CLIC-3.1",
    treatment: ["info"],
    summary: "Advertised fixed internet speeds are theoretical maxima.",
    implementedIn: [],
  },
  {
    id: "CLIC-3.2",
    treatment: ["info"],
    summary: "Safesurf must be activated by the client.",
    implementedIn: [],
  },
  {
    id: "CLIC-3.3",
    treatment: ["info"],
    summary: "Internet Back-up must be requested; only activated with sufficient mobile coverage; the modem may need replacing.",
    implementedIn: [],
  },
  {
    id: "CLIC-4.1",
    treatment: ["info"],
    summary: "Replay TV may be unavailable for some programmes.",
    implementedIn: [],
  },
  {
    id: "CLIC-4.2",
    treatment: ["info"],
    summary: "Only administrators named by the client get Telenet TV app access; other SIM users do not; simultaneous screens are limited.",
    implementedIn: [],
  },
  {
    id: "CLIC-5.1",
    treatment: ["rule", "param"],
    summary: "CLIC (Bureau) is indefinite-term and can be terminated free at any time. If a device discount was obtained with the subscription, terminating before the discount's minimum period costs an indemnity equal to the residual value of the discount (table in the contract).",
    implementedIn: ["src/terms/termination.ts", "src/terms/lifecycle.ts"],
  },
  {
    id: "BASE-A",
    treatment: ["rule"],
    summary: "Definitions. A Subscription is billed by monthly statement; a prepaid credit (Forfait d'appel prépayé) gives access up to its amount and is never invoiced; a Pack combines several services in one subscription; an SMS is at most 160 characters.",
    implementedIn: ["src/terms/compile.ts"],
    reading: "One SMS per started 160 characters (an empty message is one SMS), times the recipients. The clause's 160 characters is applied whatever the encoding.",
  },
  {
    id: "BASE-B.1.2.1",
    treatment: ["rule"],
    summary: "Prepaid credit gives access to the services it covers, up to its amount; consumers only; never invoiced.",
    implementedIn: ["src/terms/prepaid.ts"],
    reading: "Each record is priced and rounded half up to the cent. A call or data session the credit cannot pay in full is cut where its price would pass the credit; an SMS is not split. With credit left but below the price of one unit of what is asked, that record is refused whole (serving it would pass the amount or leave a debt that is never invoiced).",
  },
  {
    id: "BASE-B.1.2.2",
    treatment: ["rule"],
    summary: "Prepaid services work while credit remains and has not lapsed; incoming calls in Belgium keep working until the number is withdrawn.",
    implementedIn: ["src/terms/prepaid.ts"],
    reading: "With no credit left nothing chargeable is served, not even a second whose price rounds to 0 c. Refusals until the next top-up are one blocked decision per period, line and service, with the quantity of them all.",
  },
  {
    id: "BASE-B.1.2.3",
    treatment: ["rule", "param"],
    summary: "No refund of unused prepaid credit, except (i) on migration to a subscription and (ii) when the number is ported away: refund request within 1 month of the port, minus an administrative fee; only purchased credit, not promotional credit.",
    implementedIn: ["src/terms/prepaid.ts"],
  },
  {
    id: "BASE-B.1.2.4",
    treatment: ["rule"],
    summary: "A change of conditions never reduces rights on credit bought before it; the old conditions apply until the next top-up after the change.",
    implementedIn: ["src/terms/prepaid.ts"],
  },
  {
    id: "BASE-B.2.1",
    treatment: ["param"],
    summary: "Roaming and international calls at the published prices.",
    implementedIn: ["src/domain/tariffs.ts", "src/terms/statements.ts"],
  },
  {
    id: "BASE-B.2.2",
    treatment: ["rule"],
    summary: "The number is lost 1 month after the contract ends unless porting is requested. Number changes need 2 months' notice. Prepaid credit is valid 12 months from purchase; the number can be withdrawn after 12 months without a top-up. A subscription not used at all for 12 months may be terminated and its number withdrawn; remaining credits lapse.",
    implementedIn: ["src/terms/lifecycle.ts", "src/terms/prepaid.ts"],
  },
  {
    id: "BASE-B.2.3",
    treatment: ["rule"],
    summary: "Emergency services are reachable and receive the caller's location.",
    implementedIn: ["src/terms/rating.ts"],
    reading: "Calls to 100, 101 and 112 are never charged, never counted against a limit and never blocked, from any line, even when paused or on a data SIM.",
  },
  {
    id: "BASE-B.2.4",
    treatment: ["info"],
    summary: "Estimated maximum speeds 4G 130/32 Mbps, 3G 23.3/4.2 Mbps; traffic management under congestion.",
    implementedIn: [],
  },
  {
    id: "BASE-B.2.5",
    treatment: ["rule"],
    summary: "The client may buy EU roaming from an alternative roaming operator; the switch is free and done within 24 hours; BASE roaming tariffs then do not apply and prepaid credit cannot be used for it.",
    implementedIn: ["src/terms/prepaid.ts", "src/terms/lifecycle.ts", "src/terms/rating.ts"],
  },
  {
    id: "BASE-B.3.1.2",
    treatment: ["info"],
    summary: "The SIM stays Telenet's property and must be returned within 7 days after the contract ends; fraud withdraws the number.",
    implementedIn: [],
  },
  {
    id: "BASE-B.3.1.3",
    treatment: ["rule"],
    summary: "Lost or stolen SIM: the client pays all usage until they ask by phone to suspend; written confirmation within 8 days; subscription fees stay due during the suspension; prepaid validity is not extended. Once the client has a new or recovered SIM, the suspension is lifted within 5 working days; beyond that, no subscription fee is charged, pro rata, for the extra days.",
    implementedIn: ["src/terms/lifecycle.ts", "src/terms/termination.ts"],
    reading: "Credit days: from the day after the fifth working day (Belgian public holidays excluded) following the new SIM up to and including the day of the lift; the whole pack's subscription fee is credited pro rata.",
  },
  {
    id: "BASE-B.3.2.1",
    treatment: ["rule", "detect"],
    summary: "SIM boxes / GSM gateways are forbidden unless authorised in writing with a registered IMEI; their calls are blocked automatically, and services may be suspended or terminated at once.",
    implementedIn: ["src/terms/rating.ts", "src/terms/lifecycle.ts"],
  },
  {
    id: "BASE-B.3.2.4",
    treatment: ["rule"],
    summary: "Lost or stolen phone: same liability until the suspension request; 8-day written confirmation.",
    implementedIn: ["src/terms/lifecycle.ts"],
  },
  {
    id: "BASE-B.3.3.1",
    treatment: ["detect"],
    summary: "Sending messages to groups of more than 20 mobile users is forbidden.",
    implementedIn: ["src/terms/rating.ts"],
  },
  {
    id: "BASE-B.3.3.2",
    treatment: ["detect"],
    summary: "Commercial messages need the recipient's consent.",
    implementedIn: ["src/terms/lifecycle.ts"],
  },
  {
    id: "BASE-B.3.4",
    treatment: ["detect"],
    summary: "Organised resale of SIMs to people without a stable link to Belgium: suspension or termination.",
    implementedIn: ["src/terms/lifecycle.ts"],
    reading: "An abuse_report of kind sim_resale is flagged; suspension or termination is then the operator's choice, given as events.",
  },
  {
    id: "BASE-B.4",
    treatment: ["rule"],
    summary: "Data services are on unless refused in writing; data is charged by volume (down + up); content providers' charges are separate.",
    implementedIn: ["src/terms/rating.ts", "src/terms/statements.ts"],
  },
  {
    id: "BASE-B.5",
    treatment: ["rule", "detect"],
    summary: "Reselling services (e.g. through a SIM box) or automated sending to groups is an irreparable breach (see D.10.3.1.2).",
    implementedIn: ["src/terms/lifecycle.ts"],
  },
  {
    id: "BASE-C.4",
    treatment: ["rule"],
    summary: "When one service of a Pack may be suspended, all services of the Pack may be suspended.",
    implementedIn: ["src/terms/lifecycle.ts"],
  },
  {
    id: "BASE-C.5",
    treatment: ["rule"],
    summary: "Terminating one service of a Pack terminates all of them at the same time.",
    implementedIn: ["src/terms/lifecycle.ts"],
  },
  {
    id: "BASE-D.1",
    treatment: ["info"],
    summary: "Subscription request, identity documents, solvency checks; a refused client may buy prepaid instead.",
    implementedIn: [],
  },
  {
    id: "BASE-D.3.4",
    treatment: ["rule"],
    summary: "Liability is capped at 5 × the client's last statement, and never more than €50,000 (fraud and gross fault aside).",
    implementedIn: ["src/terms/liability.ts"],
  },
  {
    id: "BASE-D.4.3",
    treatment: ["info"],
    summary: "A device bought before a refused or suspended subscription is not refunded.",
    implementedIn: [],
  },
  {
    id: "BASE-D.6.1.3",
    treatment: ["rule"],
    summary: "An SMS alert is sent as soon as consumption exceeds the tariff plan; a second when it exceeds it by more than €50. Alerts may come late when roaming records arrive late.",
    implementedIn: ["src/terms/rating.ts"],
    reading: "Per billing period: a first alert when the usage charges (everything billed beyond the fee) first exceed €0, a second when they exceed €50.00, at the arrival of the record that crossed; charges are the sum of the period's line amounts so far. Applied to CLIC as the stand-in general layer (assumed).",
  },
  {
    id: "BASE-D.6.3",
    treatment: ["detect"],
    summary: "Unlimited offers allow intensive use; fraud or abnormal use may lead to limits, suspension or termination.",
    implementedIn: ["src/terms/rating.ts"],
  },
  {
    id: "BASE-D.6.5",
    treatment: ["rule"],
    summary: "No change of tariff plan before the end of the initial period unless Telenet allows it.",
    implementedIn: ["src/terms/lifecycle.ts"],
  },
  {
    id: "BASE-D.7.1",
    treatment: ["rule"],
    summary: "Tariffs apply to use in Belgium, special numbers excepted.",
    implementedIn: ["src/terms/scope.ts", "src/terms/statements.ts"],
    reading: "A BASE plan's allowance counts where its catalog entry's includedIn says; the default is Belgium only, as the clause reads. Special numbers never count.",
  },
  {
    id: "BASE-D.7.2",
    treatment: ["rule"],
    summary: "Plans with rollover: unused call credit carries to the next month; the new month's allowance is used first, the carried-over part only after.",
    implementedIn: ["src/terms/rating.ts"],
    reading: "Only to the next period: the new period's allowance is used first, the carried part after, and what is carried and unused then lapses.",
  },
  {
    id: "BASE-D.7.3",
    treatment: ["rule", "param"],
    summary: "Prices may be indexed once a year, in January, on the consumer price index.",
    implementedIn: ["src/terms/lifecycle.ts", "src/terms/fees.ts"],
  },
  {
    id: "BASE-D.8.1",
    treatment: ["rule"],
    summary: "What a statement lists: connection fees; subscription fee paid monthly in advance; options; national, international and roaming usage in detail; special numbers; equipment; content-provider charges.",
    implementedIn: ["src/terms/statements.ts", "src/domain/categories.ts"],
    reading: "One statement on the first day of each period: that period's fee and options in advance, and the usage of the period just ended; a closing statement after the last period.",
  },
  {
    id: "BASE-D.8.3",
    treatment: ["rule"],
    summary: "Monthly statements on several billing cycles per month, so a period need not be a calendar month; the first statement can be shorter. Monthly fees and included allowances are pro rata temporis. Tariff changes and plan migrations are prorated; a plan change asked by the client takes effect immediately. Roaming usage may be billed months later.",
    implementedIn: ["src/terms/statements.ts", "src/terms/rating.ts", "src/domain/periods.ts"],
    reading: "Cycle days 1–28. Denominator: the actual number of days (28–31) of the full cycle containing the period. Allowances are prorated in their own unit and rounded half up to a whole unit; fees half up to the cent. A late roaming record is billed on the first statement issued after it arrived, as a separate line, against its own period's allowance as it then stands.",
  },
  {
    id: "BASE-D.8.5",
    treatment: ["rule", "param"],
    summary: "Pay within the term on the statement.",
    implementedIn: ["src/terms/statements.ts"],
  },
  {
    id: "BASE-D.8.6",
    treatment: ["rule"],
    summary: "Non-payment by the due date: a reminder, possibly with reminder fees; unpaid amounts get a flat indemnity (covering legal interest and reminder costs) set by the law of 4 May 2023 (Code of Economic Law, book XIX): €20 if the amount due is ≤ €150; €30 + 10 % of the part between €150.01 and €500 if it is €150.01–€500; €65 + 5 % of the part above €500.01, at most €2,000, if it is above €500.",
    implementedIn: ["src/terms/dunning.ts", "src/domain/catalog.ts"],
    reading: "One reminder the day after the due date; the flat indemnity 14 days later (catalog dunning.indemnityAfterDays, Book XIX) on what is left of the statement's own charges, never on earlier indemnities; percentages rounded half up to the cent; the tranche above €150.00 (resp. €500.00) is the amount minus €150.00 (resp. €500.00).",
  },
  {
    id: "BASE-D.8.7",
    treatment: ["rule"],
    summary: "If Telenet pays late, the client gets the same legal interest.",
    implementedIn: ["src/terms/dunning.ts"],
  },
  {
    id: "BASE-D.8.8",
    treatment: ["rule"],
    summary: "A statement can be disputed within 1 month of its date, or the dispute is inadmissible. The undisputed part must still be paid on time.",
    implementedIn: ["src/terms/dunning.ts"],
  },
  {
    id: "BASE-D.8.9",
    treatment: ["rule"],
    summary: "An overcharge already paid is offset against later statements.",
    implementedIn: ["src/terms/dunning.ts"],
  },
  {
    id: "BASE-D.10.1",
    treatment: ["rule"],
    summary: "A subscription starts at activation; indefinite unless a fixed term was chosen.",
    implementedIn: ["src/terms/lifecycle.ts"],
  },
  {
    id: "BASE-D.10.2.1",
    treatment: ["rule", "param"],
    summary: "Telenet may suspend after notice (breach, non-payment, fraud, false data, abnormal consumption well above the average client's, harmful devices, …) or at once (legal duty, network at risk, breach or payment default, serious fraud). Subscription fees stay due during suspension; an unjustified suspension gives a credit note for them. Suspension is lifted on proof of regularisation; a reactivation fee may be charged.",
    implementedIn: ["src/terms/lifecycle.ts", "src/terms/dunning.ts"],
  },
  {
    id: "BASE-D.10.2",
    treatment: ["rule"],
    summary: "The client may ask to suspend for a set period, at most 6 months; fees stay due; lifted only on written request; not allowed with a subsidised device.",
    implementedIn: ["src/terms/lifecycle.ts"],
  },
  {
    id: "BASE-D.10.3.1.1",
    treatment: ["rule"],
    summary: "Telenet may terminate with 15 days' notice when a suspension has lasted 15 days, or a breach is not cured within 15 days of formal notice.",
    implementedIn: ["src/terms/lifecycle.ts"],
  },
  {
    id: "BASE-D.10.3.1.2",
    treatment: ["rule"],
    summary: "A payment moratorium or an irreparable breach ends the subscription by right.",
    implementedIn: ["src/terms/lifecycle.ts"],
  },
  {
    id: "BASE-D.10.3.1.3",
    treatment: ["rule"],
    summary: "Telenet may end an indefinite subscription with 8 weeks' notice; the client then moves to prepaid.",
    implementedIn: ["src/terms/lifecycle.ts"],
  },
  {
    id: "BASE-D.10.3.1.4",
    treatment: ["rule"],
    summary: "Termination by Telenet gives no indemnity to the client; sums due stay due.",
    implementedIn: ["src/terms/lifecycle.ts"],
  },
  {
    id: "BASE-D.10.3.2.1",
    treatment: ["rule"],
    summary: "The client may end an indefinite subscription at any time, free. A fixed-term subscription ended in its first six months costs the fees up to the end of the sixth month. On the client's death, a relative may end any subscription at once, free.",
    implementedIn: ["src/terms/lifecycle.ts", "src/terms/termination.ts"],
  },
  {
    id: "BASE-D.10.3.2.2",
    treatment: ["rule"],
    summary: "A fixed term renews automatically as indefinite unless ended in writing at least 1 month before it expires.",
    implementedIn: ["src/terms/lifecycle.ts"],
  },
  {
    id: "BASE-D.10.3.2.3",
    treatment: ["rule", "param"],
    summary: "With a free or discounted device tied to the subscription, ending it in the first 24 months costs the device's residual value from the amortisation table; death or an allowed plan change may count as such an end.",
    implementedIn: ["src/terms/termination.ts"],
  },
  {
    id: "BASE-D.10.3.2.4",
    treatment: ["rule"],
    summary: "After an announced change of conditions the client may end the subscription without penalty up to 3 months after the notice, except for changes that only benefit the client, are purely administrative, are imposed by law, or are the January CPI indexation; a change to one add-on only frees that add-on.",
    implementedIn: ["src/terms/lifecycle.ts"],
  },
  {
    id: "BASE-D.11.1",
    treatment: ["rule"],
    summary: "Changes are announced at least 1 month before they take effect.",
    implementedIn: ["src/terms/lifecycle.ts"],
  },
  {
    id: "BASE-D.11.2",
    treatment: ["rule"],
    summary: "A client who refuses an announced change may end the subscription at once, free.",
    implementedIn: ["src/terms/lifecycle.ts"],
  },
  {
    id: "BASE-D.11.3",
    treatment: ["rule"],
    summary: "Prepaid: no refund on refused changes; topping up after the announcement means accepting them.",
    implementedIn: ["src/terms/prepaid.ts"],
  },
  {
    id: "BASE-D.11.4",
    treatment: ["rule"],
    summary: "Prepaid credit made unusable by a change is replaced by new credit of the same value.",
    implementedIn: ["src/terms/prepaid.ts"],
    reading: "A change_announced with makesCreditUnusable replaces, on its effective day, the credit left by new credit of the same value, valid 12 months from then.",
  },
  {
    id: "BASE-B.3.1.1",
    treatment: ["info"],
    summary: "PIN, coverage, obligation of means, liability exclusions, ownership and warranty of devices, privacy, information duties, prudent use, statement format and delivery, assignment, data deletion, written notices, complaints and jurisdiction: no effect on usage, money or service state.",
    implementedIn: [],
  },
  {
    id: "BASE-B.3.2.2",
    treatment: ["info"],
    summary: "PIN, coverage, obligation of means, liability exclusions, ownership and warranty of devices, privacy, information duties, prudent use, statement format and delivery, assignment, data deletion, written notices, complaints and jurisdiction: no effect on usage, money or service state.",
    implementedIn: [],
  },
  {
    id: "BASE-B.3.2.3",
    treatment: ["info"],
    summary: "PIN, coverage, obligation of means, liability exclusions, ownership and warranty of devices, privacy, information duties, prudent use, statement format and delivery, assignment, data deletion, written notices, complaints and jurisdiction: no effect on usage, money or service state.",
    implementedIn: [],
  },
  {
    id: "BASE-D.2",
    treatment: ["info"],
    summary: "PIN, coverage, obligation of means, liability exclusions, ownership and warranty of devices, privacy, information duties, prudent use, statement format and delivery, assignment, data deletion, written notices, complaints and jurisdiction: no effect on usage, money or service state.",
    implementedIn: [],
  },
  {
    id: "BASE-D.3.1",
    treatment: ["info"],
    summary: "PIN, coverage, obligation of means, liability exclusions, ownership and warranty of devices, privacy, information duties, prudent use, statement format and delivery, assignment, data deletion, written notices, complaints and jurisdiction: no effect on usage, money or service state.",
    implementedIn: [],
  },
  {
    id: "BASE-D.3.2",
    treatment: ["info"],
    summary: "PIN, coverage, obligation of means, liability exclusions, ownership and warranty of devices, privacy, information duties, prudent use, statement format and delivery, assignment, data deletion, written notices, complaints and jurisdiction: no effect on usage, money or service state.",
    implementedIn: [],
  },
  {
    id: "BASE-D.3.3",
    treatment: ["info"],
    summary: "PIN, coverage, obligation of means, liability exclusions, ownership and warranty of devices, privacy, information duties, prudent use, statement format and delivery, assignment, data deletion, written notices, complaints and jurisdiction: no effect on usage, money or service state.",
    implementedIn: [],
  },
  {
    id: "BASE-D.4.1",
    treatment: ["info"],
    summary: "PIN, coverage, obligation of means, liability exclusions, ownership and warranty of devices, privacy, information duties, prudent use, statement format and delivery, assignment, data deletion, written notices, complaints and jurisdiction: no effect on usage, money or service state.",
    implementedIn: [],
  },
  {
    id: "BASE-D.4.2",
    treatment: ["info"],
    summary: "PIN, coverage, obligation of means, liability exclusions, ownership and warranty of devices, privacy, information duties, prudent use, statement format and delivery, assignment, data deletion, written notices, complaints and jurisdiction: no effect on usage, money or service state.",
    implementedIn: [],
  },
  {
    id: "BASE-D.4.4",
    treatment: ["info"],
    summary: "PIN, coverage, obligation of means, liability exclusions, ownership and warranty of devices, privacy, information duties, prudent use, statement format and delivery, assignment, data deletion, written notices, complaints and jurisdiction: no effect on usage, money or service state.",
    implementedIn: [],
  },
  {
    id: "BASE-D.4.5",
    treatment: ["info"],
    summary: "PIN, coverage, obligation of means, liability exclusions, ownership and warranty of devices, privacy, information duties, prudent use, statement format and delivery, assignment, data deletion, written notices, complaints and jurisdiction: no effect on usage, money or service state.",
    implementedIn: [],
  },
  {
    id: "BASE-D.5",
    treatment: ["info"],
    summary: "PIN, coverage, obligation of means, liability exclusions, ownership and warranty of devices, privacy, information duties, prudent use, statement format and delivery, assignment, data deletion, written notices, complaints and jurisdiction: no effect on usage, money or service state.",
    implementedIn: [],
  },
  {
    id: "BASE-D.6.1.1",
    treatment: ["info"],
    summary: "PIN, coverage, obligation of means, liability exclusions, ownership and warranty of devices, privacy, information duties, prudent use, statement format and delivery, assignment, data deletion, written notices, complaints and jurisdiction: no effect on usage, money or service state.",
    implementedIn: [],
  },
  {
    id: "BASE-D.6.1.2",
    treatment: ["info"],
    summary: "PIN, coverage, obligation of means, liability exclusions, ownership and warranty of devices, privacy, information duties, prudent use, statement format and delivery, assignment, data deletion, written notices, complaints and jurisdiction: no effect on usage, money or service state.",
    implementedIn: [],
  },
  {
    id: "BASE-D.6.2",
    treatment: ["info"],
    summary: "PIN, coverage, obligation of means, liability exclusions, ownership and warranty of devices, privacy, information duties, prudent use, statement format and delivery, assignment, data deletion, written notices, complaints and jurisdiction: no effect on usage, money or service state.",
    implementedIn: [],
  },
  {
    id: "BASE-D.6.4",
    treatment: ["info"],
    summary: "PIN, coverage, obligation of means, liability exclusions, ownership and warranty of devices, privacy, information duties, prudent use, statement format and delivery, assignment, data deletion, written notices, complaints and jurisdiction: no effect on usage, money or service state.",
    implementedIn: [],
  },
  {
    id: "BASE-D.8.2",
    treatment: ["info"],
    summary: "PIN, coverage, obligation of means, liability exclusions, ownership and warranty of devices, privacy, information duties, prudent use, statement format and delivery, assignment, data deletion, written notices, complaints and jurisdiction: no effect on usage, money or service state.",
    implementedIn: [],
  },
  {
    id: "BASE-D.8.4",
    treatment: ["info"],
    summary: "PIN, coverage, obligation of means, liability exclusions, ownership and warranty of devices, privacy, information duties, prudent use, statement format and delivery, assignment, data deletion, written notices, complaints and jurisdiction: no effect on usage, money or service state.",
    implementedIn: [],
  },
  {
    id: "BASE-D.9",
    treatment: ["info"],
    summary: "PIN, coverage, obligation of means, liability exclusions, ownership and warranty of devices, privacy, information duties, prudent use, statement format and delivery, assignment, data deletion, written notices, complaints and jurisdiction: no effect on usage, money or service state.",
    implementedIn: [],
  },
  {
    id: "BASE-D.10.3.2.5",
    treatment: ["info"],
    summary: "PIN, coverage, obligation of means, liability exclusions, ownership and warranty of devices, privacy, information duties, prudent use, statement format and delivery, assignment, data deletion, written notices, complaints and jurisdiction: no effect on usage, money or service state.",
    implementedIn: [],
  },
  {
    id: "BASE-D.12",
    treatment: ["info"],
    summary: "PIN, coverage, obligation of means, liability exclusions, ownership and warranty of devices, privacy, information duties, prudent use, statement format and delivery, assignment, data deletion, written notices, complaints and jurisdiction: no effect on usage, money or service state.",
    implementedIn: [],
  },
  {
    id: "BASE-D.13",
    treatment: ["info"],
    summary: "PIN, coverage, obligation of means, liability exclusions, ownership and warranty of devices, privacy, information duties, prudent use, statement format and delivery, assignment, data deletion, written notices, complaints and jurisdiction: no effect on usage, money or service state.",
    implementedIn: [],
  },
];

/** The clauses of Reference model I (rating): each must be implemented and cited by a test. */
export const RATING_CLAUSES: readonly string[] = [
  'CLIC-2.1', 'CLIC-2.2', 'CLIC-2.3', 'CLIC-2.4', 'CLIC-2.9',
  'BASE-A', 'BASE-B.2.3', 'BASE-B.4', 'BASE-D.6.1.3', 'BASE-D.7.1', 'BASE-D.7.2', 'BASE-D.8.1', 'BASE-D.8.3',
];

/** The clauses of Reference model II (the account's life): each must be implemented and cited by a test. */
export const LIFECYCLE_CLAUSES: readonly string[] = [
  'CLIC-2.5', 'CLIC-2.6', 'CLIC-2.7', 'CLIC-2.10', 'CLIC-5.1',
  'BASE-B.1.2.1', 'BASE-B.1.2.2', 'BASE-B.1.2.3', 'BASE-B.1.2.4', 'BASE-B.2.2', 'BASE-B.2.5',
  'BASE-B.3.1.3', 'BASE-B.3.2.1', 'BASE-B.3.2.4', 'BASE-B.3.3.1', 'BASE-B.5', 'BASE-C.4', 'BASE-C.5',
  'BASE-D.3.4', 'BASE-D.6.3', 'BASE-D.6.5', 'BASE-D.7.3', 'BASE-D.8.5', 'BASE-D.8.6', 'BASE-D.8.7', 'BASE-D.8.8', 'BASE-D.8.9',
  'BASE-D.10.1', 'BASE-D.10.2.1', 'BASE-D.10.2', 'BASE-D.10.3.1.1', 'BASE-D.10.3.1.2', 'BASE-D.10.3.1.3',
  'BASE-D.10.3.2.1', 'BASE-D.10.3.2.2', 'BASE-D.10.3.2.3', 'BASE-D.10.3.2.4', 'BASE-D.11.1', 'BASE-D.11.2', 'BASE-D.11.3', 'BASE-D.11.4',
];

export const CLAUSE_BY_ID: ReadonlyMap<string, Clause> = new Map(CLAUSES.map((c) => [c.id, c]));

/** Whether the model claims to implement the clause (a rule or detection with code behind it). */
export function isModelled(c: Clause): boolean {
  return c.implementedIn.length > 0 && c.treatment.some((t) => t === 'rule' || t === 'detect');
}
