import { z } from 'zod';
import { ChartSettings } from '../../domain/datev/chart';

/** Request shapes of the accounting routes (OpenAPI generated from them). */

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date (yyyy-mm-dd)').refine((d) => !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().startsWith(d), 'a real calendar day');

/** The chart: SKR03 or SKR04 and account numbers overriding its defaults, per internal account. */
export const ChartBody = ChartSettings;

/** The period to export, both days included. */
export const DatevExportBody = z.strictObject({ from: day.describe('first day of the period'), to: day.describe('last day of the period') });
