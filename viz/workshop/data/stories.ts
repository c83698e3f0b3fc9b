/**
 * Guided stories: each step is a plan (lever rows) with a short annotation for the
 * charts and the map. A facilitator steps through with ← and →.
 */
import type { Scenario } from '../../../sim/scenario/schema';
import type { OutcomeId } from '../views/scatter';
import { baseShare, type LeverRow } from '../../../sim/workshop/plan';

export interface StoryStep {
  title: string;
  /** One or two sentences read out to the room. */
  text: string;
  rows: LeverRow[];
  /** A marker on every chart. */
  marker?: { year: number; text: string };
  /** Countries outlined and labelled on the map, and the map's year. */
  highlight?: string[];
  mapYear?: number;
  /** Outcomes on the scatter's axes for this step. */
  axes?: [OutcomeId, OutcomeId];
}

export interface Story {
  id: string;
  title: string;
  steps: StoryStep[];
}

const M = 1e6;

function colombia(): Story {
  const capacity: LeverRow = { slot: 0, kind: 'capacityFunding', donor: 'USA', country: 'COL', budgetUsdPerYear: 550 * M, start: '2000-07' };
  const eradication: LeverRow = { slot: 1, kind: 'eradication', country: 'COL', budgetUsdPerYear: 200 * M, start: '2001-01' };
  const interdiction: LeverRow = { slot: 2, kind: 'interdiction', country: 'COL', budgetUsdPerYear: 100 * M, start: '2000-07' };
  const all = [capacity, eradication, interdiction];
  return {
    id: 'colombia',
    title: 'The Colombia case',
    steps: [
      {
        title: 'Baseline: the world of 2000',
        text: 'No lever. Colombia grows most of the world\u2019s coca; Peru and Bolivia follow. Flows go north through the Caribbean and Central America.',
        rows: [],
        highlight: ['COL', 'PER', 'BOL'],
        mapYear: 2000,
        axes: ['costUsdBn', 'cultivationKha'],
      },
      {
        title: 'Plan Colombia: capacity funding',
        text: 'From mid-2000 the US funds Colombia\u2019s police with $550M a year: training, equipment, helicopters. Capability grows with a lag, and police presence in the coca regions makes coca costlier for growers. Watch Colombia, then Peru and Bolivia.',
        rows: [capacity],
        marker: { year: 2000.5, text: 'US funding of Colombia' },
        highlight: ['USA', 'COL'],
        mapYear: 2005,
        axes: ['costUsdBn', 'cultivationKha'],
      },
      {
        title: 'Eradication',
        text: '$200M a year of spraying and manual eradication in Colombia from 2001. The evidence finds spraying weak (a hectare sprayed removes a few hundredths of a hectare of coca), and so does the model: compare with the step before.',
        rows: [capacity, eradication],
        marker: { year: 2001, text: 'eradication from 2001' },
        highlight: ['COL'],
        mapYear: 2008,
        axes: ['costUsdBn', 'cultivationKha'],
      },
      {
        title: 'Interdiction',
        text: '$100M a year of navy, air force and police interdiction on the routes through Colombia. Loads leaving Colombia become riskier: traffickers ship a little less from Colombia and more from Peru and Bolivia, whose routes are open.',
        rows: all,
        marker: { year: 2000.5, text: 'interdiction from mid-2000' },
        highlight: ['COL', 'VEN', 'ECU'],
        mapYear: 2010,
        axes: ['costUsdBn', 'northConsumptionT'],
      },
      {
        title: 'What moved where',
        text: 'Where did it go? Watch Peru and Bolivia on the cultivation chart and the routes on the map. The displacement index says how much of the cut in Colombia reappeared in other producer countries.',
        rows: all,
        marker: { year: 2008, text: 'where did the coca go?' },
        highlight: ['PER', 'BOL', 'VEN', 'MEX'],
        mapYear: 2014,
        axes: ['cultivationKha', 'displacedKha'],
      },
    ],
  };
}

function prevention(scenario: Scenario): Story {
  const base = baseShare(scenario, 'USA');
  const share = (points: number): LeverRow => ({ slot: 0, kind: 'enforcementVsPrevention', country: 'USA', budgetUsdPerYear: 0, preventionShare: base + points / 100, start: '2005-01' });
  const extra: LeverRow = { slot: 1, kind: 'prevention', country: 'USA', budgetUsdPerYear: 500 * M, start: '2005-01' };
  const own = Math.round(base * 100);
  return {
    id: 'prevention',
    title: 'Enforcement versus prevention',
    steps: [
      {
        title: 'Baseline: the US drug budget',
        text: `The US spends ${own}% of its drug budget on prevention and the rest on enforcement.`,
        rows: [],
        highlight: ['USA'],
        axes: ['northConsumptionT', 'southViolence'],
      },
      {
        title: 'Move money to prevention',
        text: `From 2005 the US spends ${own + 18}% on prevention: no new money, about $1bn a year moves from enforcement.`,
        rows: [share(18)],
        marker: { year: 2005, text: `prevention ${own}% → ${own + 18}%` },
        highlight: ['USA'],
        mapYear: 2012,
        axes: ['northConsumptionT', 'southViolence'],
      },
      {
        title: 'Move more',
        text: `${own + 30}% on prevention. Prevention lowers young people's initiation years later; less enforcement lowers US prices at once, so more people start and fewer heavy users quit. In the model US consumption and heavy users rise: enforcement's price effect wins in these years. What happens to violence in the South?`,
        rows: [share(30)],
        marker: { year: 2005, text: `prevention ${own}% → ${own + 30}%` },
        highlight: ['USA', 'MEX'],
        mapYear: 2012,
        axes: ['northConsumptionT', 'southViolence'],
      },
      {
        title: 'Or add money instead',
        text: 'Keep enforcement as it was and add $500M a year of prevention. Compare the plans on the scatter: the frontier joins the plans that no other plan beats on both outcomes.',
        rows: [extra],
        marker: { year: 2005, text: '+$500M prevention' },
        highlight: ['USA'],
        mapYear: 2012,
        axes: ['northConsumptionT', 'costUsdBn'],
      },
    ],
  };
}

export function stories(scenario: Scenario): Story[] {
  return [colombia(), prevention(scenario)];
}
