/*
 * What Vaadin loads for <tcw-version-diff> with the document page: only this. The comparison's own
 * code (tcw-version-diff.ts: TipTap and Yjs) is imported when a comparison is shown
 * (VersionDiff.java calls window.tcwLoadVersionDiff), so that the document page's route chunk,
 * which Vaadin loads and evaluates before it applies the page's first response, does not carry it
 * (docs/adr/028, second amendment). The element is defined when that code has loaded; the
 * properties Vaadin set before are taken over by the element (see its constructor).
 */
declare global {
  interface Window {
    tcwLoadVersionDiff?: () => Promise<unknown>;
  }
}

let loading: Promise<unknown> | null = null;

window.tcwLoadVersionDiff = () => {
  loading ??= import('./tcw-version-diff').catch((e) => {
    loading = null; // a failed fetch is tried again by the next comparison
    throw e;
  });
  return loading;
};

export {};
