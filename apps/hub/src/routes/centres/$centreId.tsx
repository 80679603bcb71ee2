import { type Centre, openingStatusAt } from '@lakou/domain/network';
import { Badge } from '@lakou/ui/badge';
import { Card } from '@lakou/ui/card';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, notFound } from '@tanstack/react-router';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Temporal } from 'temporal-polyfill';
import { ApiError } from '../../api/api-error.ts';
import { centreQuery } from '../../api/queries.ts';
import { useCan } from '../../auth/session.ts';
import { NotFound } from '../../components/NotFound.tsx';
import { isPartnerKind } from '../../components/partnerKind.ts';
import { RouterLink } from '../../components/RouterLink.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useNow } from '../../components/useNow.ts';
import { useLocale } from '../../i18n/index.ts';
import {
  formatClockTime,
  formatDate,
  relativeDay,
  timeZoneLabel,
  weekdayName,
  weeklySchedule,
} from '../../lib/format.ts';

export const Route = createFileRoute('/centres/$centreId')({
  loader: async ({ context: { queryClient }, params }) => {
    try {
      await queryClient.ensureQueryData(centreQuery(params.centreId));
    } catch (error) {
      // An unknown id and a malformed one are the same thing to a visitor: no such centre.
      if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
        throw notFound();
      }
      throw error;
    }
  },
  component: CentrePage,
  notFoundComponent: CentreNotFound,
});

function CentreNotFound() {
  const { t } = useTranslation();
  return <NotFound title={t('centre.notFoundTitle')} body={t('centre.notFoundBody')} />;
}

function CentrePage() {
  const { centreId } = Route.useParams();
  const { t } = useTranslation();
  const centre = useSuspenseQuery(centreQuery(centreId)).data;
  const now = useNow();
  const can = useCan();
  useDocumentTitle(centre.name);

  return (
    <div className="hub-page">
      <p className="hub-back">
        <RouterLink to="/">
          <span aria-hidden="true">← </span>
          {t('centre.back')}
        </RouterLink>
      </p>
      <header className="hub-page__header">
        <h1 className="hub-page__title">{centre.name}</h1>
        <p className="hub-centre__meta">
          <span>{centre.commune}</span>
          {centre.qpv ? <Badge tone="info">{t('centre.qpv', { name: centre.qpv })}</Badge> : null}
          <OpeningStatusBadge centre={centre} now={now} />
        </p>
        {can('booking.read', { centreId: centre.id }) ? (
          <p>
            <RouterLink to="/centres/$centreId/agenda" params={{ centreId: centre.id }}>
              {t('centre.agendaLink')}
            </RouterLink>
          </p>
        ) : null}
        {can('booking.read', { centreId: centre.id }) ? (
          <p>
            <RouterLink to="/centres/$centreId/events" params={{ centreId: centre.id }}>
              {t('events.link')}
            </RouterLink>
          </p>
        ) : null}
        {can('booking.read', { centreId: centre.id }) ? (
          <p>
            <RouterLink to="/centres/$centreId/coworking" params={{ centreId: centre.id }}>
              {t('coworking.link')}
            </RouterLink>
          </p>
        ) : null}
        <p>
          <RouterLink to="/public/$centreId" params={{ centreId: centre.id }}>
            {t('publicAgenda.link')}
          </RouterLink>
        </p>
        {can('booking.approve', { centreId: centre.id }) ? (
          <p>
            <RouterLink to="/centres/$centreId/approvals" params={{ centreId: centre.id }}>
              {t('approvals.link')}
            </RouterLink>
          </p>
        ) : null}
      </header>

      <div className="hub-centre__grid">
        <OpeningHours centre={centre} now={now} />
        <div className="hub-stack">
          <Card title={t('centre.address')}>
            <address className="hub-address">
              {centre.address.street}
              <br />
              {centre.address.postalCode} {centre.address.city}
            </address>
          </Card>
          <Card title={t('centre.contact')}>
            {centre.phone || centre.email ? (
              <dl className="hub-details">
                {centre.phone ? (
                  <div>
                    <dt>{t('centre.phone')}</dt>
                    <dd>
                      <a className="lk-link" href={`tel:${centre.phone.replace(/\s+/g, '')}`}>
                        {centre.phone}
                      </a>
                    </dd>
                  </div>
                ) : null}
                {centre.email ? (
                  <div>
                    <dt>{t('centre.email')}</dt>
                    <dd>
                      <a className="lk-link" href={`mailto:${centre.email}`}>
                        {centre.email}
                      </a>
                    </dd>
                  </div>
                ) : null}
              </dl>
            ) : (
              <p>{t('centre.noContact')}</p>
            )}
          </Card>
          <Closures centre={centre} />
          <Partners centre={centre} />
        </div>
      </div>
    </div>
  );
}

