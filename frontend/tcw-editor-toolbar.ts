/**
 * The editor toolbar's icons and keyboard behaviour (docs/adr/082-keyboard-and-accessibility.md).
 *
 * - Icons: drawn here as inline SVG (24×24, the text colour), hidden from assistive technology;
 *   the button's name is its translated label, which is also the tooltip.
 * - One Tab stop (WAI-ARIA toolbar pattern): a roving tabindex; Left/Right move to the previous/next
 *   enabled button (wrapping), Home/End to the first/last; the button last used keeps the stop.
 */
import { html, svg, type TemplateResult } from 'lit';

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
