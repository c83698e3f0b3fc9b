/**
 * The charts of one scenario's results: which measure, which entities, which unit.
 * Flows are shown as annual rates (12-month moving averages); stocks as recorded.
 */
import type { MeasureView } from '../data/plotRows';

export interface ChartSpec {
  id: string;
  title: string;
  unit: string;
  mark: 'area' | 'line';
  /** Colour series as countries/markets (fixed palette) or by rank (routes, policies). */
  colors: 'country' | 'rank';
  view: MeasureView;
  /** Logarithmic y axis (values spanning orders of magnitude). */
  log?: boolean;
  /** Shown when the measure has no non-zero series (e.g. no policy levers). */
  emptyNote?: string;
  /** One line per country with its change at the line's end, and the no-policy twin dashed behind. */
  perCountry?: boolean;
}

/** Monthly flows and prices swing with shipments; a centred 12-month mean shows the trend. */
const flow = { annualRate: true, smooth: 12 } as const;
export const SMOOTH_NOTE = '12-month moving average';

export const RESULT_CHARTS: ChartSpec[] = [
  { id: 'cultivation', title: 'Coca cultivation by country', unit: 'thousand hectares', mark: 'line', colors: 'country', perCountry: true, view: { measure: 'cultivationHa', kind: 'country', scale: 1e-3 } },
  { id: 'production', title: 'Cocaine production by country', unit: 'tonnes per year', mark: 'line', colors: 'country', perCountry: true, view: { measure: 'productionKg', kind: 'country', scale: 1e-3, ...flow } },
  { id: 'consumption', title: 'Consumption by market', unit: 'tonnes per year', mark: 'line', colors: 'country', view: { measure: 'consumptionKg', kind: 'market', scale: 1e-3, ...flow } },
  { id: 'users-by-type', title: 'Users by type, all markets', unit: 'million people', mark: 'area', colors: 'rank', view: { measure: 'heavyUsers', kind: 'market', scale: 1e-6 } },
  { id: 'retail-price', title: 'Retail price by market', unit: 'USD per pure gram', mark: 'line', colors: 'country', view: { measure: 'retailPriceUsdPerGram', kind: 'market', scale: 1, smooth: 12 } },
  { id: 'seizures', title: 'Seizures by country (8 largest)', unit: 'tonnes per year', mark: 'line', colors: 'country', view: { measure: 'seizuresKg', kind: 'country', scale: 1e-3, top: 8, ...flow } },
  { id: 'route-flows', title: 'Flows on the 8 busiest routes', unit: 'tonnes per year', mark: 'line', colors: 'rank', view: { measure: 'flowKg', kind: 'route', scale: 1e-3, top: 8, ...flow } },
  { id: 'organisations', title: 'Trafficking organisations by home country', unit: 'organisations', mark: 'area', colors: 'country', view: { measure: 'traffickers', kind: 'country', scale: 1, top: 9, restAsOther: true } },
  { id: 'violence', title: 'Violence by country (8 highest)', unit: 'violence index', mark: 'line', colors: 'country', view: { measure: 'violenceIndex', kind: 'country', scale: 1, top: 8 } },
  { id: 'police-capacity', title: 'Effective police capacity (8 largest)', unit: 'million USD per year, log scale', mark: 'line', log: true, colors: 'country', view: { measure: 'policeCapacityUsd', kind: 'country', scale: 1e-6, top: 8 } },
  {
    id: 'policy-spend',
    title: 'Spending on policy levers',
    unit: 'million USD per year',
    mark: 'area',
    colors: 'rank',
    view: { measure: 'spendUsd', kind: 'policy', scale: 1e-6, annualRate: true },
    emptyNote: 'no policy levers in this scenario',
  },
];