function OpeningStatusBadge({ centre, now }: { centre: Centre; now: Temporal.Instant }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const status = openingStatusAt(centre.openingHours, centre.closures, now, centre.timeZone);
  if (status.state === 'open') {
    return (
      <Badge tone="success">
        {t('centre.status.open', { time: formatClockTime(status.closesAt, locale) })}
      </Badge>
    );
  }
  const today = now.toZonedDateTimeISO(centre.timeZone).toPlainDate().toString();
  const next = status.nextOpening;
  let text = t('centre.status.closed');
  if (next) {
    const time = formatClockTime(next.opens, locale);
    const when = relativeDay(next.date, today);
    text =
      when === 'today'
        ? t('centre.status.opensToday', { time })
        : when === 'tomorrow'
          ? t('centre.status.opensTomorrow', { time })
          : when === 'thisWeek'
            ? t('centre.status.opensWeekday', { weekday: weekdayName(next.weekday, locale), time })
            : t('centre.status.opensDate', {
                date: formatDate(next.date, locale, { withWeekday: true }),
                time,
              });
  }
  return (
    <>
      <Badge tone="neutral">{text}</Badge>
      {status.closureReason ? (
        <Badge tone="warning">{t('centre.status.closure', { reason: status.closureReason })}</Badge>
      ) : null}
    </>
  );
}

function OpeningHours({ centre, now }: { centre: Centre; now: Temporal.Instant }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const todayWeekday = now.toZonedDateTimeISO(centre.timeZone).dayOfWeek;
  const week = weeklySchedule(centre.openingHours, locale);
  return (
    <Card title={t('centre.openingHours')}>
      <table className="hub-hours">
        <thead className="lk-visually-hidden">
          <tr>
            <th scope="col">{t('centre.weekday')}</th>
            <th scope="col">{t('centre.hours')}</th>
          </tr>
        </thead>
        <tbody>
          {week.map((day) => {
            const isToday = day.weekday === todayWeekday;
            return (
              <tr
                key={day.weekday}
                className={isToday ? 'hub-hours__today' : undefined}
                aria-current={isToday ? 'date' : undefined}
              >
                <th scope="row">
                  {day.dayName}
                  {isToday ? (
                    <span className="hub-hours__today-label">{t('centre.today')}</span>
                  ) : null}
                </th>
                <td>
                  {day.windows.length === 0 ? (
                    <span className="hub-hours__closed">{t('centre.closed')}</span>
                  ) : (
                    day.windows.map((window, index) => (
                      // The separator sits outside the unbreakable window so lines break there.
                      <Fragment key={window}>
                        {index > 0 ? ', ' : null}
                        <span className="hub-hours__window">{window}</span>
                      </Fragment>
                    ))
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="hub-note">
        {t('centre.timeZoneNote', { zone: timeZoneLabel(centre.timeZone, now, locale) })}
      </p>
    </Card>
  );
}

function Closures({ centre }: { centre: Centre }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <Card title={t('centre.closures')}>
      {centre.closures.length === 0 ? (
        <p>{t('centre.noClosures')}</p>
      ) : (
        <ul className="hub-list">
          {centre.closures.map((closure) => (
            <li key={closure.id}>
              <strong>
                {closure.startsOn === closure.endsOn
                  ? t('centre.closureDay', { date: formatDate(closure.startsOn, locale) })
                  : t('centre.closureRange', {
                      start: formatDate(closure.startsOn, locale),
                      end: formatDate(closure.endsOn, locale),
                    })}
              </strong>
              {' — '}
              {closure.reason}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function Partners({ centre }: { centre: Centre }) {
  const { t } = useTranslation();
  return (
    <Card title={t('centre.partners')}>
      {centre.partners.length === 0 ? (
        <p>{t('centre.noPartners')}</p>
      ) : (
        <ul className="hub-list">
          {centre.partners.map((partner) => (
            <li key={partner.id}>
              {partner.name}{' '}
              <span className="hub-muted">
                ({isPartnerKind(partner.kind) ? t(`partners.kinds.${partner.kind}`) : partner.kind})
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <RouterLink to="/partners" search={{ centreId: centre.id }}>
          {t('centre.partnersLink')}
        </RouterLink>
      </p>
    </Card>
  );
}
