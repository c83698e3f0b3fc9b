/**
 * Users in states, per consumer market (docs/model.md §6): non-users, light users, heavy users and
 * heavy users in treatment, with yearly flows as in RAND's cocaine demand model (Everingham and
 * Rydell 1994): initiation into light use, escalation light → heavy, de-escalation heavy → light,
 * quitting from each state. Heavy users consume `heavyConsumptionRatio` times what light users do.
 *
 * Prices act on initiation (`initiationPriceElasticity`) and on heavy users' quitting
 * (`heavyQuitPriceElasticity`); the market's demand elasticity acts on every user's consumption
 * (markets.ts). Treatment buys episodes at `treatmentCostUsdPerEpisode`: a heavy user in treatment
 * uses `treatmentUseCut` less, and at the end of the episode quits with probability
 * `treatmentQuitShare` or relapses to heavy use. Prevention spending beyond the country's budget at
 * the start reaches young people at `preventionCostUsdPerPerson` (at most a year's cohort); after `preventionLagMonths` their
 * initiation (`preventionCohortRisk` times the average) is `preventionInitiationCut` lower for
 * `preventionEffectYears`.
 *
 * The initial state is a steady state: escalation and initiation are calibrated (`calibrateUsers`)
 * so that every flow balances at the initial users, heavy share and prices, with nothing in treatment.
 * Flows move people between states and never create or lose any: non-users are the population less
 * the users.
 */
import type { World } from './world';
import type { MarketState, WorldState } from './state';
import { exp, pow } from '../math/detmath';
import { ticksOfMonths } from './time';

/** Grams in a kilogram (markets.ts prices a gram with it too). */
export const GRAMS_PER_KG = 1000;

/** Grams a year a light and a heavy user of market m consume at the reference price (their mean is the data's grams per user). */
export function gramsPerYear(world: World, m: number): { light: number; heavy: number } {
  const h = world.markets.heavyShare0[m];
  const ratio = world.behaviour.markets.heavyConsumptionRatio;
  const light = world.markets.gramsPerUserPerYear[m] / (1 - h + h * ratio);
  return { light, heavy: light * ratio };
}

/** Consumption at the reference price, kg a tick, of light users and of heavy users (those in treatment included). */
export function referenceDemandByType(world: World, ms: MarketState, m: number): { light: number; heavy: number } {
  const g = gramsPerYear(world, m);
  const cut = world.behaviour.markets.treatmentUseCut;
  const scale = 1 / GRAMS_PER_KG / world.ticksPerYear;
  return {
    light: ms.lightUsers[m] * g.light * scale,
    heavy: (ms.heavyUsers[m] + ms.treatedUsers[m] * (1 - cut)) * g.heavy * scale,
  };
}

/** Yearly quitting rates of light and heavy users of market m at the reference price: their mean over the initial users is the data's quit rate. */
export function quitRates(world: World, m: number): { light: number; heavy: number } {
  const h = world.markets.heavyShare0[m];
  const ratio = world.behaviour.markets.heavyQuitRatio;
  const light = world.markets.quitRate[m] / (1 - h + h * ratio);
  return { light, heavy: light * ratio };
}

/** Ticks from reaching a person to the first effect, and ticks the effect lasts (at least 1). */
export function preventionTicks(world: World): { lag: number; effect: number } {
  const b = world.behaviour.markets;
  const tpy = world.ticksPerYear;
  return {
    lag: Math.max(0, Math.round(ticksOfMonths(b.preventionLagMonths, tpy))),
    effect: Math.max(1, Math.round(b.preventionEffectYears * tpy)),
  };
}

/** Initial users by state and the calibrated escalation and initiation rates: every flow balances at the start. */
export function calibrateUsers(world: World, state: WorldState): void {
  const { markets, countries } = world;
  const ms = state.markets;
  const d = world.behaviour.markets.deEscalationPerYear;
  for (let m = 0; m < markets.n; m++) {
    const users = markets.users0[m];
    const heavy = users * markets.heavyShare0[m];
    const light = users - heavy;
    ms.lightUsers[m] = light;
    ms.heavyUsers[m] = heavy;
    ms.treatedUsers[m] = 0;
    ms.users[m] = users;
    const q = quitRates(world, m);
    // Heavy users: escalation x light = (de-escalation + quitting) x heavy.
    ms.escalation0[m] = light > 0 ? ((d + q.heavy) * heavy) / light : 0;
    // All users: initiation x non-users = quitting of light and heavy users.
    const nonUsers = Math.max(1, countries.population[markets.country[m]] - users);
    ms.initiation0[m] = (q.light * light + q.heavy * heavy) / nonUsers;
  }
}

/** Flows of one market over a tick, in people (what `stepUsers` applies; exposed for tests). */
export interface UserFlows {
  initiation: number;
  escalation: number;
  deEscalation: number; // heavy (not in treatment) → light
  quitLight: number;
  quitHeavy: number;
  intoTreatment: number;
  relapse: number; // treatment → heavy at the end of an episode
  quitAfterTreatment: number; // treatment → non-users at the end of an episode
  quitInTreatment: number; // usual quitting of heavy users while in treatment
  deEscalationInTreatment: number; // treatment → light
}

/**
 * The flows of market m over a tick, given the retail price relative to its reference, the
 * treatment money (USD a year) and the people prevention currently protects (may be negative when
 * prevention is below its initial budget).
 */
