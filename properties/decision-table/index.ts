/** The decision table: the oracle (table.ts), its random inputs, the world an input describes, and the property. */
export { decisionInputArb } from './inputs';
export { checkDecisionTable, DECISION_PROPERTY_NAME, rowLabel } from './property';
export { decide, DECISION_TABLE } from './table';
