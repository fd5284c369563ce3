/**
 * Keyboard support of the shell (docs/adr/082-keyboard-and-accessibility.md):
 * - focusMain(): after a navigation and from the skip link, the focus goes to the page's main
 *   heading (or the main area), not to <body>;
 * - roving(container): a list of groups (each a [role=toolbar], e.g. a post's action row) that is
 *   ONE Tab stop: Left/Right/Home/End move within a group, Up/Down (and PageUp/PageDown) to the
 *   same place in the previous/next group; the last item used keeps the Tab stop;
 * - openOnEnter(grid): Enter on a row of a vaadin-grid opens it as a click would;
 * - "?" outside text fields asks the shell to open the keyboard-shortcuts dialog.
 */

type KeyboardApi = {
  focusMain: (force?: boolean) => void;
  roving: (container: HTMLElement) => void;
  openOnEnter: (grid: HTMLElement) => void;
  shortcutsHelp: (layout: HTMLElement & { $server?: { showShortcuts: () => void } }) => void;
};

const ITEMS = 'button:not([disabled]), a[href]';

function mainArea(): HTMLElement | null {
  return document.querySelector<HTMLElement>('vaadin-app-layout > :not([slot])')
    ?? document.querySelector<HTMLElement>('main, [role=main]');
}

function isEditing(t: EventTarget | undefined): boolean {
  const el = t as HTMLElement | undefined;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

/** The deepest focused element (through shadow roots). */
function activeDeep(): Element | null {
  let a: Element | null = document.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

function focusMain(force = false, attempt = 0) {
  // after the view is rendered
  requestAnimationFrame(() => setTimeout(() => {
    const main = mainArea();
    if (!main) return;
    const active = document.activeElement;
    // someone already put the focus into the page (an editor, a dialog): leave it there
    if (!force && active && active !== document.body && main.contains(active)) return;
    if (!force && document.querySelector('vaadin-dialog-overlay[opened], vaadin-confirm-dialog-overlay[opened]')) return;
    const heading = main.querySelector<HTMLElement>('h1, h2');
    // a view that draws its heading a moment later: look again for up to a second
    if (!heading && attempt < 10) {
      setTimeout(() => focusMain(force, attempt + 1), 100);
      return;
    }
    const target = heading ?? main;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.classList.add('tcw-focus-target');
    target.focus({ preventScroll: !force });
  }));
}

function roving(container: HTMLElement) {
  if ((container as any).__tcwRoving) return;
  (container as any).__tcwRoving = true;
  const groups = () => [...container.querySelectorAll<HTMLElement>('[role=toolbar]')];
  const items = (g: Element) => [...g.querySelectorAll<HTMLElement>(ITEMS)];
  let current: HTMLElement | null = null;

  const setStop = (el: HTMLElement | null) => {
    for (const g of groups()) for (const i of items(g)) i.tabIndex = i === el ? 0 : -1;
    current = el;
  };
  const normalize = () => {
    if (current && container.contains(current) && !current.hasAttribute('disabled')) {
      setStop(current);
      return;
    }
    const first = groups().map(items).find((l) => l.length > 0)?.[0] ?? null;
    setStop(first);
  };
  let scheduled = false;
  new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => { scheduled = false; normalize(); });
  }).observe(container, { childList: true, subtree: true });
  normalize();

  container.addEventListener('focusin', (e) => {
    const t = e.target as HTMLElement;
    if (t.matches(ITEMS) && t.closest('[role=toolbar]') && container.contains(t)) setStop(t);
  });
  container.addEventListener('keydown', (e: KeyboardEvent) => {
    const t = e.target as HTMLElement;
    const group = t.closest('[role=toolbar]');
    if (!group || !container.contains(group) || !t.matches(ITEMS) || e.altKey || e.ctrlKey || e.metaKey) return;
    const list = items(group);
    const at = list.indexOf(t);
    let next: HTMLElement | undefined;
    if (e.key === 'ArrowRight') next = list[(at + 1) % list.length];
    else if (e.key === 'ArrowLeft') next = list[(at - 1 + list.length) % list.length];
    else if (e.key === 'Home') next = list[0];
    else if (e.key === 'End') next = list[list.length - 1];
    else if (['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp'].includes(e.key)) {
      const all = groups().filter((g) => items(g).length > 0);
      const gi = all.indexOf(group as HTMLElement);
      const target = all[gi + (e.key === 'ArrowDown' || e.key === 'PageDown' ? 1 : -1)];
      if (target) {
        const ti = items(target);
        next = ti[Math.min(at, ti.length - 1)];
      } else {
        e.preventDefault();
        return;
      }
    } else if (e.key === 'Escape' && t.closest('[data-picker]')) {
      // a reaction picker: Escape closes it (the server removes it) and goes back to its opener
      t.closest('[data-picker]')!.dispatchEvent(new CustomEvent('tcw-close-picker'));
      return;
    } else return;
    if (next) {
      e.preventDefault();
      setStop(next);
      next.focus();
      next.scrollIntoView({ block: 'nearest' });
    }
  });
}

function openOnEnter(grid: HTMLElement) {
  if ((grid as any).__tcwEnter) return;
  (grid as any).__tcwEnter = true;
  grid.addEventListener('keydown', (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.altKey || e.metaKey || e.shiftKey) return;
    if (isEditing(e.composedPath()[0])) return;
    const focused = grid.shadowRoot?.activeElement as (HTMLElement & { _content?: HTMLElement }) | null;
    if (!focused) return;
    const cell = focused.tagName === 'TR' ? (focused.querySelector('td') as typeof focused | null) : focused;
    // body rows only: Enter on a header cell keeps sorting
    if (!cell || cell.tagName !== 'TD' || !(cell.parentElement?.parentElement?.id === 'items')) return;
    const content = cell._content ?? cell.querySelector('slot')?.assignedElements()[0] as HTMLElement | undefined;
    if (!content) return;
    e.preventDefault();
    e.stopPropagation();
    content.click();
  }, true);
}

function shortcutsHelp(layout: HTMLElement & { $server?: { showShortcuts: () => void } }) {
  const w = window as any;
  w.__tcwShortcutsLayout = layout;
  if (w.__tcwShortcutsKey) return;
  w.__tcwShortcutsKey = true;
  document.addEventListener('keydown', (e) => {
    if (e.key !== '?' || e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.composedPath()[0];
    if (isEditing(t) || isEditing(activeDeep() ?? undefined)) return;
    if (document.querySelector('vaadin-dialog-overlay[opened]')) return;
    e.preventDefault();
    w.__tcwShortcutsLayout?.$server?.showShortcuts();
  });
}

const api: KeyboardApi = { focusMain, roving, openOnEnter, shortcutsHelp };
(window as any).tcwKeyboard = api;
export default api;
