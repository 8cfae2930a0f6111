import type { Mailer } from '../mailer';
import type { SftpTarget } from '../sftp';

const refuse = (what: string) => {
  throw new Error(`the API process has no ${what}: documents are sent by sendDocumentWorkflow on a worker`);
};

/**
 * The outgoing channels of a process that never sends (the REST API): it archives documents and
 * starts their send workflow, which runs on a worker. Using one of these is a wiring error.
 */
export const noChannelsInApi: { mailer: Mailer; collectionSftp: SftpTarget; printDropDir: string } = {
  mailer: { send: async () => refuse('mail server'), close: () => undefined },
  collectionSftp: { host: 'none', port: 0, username: 'none', baseDir: '/' },
  printDropDir: '',
};
