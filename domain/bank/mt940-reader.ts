import type { Fail, ReadBankFile } from './read-statement';
export function readMt940(text: string, fail: Fail): ReadBankFile { return fail('file', 'MT940 is not read yet'); }
