import circularEn from './circular.en.json';
import dashboardsEn from './dashboards.en.json';
import donationsEn from './donations.en.json';
import enBase from './en.json';
import fundEn from './fund.en.json';
import gardensEn from './gardens.en.json';
import listsEn from './lists.en.json';
import reportsEn from './reports.en.json';
import settingsEn from './settings.en.json';

/** The English catalog, a chunk of its own: `index.ts` loads it when English is chosen. */
export const en = {
  ...enBase,
  fund: fundEn,
  donations: donationsEn,
  circular: circularEn,
  gardens: gardensEn,
  dashboards: dashboardsEn,
  reports: reportsEn,
  settings: settingsEn,
  lists: listsEn,
};
