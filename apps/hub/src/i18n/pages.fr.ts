import circularFr from './circular.fr.json';
import dashboardsFr from './dashboards.fr.json';
import donationsFr from './donations.fr.json';
import frPages from './fr.json';
import fundFr from './fund.fr.json';
import gardensFr from './gardens.fr.json';
import listsFr from './lists.fr.json';
import reportsFr from './reports.fr.json';
import settingsFr from './settings.fr.json';

/**
 * The French texts of the signed-in hub's pages, a chunk of its own: the root route loads it
 * before any of those pages renders (`loadCatalogsFor` in `index.ts`). The texts the entry
 * carries (the banner, the navigation, errors, sign-in) are in `shell.fr.json`.
 */
export const pagesFr = {
  ...frPages,
  settings: settingsFr,
  lists: listsFr,
  fund: fundFr,
  donations: donationsFr,
  circular: circularFr,
  gardens: gardensFr,
  dashboards: dashboardsFr,
  reports: reportsFr,
};
