/*
 * FullCalendar 7 and its premium resource timeline (`fullcalendar-scheduler`, AGPLv3 like
 * Lakou). The scheduler's views are built on the vanilla `fullcalendar` package (Preact), not on
 * `@fullcalendar/react`, so this component mounts the vanilla calendar and keeps its options in
 * step with React's props. FullCalendar 7 injects no <style>: its CSS ships as files, imported
 * here so Vite bundles them into this lazy route's stylesheet (the CSP allows 'self' styles).
 */
import 'fullcalendar/skeleton.css';
import 'fullcalendar/themes/classic/theme.css';
import 'fullcalendar/themes/classic/palette.css';
import { Calendar, type CalendarOptions } from 'fullcalendar';
import dayGridPlugin from 'fullcalendar/daygrid';
import interactionPlugin from 'fullcalendar/interaction';
import listPlugin from 'fullcalendar/list';
import enGbLocale from 'fullcalendar/locales/en-gb';
import frLocale from 'fullcalendar/locales/fr';
import classicTheme from 'fullcalendar/themes/classic';
import resourceTimelinePlugin from 'fullcalendar-scheduler/resource-timeline';
import { useEffect, useRef } from 'react';
import type { AgendaEvent, AgendaView } from '../../lib/agenda.ts';

/** Lakou is AGPL-3.0-or-later, front end and back end: the key FullCalendar names for that. */
const LICENSE_KEY = 'AGPL-My-Frontend-And-Backend-Are-Open-Source';

export interface CalendarChange {
  id: string;
  resourceId: string;
  start: Date;
  end: Date;
  /** Puts the event back where it was (the move was refused). */
  revert: () => void;
}

export interface AgendaCalendarProps {
  timeZone: string;
  language: 'fr' | 'en';
  resources: Array<{ id: string; title: string }>;
  events: AgendaEvent[];
  canWrite: boolean;
  initialView: AgendaView;
  /** The centre's calendar day to open on (YYYY-MM-DD); today when absent. */
  initialDate?: string | undefined;
  viewLabels: Record<AgendaView, string>;
  resourcesLabel: string;
  slotMinTime: string;
  slotMaxTime: string;
  onRangeChange: (from: Date, to: Date) => void;
  onSelect: (selection: { resourceId: string | undefined; start: Date; end: Date }) => void;
  onEventChange: (change: CalendarChange) => void;
  onEventClick: (id: string) => void;
}

export function AgendaCalendar(props: AgendaCalendarProps) {
  const element = useRef<HTMLDivElement>(null);
  const calendar = useRef<Calendar | null>(null);
  // Callbacks read the latest props without rebuilding the calendar.
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    if (!element.current) return;
    const options: CalendarOptions = {
      plugins: [classicTheme, interactionPlugin, dayGridPlugin, listPlugin, resourceTimelinePlugin],
      schedulerLicenseKey: LICENSE_KEY,
      // Both sources exist from the start, so later `setOption` calls only replace their data.
      resources: props.resources,
      events: props.events,
      selectable: props.canWrite,
      editable: props.canWrite,
      initialView: props.initialView,
      ...(props.initialDate ? { initialDate: props.initialDate } : {}),
      timeZone: props.timeZone,
      locale: props.language === 'fr' ? frLocale : enGbLocale,
      headerToolbar: {
        start: 'prev,next today',
        center: 'title',
        end: 'resourceTimelineDay,resourceTimelineWeek,dayGridMonth,listWeek',
      },
      height: 'auto',
      nowIndicator: true,
      slotDuration: '00:30:00',
      snapDuration: '00:15:00',
      slotMinTime: props.slotMinTime,
      slotMaxTime: props.slotMaxTime,
      selectMirror: true,
      eventResourceEditable: false,
      resourceOrder: 'title',
      datesSet: (info) => latest.current.onRangeChange(info.start, info.end),
      select: (info) => {
        latest.current.onSelect({
          resourceId: info.resource?.id,
          start: info.start,
          end: info.end,
        });
      },
      eventClick: (info) => {
        info.jsEvent?.preventDefault();
        latest.current.onEventClick(info.event.id);
      },
      eventDrop: (info) => emitChange(info.event, info.revert),
      eventResize: (info) => emitChange(info.event, info.revert),
    };
    const instance = new Calendar(element.current, options);
    calendar.current = instance;
    instance.render();
    return () => {
      instance.destroy();
      calendar.current = null;
    };

    function emitChange(
      event: {
        id: string;
        start: Date | null;
        end: Date | null;
        getResources: () => { id: string }[];
      },
      revert: () => void,
    ) {
      if (!event.start || !event.end) {
        revert();
        return;
      }
      latest.current.onEventChange({
        id: event.id,
        resourceId: event.getResources()[0]?.id ?? '',
        start: event.start,
        end: event.end,
        revert,
      });
    }
  }, []);

  const {
    timeZone,
    language,
    resources,
    events,
    canWrite,
    viewLabels,
    resourcesLabel,
    slotMinTime,
    slotMaxTime,
  } = props;
  useEffect(() => {
    const instance = calendar.current;
    if (!instance) return;
    instance.batchRendering(() => {
      instance.setOption('timeZone', timeZone);
      instance.setOption('locale', language === 'fr' ? frLocale : enGbLocale);
      instance.setOption('resources', resources);
      instance.setOption('events', events);
      instance.setOption('selectable', canWrite);
      instance.setOption('editable', canWrite);
      instance.setOption('slotMinTime', slotMinTime);
      instance.setOption('slotMaxTime', slotMaxTime);
      instance.setOption('buttons', {
        resourceTimelineDay: { text: viewLabels.resourceTimelineDay },
        resourceTimelineWeek: { text: viewLabels.resourceTimelineWeek },
        dayGridMonth: { text: viewLabels.dayGridMonth },
        listWeek: { text: viewLabels.listWeek },
      });
      instance.setOption('resourceColumnHeaderContent', resourcesLabel);
    });
  }, [
    timeZone,
    language,
    resources,
    events,
    canWrite,
    viewLabels,
    resourcesLabel,
    slotMinTime,
    slotMaxTime,
  ]);

  return <div ref={element} className="hub-agenda__calendar" />;
}
