/**
 * Behavioural parameters: how agents decide and how institutions respond.
 * Every default is documented in docs/model.md with where its number comes
 * from and whether it was calibrated. A scenario may override any of them.
 */
import { z } from 'zod';

const num = (min: number, max: number, value: number, description: string) =>
  z.number().min(min).max(max).default(value).describe(description);

export const growerBehaviourSchema = z.strictObject({
  seasonMonths: num(1, 24, 3, 'Months between a grower\'s planting decisions (growers are staggered)'),
  incomeSensitivity: num(0, 20, 2.3399, 'Change in the logit utility of coca per unit change in the log of revenue over cost plus licit income'),
  choiceNoise: num(0, 10, 0.6, 'Scale of the logistic taste shock in each grower\'s choice'),
  costHeterogeneity: num(0, 2, 0.35, 'Log-sd of growers\' individual production cost multipliers'),
  plantRatePerSeason: num(0, 1, 0.16407, 'Share of the gap to the desired coca area planted per season'),
  abandonRatePerSeason: num(0, 1, 0.27044, 'Share of the gap abandoned per season when coca is less attractive'),
  maturityMonths: num(0, 60, 12, 'Months before newly planted coca yields'),
  intensificationMax: num(0, 10, 1, 'Largest relative rise in output per mature ha that growers reach under eradication of their whole crop every year (denser planting, more harvests, inputs)'),
  yieldPriceElasticity: num(0, 5, 0.38893, 'Elasticity of output per mature ha with respect to the expected farmgate price (the intensive margin: inputs, weeding, more harvests), at most x2 or /2'),
  intensificationMonths: num(1, 240, 24, 'Months over which growers\' intensification follows the eradication pressure they face'),
  priceMemoryMonths: num(0.5, 120, 8.9527, 'Averaging time of the farmgate price growers expect'),
  eradicationMemory: num(0, 1, 0.3, 'Weight of the latest season in a grower\'s belief about eradication losses'),
  sanctionUsdPerHa: num(0, 1e6, 28274, 'Expected fines, bribes and arrest costs per ha and year under full police presence'),
  stockLossPerMonth: num(0, 1, 0.05, 'Share of unsold farmgate stock (paste/base) that spoils each month'),
  farmgatePriceAdjustment: num(0, 1, 0.3, 'Share of the gap to the inventory-implied farmgate price closed each month'),
  stockTargetMonths: num(0.1, 24, 2, 'Months of harvest that regional stocks (paste and base waiting for buyers) hold at the start'),
  shortagePriceResponse: num(0, 10, 0.34677, 'Elasticity of the farmgate price with respect to buyers\' planned purchases over the harvest (relative to the start)'),
  netbackPassThrough: num(0, 4, 0.02102, 'Share of a change in the origin\'s netback (what a kilo there is worth to buyers: the best path\'s value at the hurdle return) that moves its farmgate reference price (1: prices add up along the chain)'),
  sourceScarcityResponse: num(0, 10, 5.8515, 'Elasticity of every farmgate price with respect to scarcity at the source as a whole: consumers\' demand at reference prices over the world harvest, relative to the first tick (0: each region\'s price answers only its own buyers)'),
  initialFarmgatePriceUsdPerKg: num(1, 1e6, 1200, 'Farmgate price of a kg of cocaine equivalent at the start of the burn-in'),
  altDevMaxBoost: num(0, 10, 1, 'Largest relative rise in licit income that alternative development can bring'),
  altDevUsdPerHaHalf: num(1, 1e7, 1000, 'Alternative-development stock per cultivable ha that brings half the largest rise'),
  altDevDecayPerYear: num(0, 1, 0.1, 'Share of the alternative-development stock (roads, markets, extension) lost per year'),
});

