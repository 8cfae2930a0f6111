/** Copies the fields that have a value, so optional model fields are absent rather than undefined. */
export function assignDefined<T extends object>(target: T, fields: Partial<T>): T {
  for (const key of Object.keys(fields) as (keyof T)[]) if (fields[key] !== undefined) target[key] = fields[key] as T[keyof T];
  return target;
}
