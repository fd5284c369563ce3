/**
 * The editor toolbar's buttons, icons and keyboard behaviour (docs/adr/082-keyboard-and-accessibility.md).
 *
 * - Icons: drawn here as inline SVG (24×24, the text colour), hidden from assistive technology;
 *   the button's name is its translated label, which is also the tooltip.
 * - One Tab stop (WAI-ARIA toolbar pattern): a roving tabindex; Left/Right move to the previous/next
 *   enabled button (wrapping), Home/End to the first/last; the button last used keeps the stop.
 */
import { html, svg, type TemplateResult } from 'lit';
import type { Editor as EditorType } from '@tiptap/core';

const icon = (body: TemplateResult) => html`<svg class="tcw-tb-icon" viewBox="0 0 24 24" width="18" height="18"
  aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"
  stroke-linejoin="round">${body}</svg>`;

/** Icons by toolbar button id. */
export const TOOLBAR_ICONS: Record<string, TemplateResult> = {
  bullet: icon(svg`<circle cx="5" cy="6" r="1.3" fill="currentColor"/><circle cx="5" cy="12" r="1.3" fill="currentColor"/>
    <circle cx="5" cy="18" r="1.3" fill="currentColor"/><path d="M10 6h11M10 12h11M10 18h11"/>`),
  ordered: icon(svg`<path d="M10 6h11M10 12h11M10 18h11"/><path stroke-width="1.6" d="M4 4.5l1.5-1v5"/>
    <path stroke-width="1.6" d="M3.5 11a1.4 1.4 0 0 1 2.8 0c0 1.2-2.8 2.2-2.8 3.5h2.8"/>
    <path stroke-width="1.6" d="M3.5 17h2.6l-1.4 1.6a1.4 1.4 0 1 1-1.2 2"/>`),
  quote: icon(svg`<path d="M4 18c3-1 5-3.5 5-7V6H4v5h5"/><path d="M14 18c3-1 5-3.5 5-7V6h-5v5h5"/>`),
  link: icon(svg`<path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7"/>
    <path d="M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7"/>`),
  table: icon(svg`<rect x="3" y="4" width="18" height="16" rx="1.5"/><path d="M3 10h18M3 15h18M9 10v10M15 10v10"/>`),
  'row-add': icon(svg`<rect x="3" y="3" width="18" height="11" rx="1.5"/><path d="M3 8.5h18M9 3v11M15 3v11"/>
    <path d="M12 16.5v6M9 19.5h6"/>`),
  'row-delete': icon(svg`<rect x="3" y="3" width="18" height="11" rx="1.5"/><path d="M3 8.5h18M9 3v11M15 3v11"/>
    <path d="M9 19.5h6"/>`),
  'col-add': icon(svg`<rect x="3" y="3" width="11" height="18" rx="1.5"/><path d="M8.5 3v18M3 9h11M3 15h11"/>
    <path d="M19.5 9v6M16.5 12h6"/>`),
  'col-delete': icon(svg`<rect x="3" y="3" width="11" height="18" rx="1.5"/><path d="M8.5 3v18M3 9h11M3 15h11"/>
    <path d="M16.5 12h6"/>`),
  'table-delete': icon(svg`<rect x="3" y="4" width="18" height="16" rx="1.5"/><path d="M3 10h18M9 4v6M15 4v6"/>
    <path d="M9 13l6 5M15 13l-6 5"/>`),
  undo: icon(svg`<path d="M9 14L4 9l5-5"/><path d="M4 9h10a6 6 0 0 1 0 12h-3"/>`),
  redo: icon(svg`<path d="M15 14l5-5-5-5"/><path d="M20 9H10a6 6 0 0 0 0 12h3"/>`),
  comment: icon(svg`<path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/><path d="M8 8h8M8 12h5"/>`),
};

/**
 * The accessible name of a button: its label, preceded by the visible text when the label does not
 * already contain it (a button showing "H1" is "H1: Heading 1 (Ctrl+Alt+1)", WCAG 2.5.3 Label in Name).
 */
