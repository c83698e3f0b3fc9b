/**
 * The scenario library: each entry is the baseline world (scenarios/baseline.json)
 * plus a name, a description, its own sources and a list of policy levers.
 * scripts/make-scenarios.ts writes one scenarios/<file>.json per entry, so the
 * world of every library scenario stays identical to the baseline and runs on the
 * same seeds are paired comparisons. Edit the levers here, never in the JSON.
 *
 * Budgets are nominal USD per year; the orders of magnitude and their sources are
 * listed in docs/data-sources.md ("Policy budgets").
 */
import type { ScenarioInput } from '../sim/scenario/schema';

export type PolicyInput = NonNullable<ScenarioInput['policies']>[number];

export interface LibraryEntry {
  /** File name in scenarios/, without .json. */
  file: string;
  name: string;
  description: string;
  sources: string[];
  policies: PolicyInput[];
}

const M = 1e6;

// ---------------------------------------------------------------- Plan Colombia
/** US aid to Colombia: about $0.5bn a year 2000-2007, tapering afterwards. */
const planColombiaAid: PolicyInput[] = [
  { lever: 'capacityFunding', donor: 'USA', recipient: 'COL', budgetUsdPerYear: 550 * M, start: '2000-07', end: '2007-12', label: 'Plan Colombia: training, equipment, helicopters' },
  { lever: 'capacityFunding', donor: 'USA', recipient: 'COL', budgetUsdPerYear: 350 * M, start: '2008-01', end: '2015-12', label: 'Plan Colombia follow-on (tapering aid)' },
];

/**
 * Colombia's own budget against drugs, eradication, interdiction and alternative development under Plan Colombia.
 * Colombia pledged about $4bn of the plan's $7.5bn for 2000-2002 (US State Department 2001), and a third of the
 * plan was for fighting the drug trade: about $430M a year, kept while Colombia took over ("nationalised") the
 * programmes US aid had paid for as that aid tapered (GAO-09-71).
 */
const planColombiaDomestic: PolicyInput[] = [
  { lever: 'policeBudget', country: 'COL', budgetUsdPerYear: 430 * M, start: '2000-07', end: '2015-12', label: "Colombia's own share of Plan Colombia against drugs" },
  { lever: 'eradication', country: 'COL', region: 'COL-putumayo-caqueta', budgetUsdPerYear: 60 * M, start: '2000-12', end: '2002-12', label: 'Push into southern Colombia (Putumayo spraying)' },
  { lever: 'eradication', country: 'COL', budgetUsdPerYear: 200 * M, start: '2001-01', end: '2008-12', label: 'Aerial spraying and manual eradication' },
  { lever: 'eradication', country: 'COL', budgetUsdPerYear: 120 * M, start: '2009-01', end: '2015-09', label: 'Eradication after the peak (spraying stopped October 2015)' },
  { lever: 'interdiction', country: 'COL', budgetUsdPerYear: 100 * M, start: '2000-07', end: '2015-12', label: 'Navy, air force and police interdiction' },
  { lever: 'alternativeDevelopment', country: 'COL', budgetUsdPerYear: 50 * M, start: '2001-01', end: '2015-12', label: 'USAID and government alternative development' },
];

const planColombiaSources = [
  'US GAO (2008), Plan Colombia: Drug Reduction Goals Were Not Fully Met, GAO-09-71 (US aid about $6bn 2000-2008, spraying and interdiction)',
  'US Department of State, Bureau of Western Hemisphere Affairs (2001), Is Plan Colombia a Colombian Plan? Fact sheet, 20 February 2001 (Colombia to pay about $4bn of the plan\'s $7.5bn; a third of the plan for fighting the drug trade)',
  'Congressional Research Service, Veillette, C. (2005) Plan Colombia: A Progress Report, RL32774; Beittel, J. (2015) Colombia: Background and U.S. Relations, R43813',
  'Mejía, D. and Restrepo, P. (2016), The economics of the war on illegal drug production and trafficking, Journal of Economic Behavior & Organization 126 (cost of eradication per ha, effect of Plan Colombia)',
  'UNODC Colombia, Peru and Bolivia coca cultivation surveys 2001-2015 (the outcomes to compare with: Colombia 160 000 ha in 2000 to 48 000 ha in 2012; Peru 43 000 to 60 000 ha; Bolivia 15 000 to 25 000 ha)',
];

