import fs from 'node:fs';
import { withGdprExport } from '../services/persons/gdpr-export';

/**
 * `claimflow gdpr export PERSON_ID [--pdf FILE]` against DATABASE_URL: everything held about the
 * person (Art. 15 GDPR) as JSON on stdout, or as the PDF letter into FILE; audited as a read by
 * CLAIMFLOW_ACTOR (default "cli"). Exit 0: exported; 1: no such person.
 */
export async function gdprCommand(personId: string, pdfFile: string | undefined, out: (line: string) => void): Promise<number> {
  const actor = process.env.CLAIMFLOW_ACTOR || 'cli';
  return withGdprExport(process.env.DATABASE_URL, async (exports) => {
    try {
      if (!pdfFile) out(JSON.stringify(await exports.exportJson(personId, actor), null, 2));
      else {
        fs.writeFileSync(pdfFile, (await exports.exportPdf(personId, actor)).pdf);
        out(`wrote the Art. 15 export of person ${personId} to ${pdfFile}`);
      }
      return 0;
    } catch (e) {
      out((e as Error).message);
      return 1;
    }
  });
}