export function toolbarName(visible: string | undefined, label: string): string {
  if (!visible || visible.length < 2 || label.toLowerCase().includes(visible.toLowerCase())) return label;
  return `${visible}: ${label}`;
}

/** The roving tabindex of the toolbar. */
export class ToolbarRoving {
  /** The id (without "tb-") of the button that holds the Tab stop. */
  current = 'bold';
  private enabled = new Map<string, boolean>();
  private previous = new Map<string, boolean>();

  /** Call before rendering the buttons. */
  begin() {
    this.previous = this.enabled;
    this.enabled = new Map();
  }

  /** The tabindex of a button being rendered. */
  tabindex(id: string, enabled: boolean): number {
    this.enabled.set(id, enabled);
    const stop = this.previous.get(this.current) === false ? 'bold' : this.current;
    return id === stop ? 0 : -1;
  }

  /** Call after rendering: when the stop's button just became disabled, render once more. */
  end(host: { requestUpdate(): void }) {
    if (this.enabled.get(this.current) === false && this.previous.get(this.current) !== false) {
      queueMicrotask(() => host.requestUpdate());
    }
  }

  focusin(e: FocusEvent, host: { requestUpdate(): void }) {
    const t = e.target as HTMLElement;
    if (t.tagName === 'BUTTON' && t.id.startsWith('tb-') && this.current !== t.id.slice(3)) {
      this.current = t.id.slice(3);
      host.requestUpdate();
    }
  }

  keydown(e: KeyboardEvent, host: { requestUpdate(): void }) {
    const toolbar = e.currentTarget as HTMLElement;
    const t = e.target as HTMLElement;
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const items = [...toolbar.querySelectorAll<HTMLButtonElement>('button:not([disabled])')];
    const at = items.indexOf(t as HTMLButtonElement);
    if (at < 0) return;
    let next: HTMLButtonElement | undefined;
    if (e.key === 'ArrowRight') next = items[(at + 1) % items.length];
    else if (e.key === 'ArrowLeft') next = items[(at - 1 + items.length) % items.length];
    else if (e.key === 'Home') next = items[0];
    else if (e.key === 'End') next = items[items.length - 1];
    if (!next) return;
    e.preventDefault();
    for (const b of items) b.tabIndex = b === next ? 0 : -1;
    this.current = next.id.slice(3);
    next.focus();
    host.requestUpdate();
  }
}

/** The editing area's accessible name (it is a role="textbox"). */
export function nameTextbox(dom: HTMLElement, label: string) {
  dom.setAttribute('aria-label', label);
  dom.setAttribute('aria-multiline', 'true');
}

/** What the toolbar's buttons act on and tell: the editor, its texts, its mode, its host element. */
export type ToolbarOptions = {
  /** The element the toolbar is in (it renders again when the Tab stop moves). */
  host: { requestUpdate(): void };
  editor: EditorType | undefined;
  roving: ToolbarRoving;
  t: (key: string, fallback: string) => string;
  /** The person may only suggest: no Editing / Suggesting switch. */
  suggestOnly: boolean;
  suggesting: () => boolean;
  setSuggesting: (on: boolean) => void;
  editLink: () => void;
  /** Asks for a comment on the selected text. */
  comment: () => void;
};

/**
 * The formatting toolbar of an editable editor: marks, headings, lists, link, table commands (each
 * enabled only where it applies), Editing / Suggesting, undo / redo, comment. The host calls
 * {@link ToolbarRoving#begin} before and {@link ToolbarRoving#end} after rendering it.
 */
