/**
 * The Board's indicators 1–21 as the dashboard presents them: a plain-English title, the unit of the
 * headline figure, which direction is better, the measure shown on a tile (and the measure it is a
 * share of, for percentages), and the strategy priority it belongs to. Keys match the dashboard's
 * temporary copy (src/performance/dashboard/contract.ts) so nothing there changes when it switches.
 */
export type IndicatorUnit = 'count' | 'percent' | 'rate' | 'mean' | 'days';
export type Polarity = 'higher' | 'lower' | 'none';

export interface IndicatorDef {
  readonly number: number;
  readonly key: string;
  readonly title: string;
  readonly unit: IndicatorUnit;
  readonly polarity: Polarity;
  /** The exchange measure shown on a tile. */
  readonly headline: string;
  /** For a percentage (or mean): the exchange measure it is taken over. */
  readonly denominator?: string;
  /** Strategy priority slug. */
  readonly priority: string;
}

export const PRIORITY_SLUGS = [
  'prevention-edge-of-care', 'sufficient-stable-placements', 'voice-participation-influence',
  'education-employment-health-wellbeing', 'permanency-planning', 'maximising-resources',
] as const;

const EHW = 'education-employment-health-wellbeing';

export const INDICATORS: readonly IndicatorDef[] = [
  { number: 1, key: 'cla-31-march', title: 'Children looked after at 31 March', unit: 'count', polarity: 'none', headline: 'count', priority: 'prevention-edge-of-care' },
  { number: 2, key: 'cla-rate', title: 'Children looked after per 10,000 children', unit: 'rate', polarity: 'lower', headline: 'rate', priority: 'prevention-edge-of-care' },
  { number: 3, key: 'started', title: 'Children who started to be looked after in the year', unit: 'count', polarity: 'none', headline: 'count', priority: 'prevention-edge-of-care' },
  { number: 4, key: 'ceased', title: 'Children who stopped being looked after in the year', unit: 'count', polarity: 'none', headline: 'count', priority: 'permanency-planning' },
  { number: 5, key: 'looked-after-during-year', title: 'Children looked after at any time in the year', unit: 'count', polarity: 'none', headline: 'count', priority: 'prevention-edge-of-care' },
  { number: 6, key: 'three-placements', title: 'Children with three or more placements in the year', unit: 'percent', polarity: 'lower', headline: 'count', denominator: 'denominator', priority: 'sufficient-stable-placements' },
  { number: 7, key: 'long-term-stability', title: 'Children in care for 2½ years or more who have lived in the same placement for at least 2 years', unit: 'percent', polarity: 'higher', headline: 'count', denominator: 'denominator', priority: 'sufficient-stable-placements' },
  { number: 8, key: 'health-assessment', title: 'Health assessments up to date', unit: 'percent', polarity: 'higher', headline: 'count', denominator: 'denominator', priority: EHW },
  { number: 9, key: 'teeth-checked', title: 'Teeth checked by a dentist', unit: 'percent', polarity: 'higher', headline: 'count', denominator: 'denominator', priority: EHW },
  { number: 10, key: 'immunisations', title: 'Immunisations up to date', unit: 'percent', polarity: 'higher', headline: 'count', denominator: 'denominator', priority: EHW },
  { number: 11, key: 'development-checks', title: 'Development checks up to date (children under 5)', unit: 'percent', polarity: 'higher', headline: 'count', denominator: 'denominator', priority: EHW },
  { number: 12, key: 'sdq', title: 'Emotional and behavioural health: average strengths and difficulties score (ages 5 to 16)', unit: 'mean', polarity: 'lower', headline: 'mean', denominator: 'with_score', priority: EHW },
  { number: 13, key: 'convicted', title: 'Children aged 10 to 17 convicted or given a youth caution', unit: 'percent', polarity: 'lower', headline: 'count', denominator: 'denominator', priority: EHW },
  { number: 14, key: 'substance-misuse', title: 'Children identified as having a substance misuse problem', unit: 'percent', polarity: 'lower', headline: 'count', denominator: 'denominator', priority: EHW },
  { number: 15, key: 'distance', title: 'Children placed more than 20 miles from home', unit: 'count', polarity: 'lower', headline: 'over_20', priority: 'sufficient-stable-placements' },
  { number: 16, key: 'missing', title: 'Children who went missing from their placement', unit: 'count', polarity: 'lower', headline: 'missing_children', priority: 'sufficient-stable-placements' },
  { number: 17, key: 'care-leavers-eet', title: 'Care leavers aged 19 to 21 in education, employment or training', unit: 'percent', polarity: 'higher', headline: '19-21:count', denominator: '19-21:denominator', priority: EHW },
  { number: 18, key: 'care-leavers-accommodation', title: 'Care leavers aged 19 to 21 in suitable accommodation', unit: 'percent', polarity: 'higher', headline: '19-21:count', denominator: '19-21:denominator', priority: 'maximising-resources' },
  { number: 19, key: 'care-leavers-in-touch', title: 'Care leavers aged 19 to 21 the council is in touch with', unit: 'percent', polarity: 'higher', headline: '19-21:count', denominator: '19-21:denominator', priority: 'voice-participation-influence' },
  { number: 20, key: 'adoption', title: 'Children adopted', unit: 'count', polarity: 'higher', headline: 'adopted', priority: 'permanency-planning' },
  { number: 21, key: 'uasc', title: 'Unaccompanied asylum-seeking children looked after at 31 March', unit: 'count', polarity: 'none', headline: 'count', priority: 'maximising-resources' },
];
