import type * as workflows from '../../workflows';

/** Every workflow of the bundle, by its exported name (a type-only import: no workflow code here). */
export type Workflows = typeof workflows;

/** A workflow type's name, checked by the compiler against what workflows/index.ts exports. */
export type WorkflowType = keyof Workflows;
