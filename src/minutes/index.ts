import type { Capability } from '../platform/capability.js';
import { minutesDemo } from './demo.js';
import { minutesRoutes } from './routes.js';

export * as minutesService from './service.js';
export { presentMinutes, type PresentedMinutes, type PresentedItem } from './presenters.js';
export { findMeeting as findMeetingForMinutes } from './queries.js';

/** Minutes per agenda item, numbered resolutions, publication and approval of the previous minutes. */
export const minutes: Capability = {
  name: 'minutes',
  routes: minutesRoutes,
  nav: [],
  demo: minutesDemo,
};
