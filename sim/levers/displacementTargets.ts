/**
 * The displacement targets levers share (docs/specification.md §5): coca cultivation in a
 * country or region against the other producers, flow into a transit country against the
 * other transit countries, flow on a route against the other routes leaving its origin.
 */
import type { DisplacementSpec, ScenarioView } from './types';

/** The id a route gets when it has none: FROM-TO-mode. */
export function routeId(route: ScenarioView['routes'][number]): string {
  return route.id ?? `${route.from}-${route.to}-${route.mode}`;
}

export function producerCountries(scenario: ScenarioView): string[] {
  return [...new Set(scenario.regions.map((r) => r.country))];
}

export function cultivationTarget(scenario: ScenarioView, country: string, region: string | undefined): DisplacementSpec {
  if (region) {
    const others = scenario.regions.map((r) => r.id).filter((id) => id !== region);
    return { measure: 'cultivationHa', kind: 'region', target: [region], elsewhere: others, description: `coca cultivation in region ${region} vs the other regions` };
  }
  const others = producerCountries(scenario).filter((c) => c !== country);
  return { measure: 'cultivationHa', kind: 'country', target: [country], elsewhere: others, description: `coca cultivation in ${country} vs the other producer countries` };
}

export function transitTarget(scenario: ScenarioView, country: string): DisplacementSpec {
  const into = (c: string) => scenario.routes.filter((r) => r.to === c && r.from !== country).map(routeId);
  const transit = scenario.countries.filter((c) => c.id !== country && c.roles.includes('transit')).map((c) => c.id);
  return {
    measure: 'flowKg',
    kind: 'route',
    target: scenario.routes.filter((r) => r.to === country).map(routeId),
    elsewhere: transit.flatMap(into),
    description: `flow into ${country} vs flow into the other transit countries`,
  };
}

/**
 * What more police in a country displaces: a producer's police eradicates and holds territory (its cultivation
 * is the target); a transit country's interdicts (flow into it); elsewhere nothing is measured.
 */
export function policeTarget(scenario: ScenarioView, country: string): DisplacementSpec | null {
  if (producerCountries(scenario).includes(country)) return cultivationTarget(scenario, country, undefined);
  if (scenario.countries.find((c) => c.id === country)?.roles.includes('transit')) return transitTarget(scenario, country);
  return null;
}

export function routeTarget(scenario: ScenarioView, route: string): DisplacementSpec {
  const leg = scenario.routes.find((r) => routeId(r) === route);
  const from = leg?.from;
  return {
    measure: 'flowKg',
    kind: 'route',
    target: [route],
    elsewhere: scenario.routes.filter((r) => r.from === from && routeId(r) !== route).map(routeId),
    description: `flow on route ${route} vs the other routes leaving ${from ?? '?'}`,
  };
}
