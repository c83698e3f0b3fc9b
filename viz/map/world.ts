/**
 * The world map, bundled (world-atlas 110m, Natural Earth): country shapes by ISO
 * numeric code, and a label point per country on its largest polygon (so France
 * sits in Europe, not between Europe and French Guiana).
 */
import { geoArea, geoCentroid } from 'd3';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-110m.json';

export type CountryFeature = Feature<Geometry, { name: string }>;

let cache: CountryFeature[] | null = null;

export function worldCountries(): CountryFeature[] {
  if (!cache) {
    const topology = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    cache = (feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>).features;
  }
  return cache;
}

/** world-atlas ids are zero-padded ISO 3166-1 numeric codes ("076"). */
export function atlasId(isoNumeric: number): string {
  return String(isoNumeric).padStart(3, '0');
}

/** [lon, lat] of the largest polygon's centroid. */
export function anchorPoint(shape: CountryFeature): [number, number] {
  const geometry = shape.geometry;
  if (geometry.type !== 'MultiPolygon') return geoCentroid(shape);
  let best: Polygon | null = null;
  let bestArea = -1;
  for (const coordinates of (geometry as MultiPolygon).coordinates) {
    const polygon: Polygon = { type: 'Polygon', coordinates };
    const area = geoArea(polygon);
    if (area > bestArea) [best, bestArea] = [polygon, area];
  }
  return best ? geoCentroid(best) : geoCentroid(shape);
}
