// Pure and client-safe: how money and counts read on every screen (the e2e test uses it too).

const money = new Map<string, Intl.NumberFormat>();
const compactMoney = new Map<string, Intl.NumberFormat>();
const counts = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const fractionalCounts = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/** "$1,280": whole units of the organisation's currency; "€0" rather than "-€0". */
export function formatMoney(amount: number, currency: string): string {
  let f = money.get(currency);
  if (!f) {
    f = new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0, minimumFractionDigits: 0 });
    money.set(currency, f);
  }
  return f.format(Math.round(amount) || 0);
}

/** "$1.3M", "$48K": for tight places (chart axis). */
export function formatMoneyCompact(amount: number, currency: string): string {
  let f = compactMoney.get(currency);
  if (!f) {
    f = new Intl.NumberFormat("en-US", { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 });
    compactMoney.set(currency, f);
  }
  return f.format(amount || 0);
}

/** "1,204", or "3.5" below ten so small rates do not read as zero. */
export function formatCount(value: number): string {
  return Math.abs(value) < 10 ? fractionalCounts.format(value || 0) : counts.format(value || 0);
}

/** Totals of orders and customers are whole: "1,204", "fewer than 1", never "0.8 orders". */
export function formatWholeCount(value: number): string {
  if (value > 0 && value < 0.5) return "fewer than 1";
  return counts.format(Math.round(value));
}

/** The header's figure: "$1,280/min". */
export function formatPerMinute(amount: number, currency: string): string {
  return `${formatMoney(amount, currency)}/min`;
}
