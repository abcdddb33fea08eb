/** The public site: published agendas and minutes, for anyone, signed in or not. Never a confidential item. */
import type { FastifyInstance } from 'fastify';
import { findMeetingForMinutes, presentMinutes } from '../minutes/index.js';
import type { AppContext } from '../platform/capability.js';
import { formatDate, formatTime } from '../platform/views/nunjucks.js';
import * as q from './queries.js';

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function publicRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;

  app.get('/public', { config: { permission: 'public:read' } }, async (_request, reply) => {
    const meetings = await q.publishedMeetings(db);
    const bodies: { name: string; slug: string; meetings: { id: number; dateText: string; status: string; minutesPublished: boolean }[] }[] = [];
    for (const m of meetings) {
      let b = bodies.find((x) => x.slug === m.body_slug);
      if (!b) bodies.push((b = { name: m.body_name, slug: m.body_slug, meetings: [] }));
      b.meetings.push({ id: m.id, dateText: formatDate(m.meeting_date), status: m.status, minutesPublished: m.minutes_published_at !== null });
    }
    return reply.render('public/views/index.njk', { title: 'Published agendas and minutes', bodies });
  });

  app.get('/public/meetings/:id', { config: { permission: 'public:read' } }, async (request, reply) => {
    const raw = (request.params as { id: string }).id;
    const id = /^\d{1,9}$/.test(raw) ? Number(raw) : null;
    const meeting = id === null ? undefined : await q.publishedMeeting(db, id);
    if (!meeting) return reply.notFound();
    const [items, withheld] = await Promise.all([q.publicAgenda(db, meeting.id), q.withheldCount(db, meeting.id)]);
    const papers = await q.papersOf(db, items.map((i) => i.id));
    let minutes = null;
    if (meeting.minutes_published_at) {
      const row = await findMeetingForMinutes(db, meeting.id);
      if (row) minutes = await presentMinutes(db, row, { mayReadConfidential: false, includeMattersArising: false, includeActions: false });
    }
    return reply.render('public/views/meeting.njk', {
      title: `${meeting.body_name}, ${formatDate(meeting.meeting_date)}`,
      meeting: { ...meeting, dateText: formatDate(meeting.meeting_date), timeText: formatTime(meeting.start_time) },
      items: items.map((i) => ({
        ...i,
        number: i.parent_position !== null ? `${i.parent_position}.${i.position}` : String(i.position),
        papers: papers.filter((p) => p.agenda_item_id === i.id).map((p) => ({ ...p, sizeText: sizeText(p.size_bytes) })),
      })),
      withheld,
      minutes,
      breadcrumbs: [{ text: 'Published agendas and minutes', href: '/public' }],
    });
  });
}
