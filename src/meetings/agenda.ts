/**
 * The agenda as a reader sees it: items numbered "1.", sub-items "5.1", with papers and tags, and the
 * Schedule 12A rule applied once, here: a confidential item (or a sub-item of one) shows its title,
 * summary, presenter and papers only to those canSeeConfidential allows; others see "Confidential item".
 */
import { formatBytes } from './papers.js';
import { canSeeConfidential } from './policy.js';
import * as q from './queries.js';
import type { AgendaItemKind } from './schema.js';

type Db = q.Db;

export const KIND_LABELS: Record<AgendaItemKind, string> = {
  apologies: 'Apologies',
  declarations: 'Declarations of interest',
  minutes: 'Minutes of the last meeting',
  'matters-arising': 'Matters arising',
  report: 'Report',
  presentation: 'Presentation',
  spotlight: 'Spotlight',
  performance: 'Performance',
  'any-other-business': 'Any other business',
};

/** Local Government Act 1972, Schedule 12A, Part 1: descriptions of exempt information. */
export const EXEMPTION_PARAGRAPHS: Record<number, string> = {
  1: 'Information relating to any individual',
  2: 'Information which is likely to reveal the identity of an individual',
  3: 'Information relating to the financial or business affairs of any particular person (including the authority holding that information)',
  4: 'Information relating to consultations or negotiations in connection with any labour relations matter',
  5: 'Information in respect of which a claim to legal professional privilege could be maintained in legal proceedings',
  6: 'Information which reveals that the authority proposes to give a notice imposing requirements on a person, or to make an order or direction',
  7: 'Information relating to any action taken or to be taken in connection with the prevention, investigation or prosecution of crime',
};

export interface AgendaPaper {
  id: number;
  title: string;
  filename: string;
  contentType: string;
  sizeText: string;
  sha256: string;
}

export interface AgendaTag {
  kind: 'priority' | 'principle';
  id: number;
  name: string;
}

export interface AgendaItemView {
  id: number;
  parentId: number | null;
  position: number;
  /** "5" or "5.1" */
  number: string;
  kind: AgendaItemKind;
  kindLabel: string;
  /** "Confidential item" when hidden. */
  title: string;
  presenter: string;
  summary: string;
  /** The item (or its parent item) is confidential. */
  confidential: boolean;
  /** Confidential and this viewer may not see it: title, summary, presenter, papers and minutes withheld. */
  hidden: boolean;
  exemptionParagraph: number | null;
  exemptionReason: string;
  /** "Confidential: not for publication (Schedule 12A, paragraph 1)" for those allowed to see it. */
  confidentialNotice: string | null;
  /** Minutes text of the item ('' when hidden). */
  minutes: string;
  version: number;
  papers: AgendaPaper[];
  tags: AgendaTag[];
  children: AgendaItemView[];
  /** First or last among its siblings (for "move up" and "move down"). */
  first: boolean;
  last: boolean;
}

export type Viewer = { id: string; role: string } | null;

/** The numbered item tree of a meeting as `viewer` may see it (null: the public). */
export async function agendaTree(db: Db, meetingId: number, viewer: Viewer): Promise<AgendaItemView[]> {
  const meeting = await q.findMeeting(db, meetingId);
  if (!meeting) return [];
  const allowed = await canSeeConfidential(db, viewer, meeting.body_id);
  const rows = await q.itemsOfMeeting(db, meetingId);
  const ids = rows.map((r) => r.id);
  const [papers, tags] = await Promise.all([q.papersOfItems(db, ids), q.tagsOf(db, 'agenda_item', ids)]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const views = new Map<number, AgendaItemView>();
  const top: AgendaItemView[] = [];
  for (const r of rows) {
    const parent = r.parent_id !== null ? byId.get(r.parent_id) : undefined;
    const confidential = r.confidential || (parent?.confidential ?? false);
    const hidden = confidential && !allowed;
    const paragraph = r.confidential ? r.exemption_paragraph : (parent?.exemption_paragraph ?? null);
    const view: AgendaItemView = {
      id: r.id,
      parentId: r.parent_id,
      position: r.position,
      number: parent ? `${parent.position}.${r.position}` : String(r.position),
      kind: r.kind,
      kindLabel: KIND_LABELS[r.kind],
      title: hidden ? 'Confidential item' : r.title,
      presenter: hidden ? '' : r.presenter,
      summary: hidden ? '' : r.summary,
      confidential,
      hidden,
      exemptionParagraph: paragraph,
      exemptionReason: hidden ? '' : r.confidential ? r.exemption_reason : (parent?.exemption_reason ?? ''),
      confidentialNotice: confidential && !hidden ? `Confidential: not for publication (Schedule 12A, paragraph ${paragraph})` : null,
      minutes: hidden ? '' : r.minutes,
      version: r.version,
      papers: hidden
        ? []
        : papers
            .filter((p) => p.agenda_item_id === r.id)
            .map((p) => ({ id: p.id, title: p.title, filename: p.filename, contentType: p.content_type, sizeText: formatBytes(p.size_bytes), sha256: p.sha256 })),
      tags: hidden
        ? []
        : tags
            .filter((t) => t.entity_id === String(r.id))
            .flatMap((t): AgendaTag[] =>
              t.priority_id !== null ? [{ kind: 'priority', id: t.priority_id, name: t.priority_name ?? '' }] : t.principle_id !== null ? [{ kind: 'principle', id: t.principle_id, name: t.principle_name ?? '' }] : [],
            ),
      children: [],
      first: false,
      last: false,
    };
    views.set(r.id, view);
    if (r.parent_id === null) top.push(view);
    else views.get(r.parent_id)?.children.push(view);
  }
  const order = (list: AgendaItemView[]) => {
    list.sort((a, b) => a.position - b.position);
    list.forEach((v, i) => {
      v.first = i === 0;
      v.last = i === list.length - 1;
    });
  };
  order(top);
  for (const v of top) order(v.children);
  return top;
}

/** The tree as one list in agenda order (items then their sub-items). */
export function flatten(tree: AgendaItemView[]): AgendaItemView[] {
  return tree.flatMap((i) => [i, ...i.children]);
}
