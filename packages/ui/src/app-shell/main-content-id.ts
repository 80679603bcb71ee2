/** The id of the shell's `<main>`: the skip link's target. */
export const MAIN_CONTENT_ID = 'main-content';
