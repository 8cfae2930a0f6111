import type { Fail, ReadBankFile } from './read-statement';
export function readOfx(text: string, fail: Fail): ReadBankFile { return fail('file', 'OFX is not read yet'); }
