/**
 * RAG of a figure against its target, in one pure function.
 *
 *   higher is better:  value ≥ target → green;  value ≥ target − tolerance → amber;  else red
 *   lower is better:   value ≤ target → green;  value ≤ target + tolerance → amber;  else red
 *   no polarity, no value or no target → no RAG
 */
export const POLARITIES = ['higher', 'lower', 'none'] as const;
export type Polarity = (typeof POLARITIES)[number];
export type Rag = 'red' | 'amber' | 'green';

export function ragFor(value: number | null, target: number | null, tolerance: number | null, polarity: Polarity): Rag | null {
  if (polarity === 'none' || value === null || target === null || !Number.isFinite(value) || !Number.isFinite(target)) return null;
  const tol = tolerance ?? 0;
  if (polarity === 'higher') {
    if (value >= target) return 'green';
    return value >= target - tol ? 'amber' : 'red';
  }
  if (value <= target) return 'green';
  return value <= target + tol ? 'amber' : 'red';
}

/** Words first (RAG is never shown by colour alone), and the GOV.UK tag colour. */
export const RAG_DISPLAY: Record<Rag, { text: string; tagClass: string }> = {
  green: { text: 'Green: on or better than target', tagClass: 'govuk-tag--green' },
  amber: { text: 'Amber: within tolerance of target', tagClass: 'govuk-tag--yellow' },
  red: { text: 'Red: outside tolerance of target', tagClass: 'govuk-tag--red' },
};