// ------------------------------------------------------- Caribbean pressure 2003-
const caribbeanPressure: PolicyInput[] = [
  { lever: 'interdiction', country: 'USA', route: 'COL-USA-sea', budgetUsdPerYear: 150 * M, start: '2003-01', label: 'JIATF-South maritime patrols, western Caribbean' },
  { lever: 'interdiction', country: 'USA', route: 'DOM-USA-sea', budgetUsdPerYear: 100 * M, start: '2003-01', label: 'Coast Guard, Mona Passage and Puerto Rico' },
  { lever: 'interdiction', country: 'USA', route: 'DOM-USA-air', budgetUsdPerYear: 50 * M, start: '2003-01', label: 'Airport and air-courier controls from Hispaniola' },
  { lever: 'interdiction', country: 'USA', route: 'JAM-USA-air', budgetUsdPerYear: 50 * M, start: '2003-01', label: 'Airport and air-courier controls from Jamaica' },
  { lever: 'interdiction', country: 'DOM', budgetUsdPerYear: 20 * M, start: '2003-01', label: 'Dominican interdiction (DNCD)' },
  { lever: 'interdiction', country: 'JAM', budgetUsdPerYear: 15 * M, start: '2003-01', label: 'Jamaican interdiction (JCF narcotics division)' },
  { lever: 'capacityFunding', donor: 'USA', recipient: 'DOM', budgetUsdPerYear: 30 * M, start: '2003-01', label: 'US support to Dominican counter-narcotics' },
  { lever: 'capacityFunding', donor: 'USA', recipient: 'JAM', budgetUsdPerYear: 20 * M, start: '2003-01', label: 'US support to Jamaican counter-narcotics' },
  { lever: 'interdiction', country: 'GBR', route: 'JAM-GBR-air', budgetUsdPerYear: 20 * M, start: '2002-06', label: 'Operation Airbridge (UK and Jamaica, air couriers)' },
  { lever: 'interdiction', country: 'NLD', route: 'DOM-NLD-sea', budgetUsdPerYear: 20 * M, start: '2004-01', label: 'Dutch 100% checks on Caribbean arrivals' },
  { lever: 'interdiction', country: 'ESP', route: 'VEN-ESP-sea', budgetUsdPerYear: 30 * M, start: '2003-01', label: 'Spanish customs and Guardia Civil against Caribbean vessels (SIVE coastal radar)' },
  { lever: 'interdiction', country: 'ESP', route: 'DOM-ESP-air', budgetUsdPerYear: 10 * M, start: '2003-01', label: 'Madrid-Barajas controls on Caribbean flights' },
  { lever: 'intelligenceSharing', countries: ['USA', 'COL', 'DOM', 'JAM'], budgetUsdPerYear: 20 * M, start: '2003-01', label: 'Caribbean liaison and JIATF-South information sharing' },
];

// ------------------------------------------------------ proceeds, people, routes
/** The same money per country, spent on one of three ways of going after organisations. */
const organisationBudgets: { country: string; usd: number }[] = [
  { country: 'USA', usd: 300 * M },
  { country: 'COL', usd: 60 * M },
  { country: 'MEX', usd: 60 * M },
  { country: 'ESP', usd: 40 * M },
  { country: 'GBR', usd: 40 * M },
  { country: 'NLD', usd: 30 * M },
];
const byOrganisationBudget = (lever: 'assetSeizure' | 'highValueTargeting' | 'interdiction', label: string): PolicyInput[] =>
  organisationBudgets.map(({ country, usd }) => ({ lever, country, budgetUsdPerYear: usd, start: '2005-01', label }));

const proceedsSources = [
  'UNODC (2011), Estimating illicit financial flows resulting from drug trafficking and other transnational organized crimes (less than 1% of proceeds seized)',
  'Europol (2016), Does crime still pay? Criminal asset recovery in the EU 2010-2014 (about 1.1% of criminal proceeds confiscated)',
  'US Department of Justice, Assets Forfeiture Fund annual reports 2005-2015 (forfeiture program costs and receipts)',
  'Calderón, G., Robles, G., Díaz-Cayeros, A. and Magaloni, B. (2015), The beheading of criminal organizations and the dynamics of violence in Mexico, Journal of Conflict Resolution 59(8)',
  'Phillips, B. J. (2015), How does leadership decapitation affect violence? The case of drug trafficking organizations in Mexico, Journal of Politics 77(2)',
];

