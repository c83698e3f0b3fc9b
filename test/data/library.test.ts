/**
 * The bundled data: the baseline world stays within the public figures it cites
 * (docs/data-sources.md), every scenario file validates, and the library files are
 * exactly the baseline world plus their levers (no drift).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../sim/scenario/validate';
import type { Scenario } from '../../sim/scenario/schema';
import { generateLibrary, SCENARIO_DIR } from '../../scripts/make-scenarios';
import { LIBRARY } from '../../scripts/scenario-library';

const read = (file: string): unknown => JSON.parse(readFileSync(join(SCENARIO_DIR, file), 'utf8'));
const parse = (file: string): Scenario => {
  const result = parseScenario(read(file));
  if (!result.ok) throw new Error(`${file}: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.value;
};
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

/** Fewest legs from `from` to `to` along routes, never revisiting a country. */
function legs(s: Scenario, from: string, to: string): number {
  const seen = new Set([from]);
  let frontier = [from];
  for (let depth = 1; frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const r of s.routes) {
        if (r.from !== node || seen.has(r.to)) continue;
        if (r.to === to) return depth;
        seen.add(r.to);
        next.push(r.to);
      }
    }
    frontier = next;
  }
  return Infinity;
}

describe('scenario files', () => {
  const files = readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json'));

  it('includes the baseline and every library scenario', () => {
    expect(files).toContain('baseline.json');
    for (const entry of LIBRARY) expect(files).toContain(`${entry.file}.json`);
  });

  it.each(files)('%s validates', (file) => {
    const result = parseScenario(read(file));
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([]);
  });

  it('are what scripts/make-scenarios.ts generates (run it after editing the baseline or the library)', () => {
    for (const { file, text } of generateLibrary()) {
      expect(readFileSync(join(SCENARIO_DIR, file), 'utf8'), file).toBe(text);
    }
  });
});

describe('baseline world', () => {
  const s = parse('baseline.json');
  const cocaHa = (country: string): number => sum(s.regions.filter((r) => r.country === country).map((r) => r.initialCocaHa));
  const demandTonnes = (countries: string[]): number =>
    sum(s.markets.filter((m) => countries.includes(m.country)).map((m) => (m.users * m.gramsPerUserPerYear) / 1e6));
  const europe = ['ESP', 'GBR', 'NLD', 'DEU', 'ITA', 'FRA'];

  it('schedules no lever', () => {
    expect(s.policies).toEqual([]);
  });

  it('has the size the foundation issue asks for', () => {
    expect(s.countries.length).toBeGreaterThanOrEqual(15);
    expect(s.countries.length).toBeLessThanOrEqual(25);
    expect(s.routes.length).toBeGreaterThanOrEqual(40);
    expect(s.routes.length).toBeLessThanOrEqual(80);
    expect(sum(s.regions.map((r) => r.growers))).toBeGreaterThanOrEqual(20_000);
  });

  it('starts from the UNODC coca areas of 2000', () => {
    expect(cocaHa('COL')).toBeGreaterThan(150_000);
    expect(cocaHa('COL')).toBeLessThan(170_000);
    expect(cocaHa('PER')).toBeGreaterThan(40_000);
    expect(cocaHa('PER')).toBeLessThan(47_000);
    expect(cocaHa('BOL')).toBeGreaterThan(13_000);
    expect(cocaHa('BOL')).toBeLessThan(17_000);
  });

  it('has US and European demand of the published order (tonnes pure per year)', () => {
    expect(demandTonnes(['USA'])).toBeGreaterThanOrEqual(250);
    expect(demandTonnes(['USA'])).toBeLessThanOrEqual(300);
    expect(demandTonnes(europe)).toBeGreaterThanOrEqual(120);
    expect(demandTonnes(europe)).toBeLessThanOrEqual(160);
  });

  it('lets every producer country reach every market in at most four legs', () => {
    const producers = [...new Set(s.regions.map((r) => r.country))];
    const far = producers.flatMap((p) => s.markets.filter((m) => legs(s, p, m.country) > 4).map((m) => `${p}->${m.country}`));
    expect(far).toEqual([]);
  });

  it('gives every country a route and every market a higher price than the farmgate cost', () => {
    const used = new Set(s.routes.flatMap((r) => [r.from, r.to]));
    expect(s.countries.filter((c) => !used.has(c.id)).map((c) => c.id)).toEqual([]);
    const maxCost = Math.max(...s.regions.map((r) => r.productionCostUsdPerKg));
    for (const m of s.markets) expect(m.wholesalePriceUsdPerKg).toBeGreaterThan(10 * maxCost);
  });
});

describe('library scenarios', () => {
  const baseline = parse('baseline.json');
  const world = (s: Scenario) => ({
    start: s.start, end: s.end, ticksPerYear: s.ticksPerYear, burnInYears: s.burnInYears, seed: s.seed,
    countries: s.countries, regions: s.regions, routes: s.routes, markets: s.markets, traffickers: s.traffickers, behaviour: s.behaviour,
  });

  it.each(LIBRARY.map((e) => e.file))('%s is the baseline world plus documented levers', (file) => {
    const s = parse(`${file}.json`);
    expect(world(s)).toEqual(world(baseline));
    expect(s.policies.length).toBeGreaterThan(0);
    expect(s.description).toContain('What it represents');
    expect(s.description).toContain('What it shows');
    expect(s.sources.length).toBeGreaterThan(baseline.sources.length);
  });

  it('colombia-2000s funds Colombia with about half a billion dollars a year', () => {
    const s = parse('colombia-2000s.json');
    const aid2003 = sum(s.policies.filter((p) => p.lever === 'capacityFunding' && p.recipient === 'COL' && p.start <= '2003-01' && (p.end ?? s.end) >= '2003-01').map((p) => ('budgetUsdPerYear' in p ? p.budgetUsdPerYear : 0)));
    expect(aid2003).toBeGreaterThanOrEqual(400e6);
    expect(aid2003).toBeLessThanOrEqual(700e6);
  });

  it('capacity-funding spends the same on aid as colombia-2000s in every year', () => {
    const aid = (file: string, month: string): number => {
      const s = parse(file);
      return sum(s.policies.filter((p) => p.lever === 'capacityFunding' && p.start <= month && (p.end ?? s.end) >= month).map((p) => ('budgetUsdPerYear' in p ? p.budgetUsdPerYear : 0)));
    };
    for (const month of ['2000-06', '2003-01', '2008-01', '2015-12']) expect(aid('capacity-funding.json', month)).toBe(aid('colombia-2000s.json', month));
    expect(aid('capacity-funding.json', '2003-01')).toBeGreaterThan(0);
  });

  it('asset-seizure and its companions spend the same money per country', () => {
    const spend = (file: string) => parse(file).policies.map((p) => [('country' in p ? p.country : ''), ('budgetUsdPerYear' in p ? p.budgetUsdPerYear : 0), p.start]);
    const levers = (file: string) => new Set(parse(file).policies.map((p) => p.lever));
    expect(spend('high-value-targeting.json')).toEqual(spend('asset-seizure.json'));
    expect(spend('interdiction-same-budget.json')).toEqual(spend('asset-seizure.json'));
    expect([...levers('asset-seizure.json'), ...levers('high-value-targeting.json'), ...levers('interdiction-same-budget.json')]).toEqual(['assetSeizure', 'highValueTargeting', 'interdiction']);
  });
});
