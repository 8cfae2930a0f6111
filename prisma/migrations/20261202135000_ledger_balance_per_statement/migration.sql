-- Hand-written: every statement that inserts postings leaves each ledger transaction it touches
-- balanced. Checked once per statement over the rows it inserted (a transition table) instead of a
-- deferred check per row: a bank statement's import inserts some 50,000 postings in one statement,
-- and 50,000 queries at commit were a tenth of its time. This holds because postings are
-- append-only and the ledger writes each transaction's postings in one statement (persistence/ledger.ts).
DROP TRIGGER "LedgerPosting_balanced" ON "LedgerPosting";
DROP FUNCTION ledger_check_balanced();

CREATE FUNCTION ledger_check_balanced() RETURNS trigger AS $$
DECLARE unbalanced RECORD;
BEGIN
  SELECT t."transactionId", SUM(p."amountCents") AS total INTO unbalanced
  FROM (SELECT DISTINCT "transactionId" FROM new_postings) t
  JOIN "LedgerPosting" p ON p."transactionId" = t."transactionId"
  GROUP BY t."transactionId"
  HAVING SUM(p."amountCents") <> 0
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'ledger transaction % does not balance: postings sum to % cents', unbalanced."transactionId", unbalanced.total;
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER "LedgerPosting_balanced"
  AFTER INSERT ON "LedgerPosting"
  REFERENCING NEW TABLE AS new_postings
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_check_balanced();