export function editorToolbar(o: ToolbarOptions): TemplateResult {
  const { roving, editor: ed } = o;
  // an icon when there is one (TOOLBAR_ICONS), else the text; the name contains the visible text
  const b = (id: string, label: string, key: string, run: () => void, active = false, enabled = true) => {
    const on = !!ed && enabled;
    const tip = o.t(key, label);
    const glyph = TOOLBAR_ICONS[id];
    return html`
    <button type="button" id="tb-${id}" class="tcw-tb ${active ? 'on' : ''}" title=${tip}
      aria-label=${toolbarName(glyph ? undefined : label, tip)} aria-pressed=${active ? 'true' : 'false'}
      tabindex=${roving.tabindex(id, on)}
      ?disabled=${!on} @mousedown=${(e: Event) => e.preventDefault()} @click=${run}>${glyph ?? label}</button>`;
  };
  const chain = () => ed!.chain().focus();
  // Table commands are enabled only where they apply (ProseMirror's can() dry run).
  const can = () => ed!.can().chain().focus();
  const inTable = !!ed && ed.isActive('table');
  return html`<div class="tcw-toolbar" role="toolbar" id="toolbar" aria-label=${o.t('toolbar', 'Formatting')}
        aria-controls="mount" @keydown=${(e: KeyboardEvent) => roving.keydown(e, o.host)} @focusin=${(e: FocusEvent) => roving.focusin(e, o.host)}>
        ${b('bold', 'B', 'bold', () => chain().toggleBold().run(), ed?.isActive('bold'))}
        ${b('italic', 'I', 'italic', () => chain().toggleItalic().run(), ed?.isActive('italic'))}
        ${b('underline', 'U', 'underline', () => chain().toggleUnderline().run(), ed?.isActive('underline'))}
        ${b('strike', 'S', 'strike', () => chain().toggleStrike().run(), ed?.isActive('strike'))}
        <span class="tcw-sep"></span>
        ${b('h1', 'H1', 'heading1', () => chain().toggleHeading({ level: 1 }).run(), ed?.isActive('heading', { level: 1 }))}
        ${b('h2', 'H2', 'heading2', () => chain().toggleHeading({ level: 2 }).run(), ed?.isActive('heading', { level: 2 }))}
        ${b('h3', 'H3', 'heading3', () => chain().toggleHeading({ level: 3 }).run(), ed?.isActive('heading', { level: 3 }))}
        <span class="tcw-sep"></span>
        ${b('bullet', '•', 'bulletList', () => chain().toggleBulletList().run(), ed?.isActive('bulletList'))}
        ${b('ordered', '1.', 'orderedList', () => chain().toggleOrderedList().run(), ed?.isActive('orderedList'))}
        ${b('quote', '❝', 'blockquote', () => chain().toggleBlockquote().run(), ed?.isActive('blockquote'))}
        ${b('link', '🔗', 'link', () => o.editLink(), ed?.isActive('link'))}
        <span class="tcw-sep"></span>
        ${b('table', '▦', 'insertTable', () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
          inTable, !!ed && !inTable && can().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run())}
        ${b('row-add', '+≡', 'addRow', () => chain().addRowAfter().run(), false, inTable && can().addRowAfter().run())}
        ${b('row-delete', '−≡', 'deleteRow', () => chain().deleteRow().run(), false, inTable && can().deleteRow().run())}
        ${b('col-add', '+⦀', 'addColumn', () => chain().addColumnAfter().run(), false, inTable && can().addColumnAfter().run())}
        ${b('col-delete', '−⦀', 'deleteColumn', () => chain().deleteColumn().run(), false, inTable && can().deleteColumn().run())}
        ${b('table-delete', '✕▦', 'deleteTable', () => chain().deleteTable().run(), false, inTable && can().deleteTable().run())}
        <span class="tcw-sep"></span>
        ${o.suggestOnly ? html`<span class="tcw-suggest-only" id="suggest-only">${o.t('suggestOnly', 'You can suggest changes')}</span>`
          : html`<span class="tcw-mode" role="group" aria-label=${o.t('mode', 'Editing or suggesting')}>
            ${b('mode-editing', o.t('editing', 'Editing'), 'editing', () => o.setSuggesting(false), !o.suggesting())}
            ${b('mode-suggesting', o.t('suggesting', 'Suggesting'), 'suggesting', () => o.setSuggesting(true), o.suggesting())}
          </span>`}
        <span class="tcw-sep"></span>
        ${b('undo', '↶', 'undo', () => chain().undo().run())}
        ${b('redo', '↷', 'redo', () => chain().redo().run())}
        <span class="tcw-sep"></span>
        ${b('comment', '💬', 'comment', () => o.comment())}
      </div>`;
}
