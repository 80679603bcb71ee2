/** The FullCalendar chunk; the agenda route's loader calls this early so it downloads in parallel. */
export const loadAgendaCalendar = () => import('./AgendaCalendar.tsx');