export const traffickerBehaviourSchema = z.strictObject({
  riskAversion: num(0, 10, 1, 'Weight on the sanction cost of seized loads in route choice'),
  sanctionUsdPerKgSeized: num(0, 1e7, 5000, 'Least cost to an organisation per kg seized beyond the drug (arrests, prison, lost people); per market it is calibrated upwards so initial prices are an equilibrium'),
  choiceTemperature: num(0.01, 10, 0.15, 'Softness of path choice (relative margin that changes weights by e)'),
  bufferMonths: num(0, 24, 1, 'Months of shipments an organisation holds at the origin when the farmgate price is as expected (more when cheaper)'),
  hurdleReturn: num(0, 10, 0.4, 'Return per trip below which an organisation ships less'),
  volumeResponse: num(0.01, 10, 0.3, 'Softness of the volume decision around the hurdle'),
  growthPerMonth: num(0, 1, 0.03, 'Monthly growth of organisational capacity when returns beat the hurdle'),
  workingCapitalMonths: num(0.1, 60, 4, 'Months of purchases and transport an organisation keeps as capital; the rest is paid out'),
  beliefLearning: num(0, 1, 0.1, 'Weight of own observations in the believed seizure risk of a route'),
  rumourWeight: num(0, 1, 0.05, 'Weight of public seizure news about a route in the believed risk'),
  beliefDecay: num(0, 1, 0.1, 'Monthly pull of unused routes\' believed risk back towards the public prior'),
  explorationPerMonth: num(0, 1, 0.04, 'Base monthly probability of trying to open a new route'),
  explorationLossBoost: num(0, 100, 4, 'How much recent losses raise the probability of exploring'),
  explorationCostUsd: num(0, 1e9, 250000, 'Cost of opening a new route (contacts, logistics)'),
  routeMemoryMonths: num(0, 1200, 36, 'Months an organisation keeps a route it does not use (its contacts go stale); 0: routes are never forgotten'),
  newRouteRiskPremium: num(0, 1, 0.1, 'Extra believed risk on a newly explored route'),
  bribeShareOfValue: num(0, 1, 0.04, 'Bribes per kg passing a fully corrupt country, as a share of its wholesale value there'),
  bribeEfficacy: num(0, 1, 0.7, 'Share of the seizure risk a bribe removes in a fully corrupt country'),
  loadKg: num(1, 100000, 400, 'Typical load size; each load is seized or not as a unit'),
  maxLoadsPerShipment: z.number().int().min(1).max(64).default(6).describe('Most loads a single path shipment is split into (a whole number)'),
  lossPerLeg: num(0, 1, 0.01, 'Share of a load lost per leg to accidents and jettisoning'),
  fragmentationProbability: num(0, 1, 0.6, 'Probability that a leader\'s arrest splits the organisation rather than dissolving it'),
  exitCapitalUsd: num(0, 1e9, 20000, 'Capital below which an organisation with no stock folds'),
  minViableLoadsPerMonth: num(0, 100, 0.25, 'Capacity, in loads a month, below which an organisation folds (minimum viable scale: without it organisations multiply without end in a market of constant size)'),
  entryPerMonth: num(0, 10, 0.05, 'Monthly rate of new organisations entering a market at a 100% margin'),
  priceAdjustment: num(0, 1, 0.3, 'Share of the gap to the market-clearing wholesale price closed each month'),
  priceMemoryMonths: num(0.5, 120, 3, 'Averaging time of the wholesale prices organisations plan with'),
});

export const policeBehaviourSchema = z.strictObject({
  capabilityHalfStockUsd: num(1, 1e12, 400e6, 'Training-and-equipment stock that closes half the gap to full capability'),
  capabilityDecayPerYear: num(0, 1, 0.25, 'Share of the training-and-equipment stock lost per year without funding'),
  operationalShareOfAid: num(0, 1, 0.5, 'Share of capacity funding spent on operations now rather than on capability'),
  corruptionWaste: num(0, 1, 0.6, 'Share of effort wasted by a fully corrupt agency'),
  interdictionUsdPerHazard: num(1, 1e12, 3e8, 'Effective interdiction spend on a leg, per year, per unit of seizure hazard at low effort (returns diminish)'),
  eradicationUsdPerHa: num(1, 1e7, 2500, 'Cost of spraying (or manually eradicating) one ha of coca in an accessible region, doubled at full remoteness (Mejía 2016: about US$2,400 per ha sprayed)'),
  eradicationKillShare: num(0, 1, 0.035567, 'Share of the coca on an eradicated ha that dies (the rest survives: leaves washed, stems cut back and regrown, plots missed); fitted to the causal evidence on spraying (docs/calibration.md)'),
  maxEradicationSharePerMonth: num(0, 1, 0.15, 'Most of a region\'s coca that can be eradicated in a month'),
  presenceUsdPerHa: num(1, 1e7, 554.51, 'The police\'s own field effort (capacity given to the coca regions) per ha of reachable land and year at which their presence there is 63% of full'),
  arrestHazardPerUsd: num(0, 1, 5e-9, 'Leader arrests per year per effective USD of investigation, shared among organisations by their share of the country\'s traffic'),
  assetHazardPerUsd: num(0, 1, 2e-9, 'Yearly confiscation hazard on capital per effective USD of financial investigation, weighted by traffic share'),
  adaptationRate: num(0, 1, 0.05, 'Monthly speed at which an adaptive agency shifts effort to where it sees results'),
  bribeCorruptionGain: num(0, 100, 2, 'Rise in corruption per unit of bribes received relative to GDP'),
  corruptionReversion: num(0, 1, 0.05, 'Yearly pull of corruption back towards its scenario level'),
  trustGainPerYear: num(0, 5, 0.5, 'Growth of trust between intelligence-sharing partners per year'),
  trustCorruptionLoss: num(0, 5, 1, 'Loss of trust per year per unit of partners\' mean corruption'),
  intelligenceBonus: num(0, 10, 1, 'Extra interdiction efficiency on shared routes at full trust'),
  intelligenceUsdHalf: num(1, 1e12, 20e6, 'Liaison budget per year at which intelligence sharing reaches half its potential'),
});

