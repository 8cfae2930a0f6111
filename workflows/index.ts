// The worker's workflow bundle: every workflow type claimflow runs.
export { claimWorkflow } from './claim';
export { billingFileWorkflow } from './billing-file';
export { sendDocumentWorkflow, printRunWorkflow } from './send-document';
