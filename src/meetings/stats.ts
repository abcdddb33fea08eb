/**
 * Attendance statistics per member of a body. A meeting counts when it took place (cancelled
 * meetings never count); a member is expected at it when they were a member on its date.
 * Present includes attending as a substitute for another member.
 */
import * as q from './queries.js';

export interface MemberAttendance {
  personId: number;
  name: string;
  expected: number;
  present: number;
  apologies: number;
  absent: number;
  notRecorded: number;
  /** Present as a whole percentage of the meetings expected, or null when none were expected. */
  percentage: number | null;
}

export function attendanceStatistics(rows: { person_id: number; name: string; meeting_id: number; status: string | null }[]): MemberAttendance[] {
  const byPerson = new Map<number, { name: string; meetings: Map<number, string | null> }>();
  for (const r of rows) {
    const p = byPerson.get(r.person_id) ?? { name: r.name, meetings: new Map<number, string | null>() };
    // A person with two overlapping memberships is still expected once per meeting.
    if (!p.meetings.has(r.meeting_id) || p.meetings.get(r.meeting_id) === null) p.meetings.set(r.meeting_id, r.status);
    byPerson.set(r.person_id, p);
  }
  return [...byPerson.entries()]
    .map(([personId, p]) => {
      const statuses = [...p.meetings.values()];
      const count = (pred: (s: string | null) => boolean) => statuses.filter(pred).length;
      const expected = statuses.length;
      const present = count((s) => s === 'present' || s === 'substitute');
      return {
        personId,
        name: p.name,
        expected,
        present,
        apologies: count((s) => s === 'apologies'),
        absent: count((s) => s === 'absent'),
        notRecorded: count((s) => s === null || s === 'in-attendance'),
        percentage: expected ? Math.round((present / expected) * 100) : null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Attendance statistics of the members of a body, over its meetings that took place up to `today`. */
export async function bodyAttendanceStatistics(db: q.Db, bodyId: number, today: string): Promise<MemberAttendance[]> {
  return attendanceStatistics(await q.memberMeetingAttendance(db, bodyId, today));
}
