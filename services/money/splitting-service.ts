import type { ServiceDeps } from '../service-deps';
import { doesNotExist, Refusal } from '../../domain/refusal';
import { LevyRuleSpecs, type LevyRuleSpec } from '../../domain/splitting/levy-rules';
import type { LevyRecipientInput } from '../../domain/splitting/levy-recipient';
import { SplitStages } from '../../domain/splitting/split-rules';
import * as config from '../../persistence/money/split-config';

/**
 * Staff's configuration of splitting and levies: a submitting client's split rules, a client's
 * levies and the levy recipients. Every change is audited; rules naming an unknown client or
 * recipient are refused. Rules apply to claims split from then on (a claim's split is stored).
 */
export function createSplittingService({ db }: Pick<ServiceDeps, 'db'>) {
  async function client(clientId: string) {
    if ((await config.unknownClients(db, [clientId])).length > 0) throw doesNotExist(`client ${clientId}`);
  }
  return {
    async splitRules(clientId: string) {
      await client(clientId);
      return { clientId, stages: SplitStages.parse(await config.splitStagesOf(db, clientId)) };
    },

    async saveSplitRules(clientId: string, stages: SplitStages, actor: string) {
      await client(clientId);
      const named = [...new Set(stages.flatMap((s) => ('clientId' in s.to ? [s.to.clientId] : [])))];
      const unknown = await config.unknownClients(db, named);
      if (unknown.length > 0) throw new Refusal('unprocessable', 'unknown_client', `split rules of client ${clientId} name clients that do not exist: ${unknown.join(', ')}`);
      await db.$transaction((tx) => config.saveSplitStages(tx, clientId, stages, actor));
      return { clientId, stages };
    },

    async levyRules(clientId: string) {
      await client(clientId);
      return { clientId, levies: LevyRuleSpecs.parse(await config.levyRulesOfClient(db, clientId)) };
    },

    async saveLevyRules(clientId: string, levies: LevyRuleSpec[], actor: string) {
      await client(clientId);
      const unknown = await config.unknownRecipients(db, [...new Set(levies.map((l) => l.recipientId))]);
      if (unknown.length > 0) throw new Refusal('unprocessable', 'unknown_levy_recipient', `levies of client ${clientId} name levy recipients that do not exist: ${unknown.join(', ')}`);
      await db.$transaction((tx) => config.saveLevyRules(tx, clientId, levies, actor));
      return { clientId, levies };
    },

    levyRecipients: () => config.levyRecipients(db),

    createLevyRecipient: (input: LevyRecipientInput, actor: string) => db.$transaction((tx) => config.createLevyRecipient(tx, input, actor)),
  };
}
