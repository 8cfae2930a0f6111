import { z } from 'zod';
import { SplitStages } from '../../domain/splitting/split-rules';
import { LevyRuleSpecs } from '../../domain/splitting/levy-rules';

export { LevyRecipientInput } from '../../domain/splitting/levy-recipient';
export const SplitRulesBody = z.object({ stages: SplitStages }).strict();
export const LevyRulesBody = z.object({ levies: LevyRuleSpecs }).strict();
