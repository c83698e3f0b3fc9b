/** The outcomes compared across scenarios: world totals and the north/south split. */
import type { MeasureView } from '../data/plotRows';

export interface CompareSpec {
  id: string;
  title: string;
  unit: string;
  view: MeasureView;
}

const flow = { annualRate: true, smooth: 12 } as const;

export const COMPARE_CHARTS: CompareSpec[] = [
  { id: 'cmp-cultivation', title: 'Coca cultivation', unit: 'thousand hectares', view: { measure: 'cultivationHa', kind: 'world', scale: 1e-3 } },
  { id: 'cmp-production', title: 'Production', unit: 'tonnes per year', view: { measure: 'producedKg', kind: 'world', scale: 1e-3, ...flow } },
  { id: 'cmp-consumption', title: 'Consumption', unit: 'tonnes per year', view: { measure: 'consumedKg', kind: 'world', scale: 1e-3, ...flow } },
  { id: 'cmp-seizures', title: 'Seizures', unit: 'tonnes per year', view: { measure: 'seizedKg', kind: 'world', scale: 1e-3, ...flow } },
  { id: 'cmp-violence', title: 'Violence (sum over countries)', unit: 'violence index', view: { measure: 'violenceIndex', kind: 'world', scale: 1 } },
  { id: 'cmp-organisations', title: 'Trafficking organisations', unit: 'organisations', view: { measure: 'traffickerCount', kind: 'world', scale: 1 } },
  { id: 'cmp-revenue', title: 'Trafficker revenue', unit: 'million USD per year', view: { measure: 'traffickerRevenueUsd', kind: 'world', scale: 1e-6, ...flow } },
  { id: 'cmp-spend', title: 'Spending on policy levers', unit: 'million USD per year', view: { measure: 'spendUsd', kind: 'world', scale: 1e-6, annualRate: true } },
];