export const LIBRARY: LibraryEntry[] = [
  {
    file: 'colombia-2000s',
    name: 'Colombia in the 2000s: Plan Colombia',
    description:
      'What it represents: the baseline world of 2000 with the levers of Plan Colombia from mid-2000 to 2015. The United States funds the Colombian police and military (capacity funding of $550M a year 2000-2007, tapering to $350M a year 2008-2015), Colombia adds its own share to its police and military budget against drugs ($430M a year, a third of its $4bn pledge for 2000-2002, kept as it took over US-funded programmes), eradicates coca ($200M a year 2001-2008, first concentrated on Putumayo, $120M a year afterwards until spraying stopped in October 2015), interdicts on its routes ($100M a year) and funds alternative development ($50M a year). '
      + 'What it shows: compare with baseline.json on the same seeds (balloon compare scenarios/baseline.json scenarios/colombia-2000s.json). The stylised facts to look for (docs/specification.md §7) are that Colombian cultivation falls while Peru and Bolivia rise (partial displacement: the world total falls by less than Colombia), that US consumption falls while European consumption rises (organisations follow dollar prices, and the baseline world carries the rise of the euro and the pound against the dollar, a public macro series), and that part of the flow to Europe moves through West Africa. None of these is an input: the levers only spend money on police budgets, eradication, interdiction and capability; the outcomes come from growers\', organisations\' and police decisions. '
      + 'The world (countries, regions, routes, markets, organisations) is copied from baseline.json by scripts/make-scenarios.ts.',
    sources: planColombiaSources,
    policies: [...planColombiaAid, ...planColombiaDomestic],
  },
  {
    file: 'capacity-funding',
    name: 'Capacity funding spread over weak states',
    description:
      'What it represents: the same Plan Colombia levers and the same total capacity funding as colombia-2000s ($550M a year 2000-2007, $350M a year afterwards), but the North funds police capacity in the weak producer and transit states as well as Colombia: from mid-2000 the United States gives Colombia $250M a year, Peru $150M and Bolivia $80M, and European donors fund West Africa (Spain and France in Guinea-Bissau, the United Kingdom in Ghana, the Netherlands in Nigeria, $70M a year together); from 2008 every grant is scaled down in proportion. '
      + 'What it shows: compare with colombia-2000s.json on the same seeds: the same money, spread rather than concentrated. Funding the places production and traffic would move to should lower the displacement index of the Colombian crackdown (fewer safe havens) at the price of less capability gained in Colombia itself; how much depends on each recipient\'s governance, which limits how much capability aid can buy. In this model (20 seeds, 2015 against colombia-2000s): spreading the aid leaves 7 % less coca in the world (Peru and Bolivia 38-39 % less, Colombia 43 % more), with world production about the same over the run (+0.4 %) and more of it reaching consumers (northern consumption +9 %): under the concentrated plan cultivation moves to Peru and Bolivia faster than organisations\' purchases there grow, and about 0.95 Mt more of the harvest spoils unsold over the run (docs/model.md section 10). '
      + 'The world is copied from baseline.json by scripts/make-scenarios.ts.',
    sources: [
      ...planColombiaSources,
      'US Department of State, INCSR 2001-2015 (US counter-narcotics assistance to Peru and Bolivia, tens of millions to about $150M a year)',
      'UNODC (2008), Drug Trafficking as a Security Threat in West Africa; ECOWAS Regional Action Plan 2008-2011 and the West Africa Coast Initiative (European and UN funding of West African law enforcement)',
    ],
    policies: [
      ...spreadAid('2000-07', '2007-12', 1),
      ...spreadAid('2008-01', '2015-12', 350 / 550),
      ...planColombiaDomestic,
    ],
  },
  {
    file: 'enforcement-vs-prevention',
    name: 'United States moves drug budget from enforcement to prevention',
    description:
      'What it represents: the baseline world in which, from January 2005, the United States spends 45% of its cocaine-related drug budget on prevention instead of about 27% (the baseline split of $4.0bn enforcement and $1.5bn prevention a year). The total does not change: the lever adds no money, it moves about $1bn a year from interdiction and investigation to demand reduction (the tables count that $1bn as the lever\'s spending, so their per-million figures are per dollar moved). '
      + 'What it shows: compare with baseline.json on the same seeds. Prevention reaches young people and lowers their initiation after a lag of three years; weaker US enforcement lowers the risk on routes into the US at once, so US wholesale prices fall (which raises initiation and keeps heavy users using) and flows into the US shift back towards the cheaper, riskier legs. In this model the price fall wins over the horizon: against the baseline, US consumption is about 5.5 % higher in 2005-2015 and both light and heavy users rise (northern consumption about +18 t a year, higher at every one of 20 seeds; docs/model.md section 6). The comparison measures that trade-off, and whether the trade moves to Europe. '
      + 'The world is copied from baseline.json by scripts/make-scenarios.ts.',
    sources: [
      'ONDCP, National Drug Control Strategy: FY 2006 Budget Summary (supply-reduction and demand-reduction shares of the federal drug budget)',
      'Caulkins, J. P., Rydell, C. P., Everingham, S. S., Chiesa, J. and Bushway, S. (1999), An Ounce of Prevention, a Pound of Uncertainty: The Cost-Effectiveness of School-Based Drug Prevention Programs, RAND MR-923',
      'Rydell, C. P. and Everingham, S. S. (1994), Controlling Cocaine: Supply Versus Demand Programs, RAND MR-331',
    ],
    policies: [{ lever: 'enforcementVsPrevention', country: 'USA', preventionShare: 0.45, start: '2005-01', label: 'Prevention share of the US drug budget raised from 27% to 45%' }],
  },
  {
    file: 'west-africa-route',
    name: 'Pressure on the Caribbean and the West African route to Europe',
    description:
      'What it represents: the baseline world with the interdiction push on Caribbean routes of the early 2000s: from 2003 the United States interdicts on the direct Colombia-US sea lane and on the legs from the Dominican Republic and Jamaica ($350M a year together), Dominican and Jamaican police interdict with US support ($35M a year plus $50M a year of capacity funding), the UK runs Operation Airbridge on Jamaican air couriers from mid-2002 and the Netherlands checks Caribbean arrivals from 2004 ($20M a year each), Spain watches the Caribbean sea lane from Venezuela and flights from the Dominican Republic from 2003 ($40M a year), and the US, Colombia, the Dominican Republic and Jamaica share intelligence ($20M a year). '
      + 'What it shows: compare with baseline.json on the same seeds. Organisations that lose loads in the Caribbean learn that those legs are riskier and move flow to other paths: towards Mexico and Central America for the US, and for Europe through Venezuela and Brazil to Guinea-Bissau, Ghana and Nigeria (in reality West African flows rose from a few tonnes around 2000 to an estimated 40-50 t in 2007). The route balloon is measured by flowKg on the West African routes and the Caribbean legs. '
      + 'The world is copied from baseline.json by scripts/make-scenarios.ts.',
    sources: [
      'UNODC (2007), Cocaine Trafficking in West Africa: the threat to stability and development; UNODC (2008), Drug Trafficking as a Security Threat in West Africa',
      'UNODC and World Bank (2007), Crime, Violence and Development: Trends, Costs and Policy Options in the Caribbean, ch. 2 (Caribbean share of US-bound cocaine falling from the 1980s)',
      'UK Home Office / HM Customs and Excise, Operation Airbridge (2002-) reports on Jamaican cocaine couriers',
      'US ONDCP (2002-2006), Interagency Assessment of Cocaine Movement (shares of US-bound flow through the Caribbean and Mexico-Central America corridors)',
    ],
    policies: caribbeanPressure,
  },
  {
    file: 'intelligence-sharing',
    name: 'Intelligence sharing along the Central American corridor',
    description:
      'What it represents: the baseline world in which, from January 2003, Colombia, Panama, Guatemala, Honduras, Mexico and the United States share intelligence on the Pacific and Central American corridor ($40M a year of liaison officers, joint centres and information systems). No extra interdiction money is spent: sharing makes the partners\' existing interdiction more efficient on the routes between them, as trust grows; the partners\' corruption erodes trust. '
      + 'What it shows: compare with baseline.json on the same seeds. Seizures on the corridor legs (COL-PAN, PAN-GTM, GTM-MEX, HND-MEX, MEX-USA...) should rise and flow should move to legs outside the partnership (the Caribbean, Ecuador and Peru to Mexico by sea, Venezuela to Honduras by air), so intelligence sharing displaces as well as seizes; corruption in Guatemala and Honduras limits how much trust is built. '
      + 'The world is copied from baseline.json by scripts/make-scenarios.ts.',
    sources: [
      'US Southern Command, Joint Interagency Task Force South (JIATF-South) fact sheets (liaison officers from partner nations, share of maritime seizures cued by intelligence)',
      'Munsing, E. and Lamb, C. J. (2011), Joint Interagency Task Force-South: The Best Known, Least Understood Interagency Success, National Defense University, Strategic Perspectives 5',
      'Central American Regional Security Initiative (CARSI) and Mérida Initiative budget summaries, US Department of State (2008-2015)',
    ],
    policies: [{ lever: 'intelligenceSharing', countries: ['COL', 'PAN', 'GTM', 'HND', 'MEX', 'USA'], budgetUsdPerYear: 40 * M, start: '2003-01', label: 'Corridor intelligence sharing (JIATF-South style)' }],
  },
  {
    file: 'asset-seizure',
    name: 'Going after proceeds: asset seizure',
    description:
      'What it represents: the baseline world in which, from January 2005, six countries fund financial investigations that confiscate trafficking organisations\' capital: the United States $300M a year, Colombia and Mexico $60M each, Spain and the United Kingdom $40M each and the Netherlands $30M ($530M a year in all). '
      + 'What it shows: compare with baseline.json, and with high-value-targeting.json and interdiction-same-budget.json, which spend exactly the same money per country and year on arresting leaders and on interdiction instead. Confiscation shrinks organisations\' capital and so the volume they can buy and ship, without the splits that leader arrests cause; the comparison reports consumption, organisation counts, capital and the violence index for each way of spending the money. '
      + 'The world is copied from baseline.json by scripts/make-scenarios.ts.',
    sources: proceedsSources,
    policies: byOrganisationBudget('assetSeizure', 'Financial investigation and confiscation'),
  },
  {
    file: 'high-value-targeting',
    name: 'Going after people: high-value targeting',
    description:
      'What it represents: the companion of asset-seizure.json: the same $530M a year from January 2005 in the same six countries (United States $300M, Colombia and Mexico $60M each, Spain and the United Kingdom $40M each, the Netherlands $30M), spent on arresting the leaders of trafficking organisations ("kingpin strategy"). '
      + 'What it shows: compare with asset-seizure.json and baseline.json on the same seeds. Leader arrests fragment organisations into several smaller ones or hand their trade to rivals, so the number of organisations and the violence index in their home countries should rise (as after the Mexican kingpin arrests of 2006-2012), while the effect on consumption can be small. '
      + 'The world is copied from baseline.json by scripts/make-scenarios.ts.',
    sources: proceedsSources,
    policies: byOrganisationBudget('highValueTargeting', 'Kingpin strategy: arrests of organisation leaders'),
  },
  {
    file: 'interdiction-same-budget',
    name: 'Going after loads: interdiction with the same budget',
    description:
      'What it represents: the second companion of asset-seizure.json: the same $530M a year from January 2005 in the same six countries, spent on interdiction on all the routes through each country (weighted by the flow each police observes). '
      + 'What it shows: compare with asset-seizure.json and high-value-targeting.json on the same seeds: which use of the same money lowers northern consumption most, which moves flows to other routes (displacement), and which raises violence. '
      + 'The world is copied from baseline.json by scripts/make-scenarios.ts.',
    sources: [
      'Reuter, P. and Kleiman, M. (1986), Risks and Prices: an economic analysis of drug enforcement, Crime and Justice 7',
      'Caulkins, J. P., Crawford, G. and Reuter, P. (1993), Simulation of adaptive response: a model of drug interdiction, Mathematical and Computer Modelling 17(2)',
    ],
    policies: byOrganisationBudget('interdiction', 'Interdiction on all routes through the country'),
  },
];

/**
 * Capacity funding spread over Colombia, Peru, Bolivia and West Africa: the same
 * total as Plan Colombia's aid ($550M a year), scaled by `scale` after 2007.
 */
function spreadAid(start: string, end: string, scale: number): PolicyInput[] {
  const grants: [string, string, number][] = [
    ['USA', 'COL', 250],
    ['USA', 'PER', 150],
    ['USA', 'BOL', 80],
    ['ESP', 'GNB', 25],
    ['FRA', 'GNB', 10],
    ['GBR', 'GHA', 20],
    ['NLD', 'NGA', 15],
  ];
  return grants.map(([donor, recipient, millions]) => ({
    lever: 'capacityFunding' as const,
    donor,
    recipient,
    budgetUsdPerYear: Math.round(millions * scale) * M,
    start,
    end,
    label: `Capacity funding ${donor} to ${recipient}`,
  }));
}
