import { z } from 'zod';
import { durationMs } from './duration';

/** A policy duration as the schema checks it: positive and readable by `durationMs`. */
export const durationSchema = z.string().refine((v) => {
  try {
    return durationMs(v) > 0;
  } catch {
    return false;
  }
}, 'a positive duration such as "14 days", "36h" or "5s"');
