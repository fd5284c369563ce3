/**
 * Where the comments' relative positions are in the editor's text, many at a time (tcw-comments.ts
 * resolves every comment's range after each change).
 */
import * as Y from 'yjs';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type YType = Y.AbstractType<any>;
type PMSized = { nodeSize: number };

/**
 * Resolves many relative positions against one state of the binding: the same result as
 * y-tiptap's relativePositionToAbsolutePosition, which walks, for every position, all the siblings
 * before each of its ancestors (with 500 comments on 500 paragraphs: 1,000 walks over the top-level
 * blocks after every change). Here the offset each ancestor level adds is computed once per parent,
 * for all its children in one pass, and kept for the other positions of the same build.
 */
export class PositionResolver {
  /** Per type: what its ancestors add to a position inside it (NaN: a sibling's size is unknown). */
  private above = new Map<YType, number>();

  constructor(private readonly doc: Y.Doc, private readonly root: Y.XmlFragment, private readonly mapping: Map<unknown, unknown>) {}

  private size(t: YType | undefined): number {
    if (t instanceof Y.XmlText) return t._length;
    const mapped = this.mapping.get(t) as PMSized | undefined;
    return mapped == null ? NaN : mapped.nodeSize;
  }

  private offset(type: YType): number {
    if ((type as unknown) === this.root || type._item === null) return 0;
    const known = this.above.get(type);
    if (known !== undefined) return known;
    const parent = type._item.parent as YType;
    const base = this.offset(parent);
    const parentGone = parent._item !== null && parent._item.deleted;
    let pos = base + 1;
    for (let n = parent._start; n !== null; n = n.right) {
      const t = (n.content as { type?: YType }).type;
      if (t) this.above.set(t, parentGone ? base : pos);
      if (!n.deleted && !parentGone) pos += this.size(t);
    }
    return this.above.get(type) ?? NaN;
  }

  /** The ProseMirror position of a relative position, or null. */
  resolve(rel: Y.RelativePosition): number | null {
    const d = Y.createAbsolutePositionFromRelativePosition(rel, this.doc);
    if (d === null || (d.type !== this.root && !Y.isParentOf(this.root, d.type._item))) return null;
    const type = d.type as YType;
    let pos = 0;
    if (type instanceof Y.XmlText) {
      pos = d.index;
    } else if (type._item === null || !type._item.deleted) {
      let n = type._start;
      let i = 0;
      while (i < type._length && i < d.index && n !== null) {
        if (!n.deleted) {
          i++;
          pos += this.size((n.content as { type?: YType }).type);
        }
        n = n.right;
      }
      pos += 1;
    }
    const abs = pos + this.offset(type) - 1;
    if (Number.isNaN(abs)) return null;
    // y-tiptap's isMisresolvedTextPosition
    if (type instanceof Y.XmlText && rel.item !== null && abs <= 1) return null;
    return abs;
  }
}
