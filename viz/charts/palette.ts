/**
 * One colour per country (and its market), the same in every chart and on the map.
 * Producers are warm, transit states earthy and muted, consumer markets cool.
 * Unknown ids get a stable colour from a categorical scheme.
 */
import { schemeTableau10 } from 'd3';

const FIXED: Record<string, string> = {
  // producers
  COL: '#c0392b',
  PER: '#e67e22',
  BOL: '#b7950b',
  // transit
  VEN: '#8e6c4a',
  ECU: '#a04000',
  BRA: '#27ae60',
  PAN: '#16a085',
  GTM: '#7d6608',
  HND: '#af7ac5',
  MEX: '#6e2c00',
  DOM: '#d35400',
  JAM: '#1abc9c',
  GNB: '#7f8c8d',
  GHA: '#b03a2e',
  NGA: '#117a65',
  // consumer markets
  USA: '#1f4e9c',
  CAN: '#5dade2',
  ESP: '#8e44ad',
  GBR: '#2e86c1',
  NLD: '#f39c12',
  DEU: '#34495e',
  ITA: '#52be80',
  FRA: '#5b2c6f',
};

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The colour of a country or market id. */
export function countryColor(id: string): string {
  return FIXED[id] ?? schemeTableau10[hash(id) % schemeTableau10.length];
}

/** Colours for series that are not countries (routes, scenarios, policies): by rank, so neighbours differ. */
const RANKED = [...schemeTableau10, '#1b4f72', '#7b241c', '#145a32', '#4a235a', '#7e5109', '#17202a'];
export function rankColor(rank: number): string {
  return RANKED[rank % RANKED.length];
}

/** Map roles on the route map. */
export const ROLE_COLORS = {
  producer: '#e8b4a0',
  transit: '#e9dcb5',
  consumer: '#b5cde6',
  other: '#dedbd3',
} as const;

export type MapRole = keyof typeof ROLE_COLORS;

/** The role a country is drawn in: production dominates, then consumption, then transit. */
export function mapRole(roles: readonly string[]): MapRole {
  if (roles.includes('producer')) return 'producer';
  if (roles.includes('consumer')) return 'consumer';
  if (roles.includes('transit')) return 'transit';
  return 'other';
}

/**
 * The colour of a scenario in comparisons: fixed by its place in the library (not by
 * the set ticked), so a scenario keeps its colour whatever it is compared with.
 */
export function scenarioColor(id: string, libraryIds: readonly string[]): string {
  const at = libraryIds.indexOf(id);
  return at >= 0 ? rankColor(at) : RANKED[6 + (hash(id) % (RANKED.length - 6))];
}
