/** Figures as the benchmark prints them: en-GB thousands separators, a fixed number of decimals. */
export const fmt = (n: number, digits = 0): string => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
