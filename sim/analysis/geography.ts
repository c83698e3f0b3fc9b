/**
 * Country groups used by the stylised facts (ISO 3166-1 alpha-3). A scenario's
 * countries are matched against these lists; countries not listed belong to none.
 */

/** Europe (EU, EFTA, UK and the rest of geographic Europe). */
export const EUROPE = new Set([
  'ALB', 'AND', 'AUT', 'BEL', 'BGR', 'BIH', 'BLR', 'CHE', 'CYP', 'CZE', 'DEU', 'DNK', 'ESP', 'EST', 'FIN', 'FRA', 'GBR', 'GRC',
  'HRV', 'HUN', 'IRL', 'ISL', 'ITA', 'LIE', 'LTU', 'LUX', 'LVA', 'MCO', 'MDA', 'MKD', 'MLT', 'MNE', 'NLD', 'NOR', 'POL', 'PRT',
  'ROU', 'SMR', 'SRB', 'SVK', 'SVN', 'SWE', 'UKR', 'XKX',
]);

/** West Africa (ECOWAS members, Mauritania and Cabo Verde). */
export const WEST_AFRICA = new Set(['BEN', 'BFA', 'CIV', 'CPV', 'GHA', 'GIN', 'GMB', 'GNB', 'LBR', 'MLI', 'MRT', 'NER', 'NGA', 'SEN', 'SLE', 'TGO']);