export const marketBehaviourSchema = z.strictObject({
  // --- Users in states, treatment and prevention (issue 21; sim/model/users.ts, docs/model.md §6) ---
  initiationPriceElasticity: num(-5, 0, -0.5, 'Elasticity of initiation with respect to the retail price'),
  heavyConsumptionRatio: num(1, 50, 7.25, 'Grams a heavy user consumes per gram a light user consumes (Everingham and Rydell 1994)'),
  heavyQuitRatio: num(0, 1, 0.38, 'Yearly quitting rate of heavy users relative to light users (Everingham and Rydell 1994: 0.062 against 0.163)'),
  deEscalationPerYear: num(0, 1, 0.05, 'Share of heavy users who return to light use each year'),
  heavyQuitPriceElasticity: num(0, 5, 0.5, 'Elasticity of heavy users\' quitting rate with respect to the retail price (higher prices, more quit)'),
  treatmentCostUsdPerEpisode: num(1, 1e6, 2000, 'Cost of one treatment episode of a heavy user, USD'),
  treatmentMonths: num(0.1, 60, 3, 'Months a treatment episode lasts'),
  treatmentUseCut: num(0, 1, 0.8, 'Share of a heavy user\'s consumption cut while in treatment'),
  treatmentQuitShare: num(0, 1, 0.13, 'Share of treated heavy users who quit at the end of an episode (the rest relapse to heavy use)'),
  preventionCostUsdPerPerson: num(1, 1e5, 150, 'Prevention spending per young person reached (a school-based programme), USD'),
  preventionCohortShare: num(0, 0.1, 0.014, 'Share of the population in one year of age: prevention reaches at most this many people a year (returns diminish as it nears them all)'),
  preventionLagMonths: num(0, 240, 36, 'Months from reaching a young person to the ages at which initiation starts'),
  preventionEffectYears: num(0.1, 60, 8, 'Years a reached person\'s initiation stays lowered'),
  preventionInitiationCut: num(0, 1, 0.1, 'Share by which prevention lowers the initiation of the people it reaches'),
  preventionCohortRisk: num(0, 50, 4, 'Initiation rate of the young people prevention reaches, relative to the average non-user'),
  // --- end of users block ---
  offerSharePerMonth: num(0, 1, 0.8, 'Share of an organisation\'s stock in a market offered each month'),
  stockTargetMonths: num(0, 24, 3, 'Months of demand a market\'s stock usually covers; the wholesale price follows the cover (0: the price clears what is offered each month instead, the rule before December 2026)'),
  stockPriceElasticity: num(0.1, 20, 6, 'How strongly the wholesale price answers the stock cover: price ∝ cover^(-1/this)'),
  costPassThrough: num(0, 4, 0.41901, 'Share of a change in the cost of delivering a kilo (farmgate price, transport, bribes, risk compensation at the hurdle return) that moves the wholesale reference price (1: prices add up along the chain)'),
  maxPriceStepPerMonth: num(0.001, 2, 0.3, 'Largest change of the log wholesale price in a month (0.3: about +35 % or -26 %)'),
});

export const violenceBehaviourSchema = z.strictObject({
  fragmentationWeight: num(0, 1000, 10, 'Violence per organisation split'),
  arrestWeight: num(0, 1000, 2, 'Violence per leader arrest'),
  competitionWeight: num(0, 1000, 1, 'Violence per extra effective competitor based in the country'),
  decayPerMonth: num(0, 1, 0.1, 'Share of the violence index that fades each month'),
});

export const behaviourSchema = z.strictObject({
  growers: growerBehaviourSchema.default(growerBehaviourSchema.parse({})),
  traffickers: traffickerBehaviourSchema.default(traffickerBehaviourSchema.parse({})),
  police: policeBehaviourSchema.default(policeBehaviourSchema.parse({})),
  markets: marketBehaviourSchema.default(marketBehaviourSchema.parse({})),
  violence: violenceBehaviourSchema.default(violenceBehaviourSchema.parse({})),
});

export type Behaviour = z.output<typeof behaviourSchema>;
