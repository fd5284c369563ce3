/**
 * Time in the editor (tcw-editor.ts): the clock of its measurements, waiting, the per-keystroke
 * timeline's switch and records (ADR 114), and waiting for a painted frame.
 */

export const now = () => performance.timeOrigin + performance.now();
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/**
 * The per-keystroke timeline (ADR 114) is recorded only while `window.tcwTimeline` is true (a
 * benchmark sets it); otherwise each stage costs this one property read.
 */
export const timelineOn = () => (window as unknown as { tcwTimeline?: boolean }).tcwTimeline === true;
/** An update this editor sent: first keydown, first Yjs update, push sent, acknowledged (wall-clock ms). */
export type SentStages = { seq: number; keydown: number; update: number; send: number; ack: number };
/** An update of another editor: received, applied to the Yjs document (and TipTap), painted. */
export type ReceivedStages = { seq: number; receive: number; applied: number; painted: number };

/**
 * Resolves after the next frame was painted (the callback after an animation frame runs once the
 * frame is on screen), or after a second in a tab in the background, which paints no frame.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const go = () => {
      if (!done) {
        done = true;
        resolve();
      }
    };
    requestAnimationFrame(() => setTimeout(go, 0));
    setTimeout(go, 1000);
  });
}
