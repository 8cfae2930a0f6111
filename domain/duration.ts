import ms, { type StringValue } from 'ms';

/**
 * A policy duration ("14 days", "36h", "5s") in milliseconds. Pure and free of the policy schema,
 * so workflows can use it without bundling zod.
 */
export function durationMs(d: string): number {
  const millis = ms(d as StringValue);
  if (millis == null || Number.isNaN(millis)) throw new TypeError(`Invalid duration string: '${d}'`);
  return millis;
}
