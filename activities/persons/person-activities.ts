import type { Services } from '../../services';

/** The scheduled retention sweep: an adapter over the persons service. */
export function createPersonActivities(services: Services) {
  return {
    sweepRetention: () => services.persons.sweepRetention(),
  };
}

export type PersonActivities = ReturnType<typeof createPersonActivities>;
