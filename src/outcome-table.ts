import { formatEuros, type Cents } from './domain/money.ts';
import type { Outcome, StatementLineT } from './domain/outcome.ts';

/** An outcome as plain-text tables for people (`termlab rate --format table`). */
export function outcomeTable(o: Outcome): string {
  const out: string[] = [`Subscriber ${o.subscriber} — catalog ${o.catalog}`, ''];
  for (const s of o.statements) {
    out.push(`Statement ${s.index}, issued ${s.issuedOn}, due ${s.dueOn}: ${formatEuros(s.totalCents as Cents)}`);
    out.push(
      table(
        ['category', 'description', 'period', 'quantity', 'rate', 'amount', 'clauses'],
        s.lines.map((l) => [
          l.category,
          l.description,
          `${l.period.start}..${l.period.end}`,
          quantity(l),
          l.rate ?? '',
          formatEuros(l.amountCents as Cents),
          l.clauses.join(' ') + (l.assumed ? ' (assumed)' : ''),
        ]),
        [5],
      ),
    );
    out.push('');
  }
  if (o.decisions.length > 0) {
    out.push('Decisions');
    out.push(
      table(
        ['at', 'kind', 'line', 'detail', 'clauses'],
        o.decisions.map((d) => [d.at, d.kind, d.line ?? '', d.detail, d.clauses.join(' ') + (d.assumed ? ' (assumed)' : '')]),
      ),
    );
    out.push('');
  }
  out.push(`Billed in total: ${formatEuros(o.balances.billedCents as Cents)}`);
  return out.join('\n');
}

/** "1,234 s (20:34)", "1.50 GB", "3 SMS". */
export function quantity(l: Pick<StatementLineT, 'quantity' | 'unit'>): string {
  const q = l.quantity;
  switch (l.unit) {
    case 'second':
      return `${Math.floor(q / 60)}:${String(q % 60).padStart(2, '0')} min`;
    case 'byte':
      return q >= 1e9 ? `${(q / 1e9).toFixed(3)} GB` : `${(q / 1e6).toFixed(3)} MB`;
    case 'sms':
      return `${q} SMS`;
    case 'day':
      return `${q} days`;
    default:
      return String(q);
  }
}

function table(header: string[], rows: string[][], rightAligned: number[] = []): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) =>
    r.map((cell, i) => (rightAligned.includes(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  return [fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}
