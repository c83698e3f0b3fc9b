/** Money and share in workshop words: "$550M/yr", "$1.2bn", "45%". */
export function usd(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e9) return `$${(value / 1e9).toFixed(abs >= 1e10 ? 1 : 2).replace(/\.?0+$/, '')}bn`;
  if (abs >= 1e6) return `$${Math.round(value / 1e6)}M`;
  if (abs >= 1e3) return `$${Math.round(value / 1e3)}k`;
  return `$${Math.round(value)}`;
}

export const perYear = (value: number): string => `${usd(value)}/yr`;

export const percent = (share: number): string => `${Math.round(share * 100)}%`;