export function userFlows(world: World, ms: MarketState, m: number, relativePrice: number, treatmentUsd: number, protectedPeople: number): UserFlows {
  const b = world.behaviour.markets;
  const dt = 1 / world.ticksPerYear;
  const population = world.countries.population[world.markets.country[m]];
  const light = ms.lightUsers[m];
  const heavy = ms.heavyUsers[m];
  const treated = ms.treatedUsers[m];
  const nonUsers = Math.max(0, population - light - heavy - treated);
  const q = quitRates(world, m);
  const initiationRate = ms.initiation0[m] * pow(relativePrice, b.initiationPriceElasticity);
  // Prevention: the protected initiate at preventionCohortRisk times the average rate, preventionInitiationCut less.
  const shielded = Math.max(-nonUsers, Math.min(nonUsers, protectedPeople * b.preventionCohortRisk * b.preventionInitiationCut));
  const initiation = share(initiationRate * dt) * Math.max(0, nonUsers - shielded);
  const heavyQuit = q.heavy * pow(relativePrice, b.heavyQuitPriceElasticity);
  const d = b.deEscalationPerYear;
  // Light users: escalation and quitting compete (shares of the stock, never more than all of it).
  const [escalation, quitLight] = split(light, dt, ms.escalation0[m], q.light);
  // Heavy users: usual de-escalation and quitting first; treatment takes in those who stay, saturating (at most all of them).
  const [deEscalation, quitHeavy] = split(heavy, dt, d, heavyQuit);
  const staying = Math.max(0, heavy - deEscalation - quitHeavy);
  const episodes = treatmentUsd / b.treatmentCostUsdPerEpisode;
  const intoTreatment = staying > 0 && episodes > 0 ? staying * (1 - exp(-(episodes * dt) / staying)) : 0;
  // In treatment: episodes end after treatmentMonths (quit or relapse); usual quitting and de-escalation go on.
  const episodeYears = Math.max(b.treatmentMonths / 12, dt);
  const [ended, quitInTreatment, deEscalationInTreatment] = split(treated, dt, 1 / episodeYears, heavyQuit, d);
  const quitAfterTreatment = ended * b.treatmentQuitShare;
  return { initiation, escalation, deEscalation, quitLight, quitHeavy, intoTreatment, relapse: ended - quitAfterTreatment, quitAfterTreatment, quitInTreatment, deEscalationInTreatment };
}

/** Share of a stock that a yearly rate moves in a tick, linear (so the initial state is an exact steady state), at most all of it. */
function share(amount: number): number {
  return Math.min(1, amount);
}

/** Outflows of `stock` over a tick at the given yearly rates: linear, scaled down together if they would take more than the stock. */
function split(stock: number, dt: number, ...rates: number[]): number[] {
  let total = 0;
  for (const r of rates) total += r * dt;
  const scale = total > 1 ? 1 / total : 1;
  return rates.map((r) => Math.max(0, stock) * r * dt * scale);
}

/** Apply a tick's flows to market m. */
export function applyFlows(ms: MarketState, m: number, f: UserFlows): void {
  ms.lightUsers[m] += f.initiation - f.escalation - f.quitLight + f.deEscalation + f.deEscalationInTreatment;
  ms.heavyUsers[m] += f.escalation - f.deEscalation - f.quitHeavy - f.intoTreatment + f.relapse;
  ms.treatedUsers[m] += f.intoTreatment - f.relapse - f.quitAfterTreatment - f.quitInTreatment - f.deEscalationInTreatment;
  if (ms.lightUsers[m] < 0) ms.lightUsers[m] = 0;
  if (ms.heavyUsers[m] < 0) ms.heavyUsers[m] = 0;
  if (ms.treatedUsers[m] < 0) ms.treatedUsers[m] = 0;
  ms.users[m] = ms.lightUsers[m] + ms.heavyUsers[m] + ms.treatedUsers[m];
}

/**
 * People a year that `extraUsd` a year of prevention (beyond the initial budget) reaches in country c:
 * `extra / preventionCostUsdPerPerson`, saturating at one year's cohort of young people
 * (population x preventionCohortShare); below the initial budget, as many fewer (at most a cohort).
 */
export function reachedPerYear(world: World, c: number, extraUsd: number): number {
  const b = world.behaviour.markets;
  const cohort = world.countries.population[c] * b.preventionCohortShare;
  const people = extraUsd / b.preventionCostUsdPerPerson;
  if (!(cohort > 0)) return 0;
  return people >= 0 ? cohort * (1 - exp(-people / cohort)) : Math.max(-cohort, people);
}

/**
 * People prevention protects in market m this tick: what was reached `lag` to `lag + effect - 1`
 * ticks ago. Records this tick's reach first (people, negative below the initial budget).
 */
export function protectedByPrevention(world: World, state: WorldState, m: number): number {
  const ms = state.markets;
  const c = world.markets.country[m];
  const { lag, effect } = preventionTicks(world);
  const ring = lag + effect;
  const extraUsd = state.police.preventionUsd[c] - world.countries.preventionBudgetUsd[c];
  const reached = reachedPerYear(world, c, extraUsd) / world.ticksPerYear;
  const t = state.tick;
  ms.preventionReached[m * ring + (t % ring)] = reached;
  let sum = 0;
  for (let k = lag; k < ring; k++) {
    if (t - k < 0) break;
    sum += ms.preventionReached[m * ring + ((t - k) % ring)];
  }
  return sum;
}

/** One tick of every market's users (after sales, at the new prices). */
export function stepUsers(world: World, state: WorldState, referencePrice: (m: number) => number): void {
  const ms = state.markets;
  for (let m = 0; m < world.markets.n; m++) {
    const c = world.markets.country[m];
    const relativePrice = ms.wholesalePrice[m] / referencePrice(m);
    const flows = userFlows(world, ms, m, relativePrice, state.police.treatmentUsd[c], protectedByPrevention(world, state, m));
    applyFlows(ms, m, flows);
  }
}
