/** The performance dashboard's routes, for the capability's index. */
export { dashboardRoutes } from './routes.js';
