import { Router } from 'express';
import { actorOf, ApiContext } from '../context';
import { parse } from '../errors';
import { CollectionAccountBody, PayoutAccountBody } from './account-schemas';

/** The centre's collection accounts and the clients' payout accounts. */
export function accountRoutes(ctx: ApiContext): Router {
  const r = Router();
  const accounts = ctx.services.accounts;

  r.get('/collection-accounts', async (_req, res) => {
    res.json({ accounts: await accounts.collectionAccounts() });
  });

  r.get('/collection-accounts/:accountId', async (req, res) => {
    res.json(await accounts.collectionAccount(req.params.accountId));
  });

  r.put('/collection-accounts/:accountId', async (req, res) => {
    const body = parse(CollectionAccountBody, req.body, 'body');
    const account = { id: req.params.accountId, ...body, bic: body.bic ?? null, bankName: body.bankName ?? null, clientId: body.clientId ?? null };
    const result = await accounts.saveCollectionAccount(account, actorOf(req));
    res.status(result.created ? 201 : 200).json(result.account);
  });

  r.put('/clients/:clientId/payout-account', async (req, res) => {
    const body = parse(PayoutAccountBody, req.body, 'body');
    res.json(await accounts.setPayoutAccount(req.params.clientId, { iban: body.iban, bic: body.bic ?? null, holder: body.holder ?? null }, actorOf(req)));
  });

  return r;
}
