import type { Capability } from '../platform/capability.js';
import { meetingsMigrations } from './migrations.js';
import { meetingRoutes } from './routes.js';
import './schema.js';

export * from './schema.js';

export const meetings: Capability = {
  name: 'meetings',
  migrations: meetingsMigrations,
  routes: meetingRoutes,
  nav: [{ text: 'Meetings', href: '/meetings', permission: 'meetings:read', order: 20 }],
};
export { canSeeConfidential, confidentialBodiesFor } from './policy.js';
/** Meetings, agenda items, papers (without content), attendance and declarations, for other capabilities. */
export * as meetingQueries from './queries.js';
/** The numbered agenda as a viewer may see it (confidential items hidden from those outside the body). */
export { agendaTree, flatten as flattenAgenda, EXEMPTION_PARAGRAPHS, KIND_LABELS as AGENDA_KIND_LABELS, type AgendaItemView, type Viewer } from './agenda.js';
/** Domain commands; `setMeetingStatus(tx, actor, meetingId, from[], to)` is the minutes capability's way to move a meeting on. */
export {
  setMeetingStatus,
  createMeeting,
  editMeeting,
  cancelMeeting,
  publishAgenda,
  markHeld,
  addItem,
  addForwardPlanItem,
  addPaper,
  recordAttendance,
  addDeclaration,
  MeetingInputError,
  MeetingConflictError,
  STANDARD_ITEMS,
} from './service.js';
export * as meetingsService from './service.js';
export { STATUS_LABELS as MEETING_STATUS_LABELS, ATTENDANCE_LABELS, DECLARATION_LABELS, formatLong as formatMeetingDate } from './routes.js';
export { attendanceStatistics, bodyAttendanceStatistics, type MemberAttendance } from './stats.js';
export { detectPaperKind, contentDisposition } from './papers.js';
