// Where the site build puts the courses' SCORM packages, relative to the site root (dist/).
export const SCORM_PACKAGES_PATH = 'scorm-pakker';
