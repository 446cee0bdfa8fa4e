import { ASSUMPTION_IDS, FACT_IDS } from './assumptions';
import { RULE_IDS } from './rules';

/** The prefixes of the catalogue's IDs (REC, OWN, ..., ASM, FACT), read from the catalogue itself. */
const ID_PATTERN = new RegExp(`\\b(?:${[...new Set([...RULE_IDS, ...ASSUMPTION_IDS, ...FACT_IDS].map((id) => id.split('-')[0]))].join('|')})-\\d{2}\\b`, 'g');

/** Rule-like IDs in a name or tag list: REC-01, ASM-03, FACT-06... */
export function idsIn(text: string): string[] {
  return [...text.matchAll(ID_PATTERN)].map((m) => m[0]);
}
