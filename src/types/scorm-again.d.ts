// scorm-again 3.4's ESM build exports `Scorm12API` by name, but its type file declares only a
// default export (which the ESM build does not have). This tells TypeScript what the build has.
import type Scorm12APIDefault from 'scorm-again/dist/types/Scorm12API';

declare module 'scorm-again/scorm12' {
  export const Scorm12API: typeof Scorm12APIDefault;
}

// The same for the cross-frame bridge the package player hosts (named export in the ESM build).
declare module 'scorm-again/cross-frame-lms' {
  import type CrossFrameLMSDefault from 'scorm-again/dist/types/CrossFrameLMS';
  export const CrossFrameLMS: typeof CrossFrameLMSDefault;
}
