import type { Event } from '@lakou/domain/events';
import type { Centre } from '@lakou/domain/network';
import { Badge } from '@lakou/ui/badge';
import { Button } from '@lakou/ui/button';
import { Pagination } from '@lakou/ui/data-table';
import { TextField } from '@lakou/ui/form-field';
import { EmptyState, ErrorState, LoadingState } from '@lakou/ui/states';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Temporal } from 'temporal-polyfill';
import {
  eventKeys,
  eventQuery,
  eventsQuery,
  fieldProblems,
  type RegistrationReceipt,
  register,
} from '../../api/events.ts';
import { useLocale } from '../../i18n/index.ts';
import {
  agendaFeedUrls,
  availabilityOf,
  cancelPath,
  formatHours,
  groupByDay,
  periodBounds,
  placesLeft,
  todayIn,
  wholeNumberOrNull,
} from '../../lib/events.ts';
import { formatDate } from '../../lib/format.ts';
import { CustomFieldsSection } from '../custom-fields/CustomFieldsSection.tsx';
import { useCustomFieldsForm } from '../custom-fields/useCustomFields.ts';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { usePaginationLabels } from '../usePaginationLabels.ts';
import '../../styles/events.css';

const PAGE_SIZE = 30;

/**
 * A centre's public agenda, for anyone, no account: the upcoming public events by day in the
 * centre's zone, places left, a registration form, and the iCalendar feed.
 */
export function PublicAgendaPage({
  centre,
  highlighted,
  page,
  onPageChange,
}: {
  centre: Centre;
  highlighted: string | undefined;
  page: number;
  onPageChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const paginationLabels = usePaginationLabels();
  useDocumentTitle(t('publicAgenda.title', { centre: centre.name }));
  const today = todayIn(centre.timeZone);
  const { from } = periodBounds('all', today, centre.timeZone);
  const events = useQuery(
    eventsQuery({
      centreId: centre.id,
      public: true,
      status: 'scheduled',
      from,
      page,
      pageSize: PAGE_SIZE,
    }),
  );
  const feed = agendaFeedUrls(window.location.origin, centre.id);
  // The event a feed link names may sit beyond this page: fetch it on its own then.
  const listed = events.data?.items.some((e) => e.id === highlighted) ?? true;
  const linked = useQuery({
    ...eventQuery(highlighted ?? ''),
    enabled: highlighted !== undefined && !listed,
    retry: false,
  });
  const featured =
    linked.data && linked.data.centreId === centre.id && linked.data.public && !listed
      ? linked.data
      : null;

  return (
    <div className="hub-page hub-public">
      <header className="hub-page__header">
        <h1 className="hub-page__title">{t('publicAgenda.title', { centre: centre.name })}</h1>
        <p className="hub-page__lead">
          {t('publicAgenda.lead', { address: `${centre.address.street}, ${centre.address.city}` })}
        </p>
        <p className="hub-note">{t('publicAgenda.timeZoneNote', { zone: centre.timeZone })}</p>
        <div className="hub-events__actions">
          <a className="lk-button" data-variant="secondary" data-size="medium" href={feed.webcal}>
            {t('publicAgenda.subscribe')}
          </a>
          <a className="lk-link" href={feed.https}>
            {t('publicAgenda.feedLink')}
          </a>
        </div>
        <p className="hub-note">{t('publicAgenda.subscribeHelp')}</p>
      </header>

      {featured ? (
        <section className="hub-public__day" aria-labelledby="featured-event">
          <h2 id="featured-event" className="hub-section-title">
            {formatDate(todayIn(centre.timeZone, Temporal.Instant.from(featured.start)), locale)}
          </h2>
          <ul className="hub-events">
            <PublicEvent event={featured} isHighlighted />
          </ul>
        </section>
      ) : null}

      {events.isPending ? (
        <LoadingState label={t('publicAgenda.loading')} />
      ) : events.isError ? (
        <ErrorState
          title={t('publicAgenda.loadFailed')}
          detail={fieldProblems(events.error).detail}
          retryLabel={t('errors.retry')}
          onRetry={() => void events.refetch()}
        />
      ) : events.data.items.length === 0 ? (
        <EmptyState title={t('publicAgenda.empty')} description={t('publicAgenda.emptyHelp')} />
      ) : (
        <>
          {groupByDay(events.data.items, centre.timeZone).map((day) => (
            <section key={day.date} className="hub-public__day" aria-labelledby={`day-${day.date}`}>
              <h2 id={`day-${day.date}`} className="hub-section-title">
                {formatDate(day.date, locale)}
              </h2>
              <ul className="hub-events">
                {day.events.map((event) => (
                  <PublicEvent
                    key={event.id}
                    event={event}
                    isHighlighted={event.id === highlighted}
                  />
                ))}
              </ul>
            </section>
          ))}
          {events.data.total > PAGE_SIZE ? (
            <Pagination
              page={page}
              pageCount={Math.ceil(events.data.total / PAGE_SIZE)}
              onPageChange={onPageChange}
              labels={paginationLabels}
            />
          ) : null}
        </>
      )}
    </div>
  );
}

function PublicEvent({ event, isHighlighted }: { event: Event; isHighlighted: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [open, setOpen] = useState(isHighlighted);
  const [receipt, setReceipt] = useState<RegistrationReceipt | null>(null);
  const ref = useRef<HTMLLIElement>(null);
  const titleId = useId();
  const availability = availabilityOf(event);

  useEffect(() => {
    if (isHighlighted) ref.current?.scrollIntoView({ block: 'start' });
  }, [isHighlighted]);

  return (
    <li
      ref={ref}
      className="hub-event hub-public__event"
      data-highlighted={isHighlighted || undefined}
      aria-labelledby={titleId}
    >
      <h3 id={titleId} className="hub-event__title">
        {event.title}
      </h3>
      <p className="hub-event__when">
        {formatHours(event.start, event.end, event.timeZone, locale)}
      </p>
      <p className="hub-event__facts">
        <span>{event.kind.label}</span>
        {availability === 'open' ? (
          <Badge tone="success">{t('publicAgenda.placesLeft', { count: placesLeft(event) })}</Badge>
        ) : availability === 'full' ? (
          <Badge tone="warning">{t('publicAgenda.full')}</Badge>
        ) : (
          <Badge tone="neutral">{t('publicAgenda.closed')}</Badge>
        )}
      </p>
      {event.description ? <p className="hub-event__description">{event.description}</p> : null}
      {receipt ? (
        <Receipt receipt={receipt} />
      ) : availability === 'open' || availability === 'full' ? (
        open ? (
          <RegistrationForm
            event={event}
            isFull={availability === 'full'}
            onRegistered={setReceipt}
            onCancel={() => setOpen(false)}
          />
        ) : (
          <div>
            <Button onPress={() => setOpen(true)}>
              {availability === 'full'
                ? t('publicAgenda.joinWaitingList')
                : t('publicAgenda.register')}
              <span className="lk-visually-hidden"> — {event.title}</span>
            </Button>
          </div>
        )
      ) : null}
    </li>
  );
}

type Errors = Partial<Record<'name' | 'email' | 'phone' | 'seats', string>>;

function RegistrationForm({
  event,
  isFull,
  onRegistered,
  onCancel,
}: {
  event: Event;
  isFull: boolean;
  onRegistered: (receipt: RegistrationReceipt) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [seats, setSeats] = useState('1');
  const [errors, setErrors] = useState<Errors>({});
  const [detail, setDetail] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);
  // The centre's registration fields: the API asks the same ones.
  const custom = useCustomFieldsForm({
    entity: 'registration',
    centreId: event.centreId,
    mode: 'create',
  });

  const submit = async () => {
    const found: Errors = {};
    if (name.trim().length < 2) found.name = t('publicAgenda.validation.name');
    if (email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      found.email = t('publicAgenda.validation.email');
    }
    if (phone.trim() && !/^[+0-9 ().-]{6,25}$/.test(phone.trim())) {
      found.phone = t('publicAgenda.validation.phone');
    }
    const n = wholeNumberOrNull(seats);
    if (n === null || n < 1 || n > 10) found.seats = t('publicAgenda.validation.seats');
    setErrors(found);
    setDetail(null);
    const checked = custom.check();
    if (Object.keys(found).length > 0 || !checked.ok) return;
    setPending(true);
    try {
      const input = {
        name: name.trim(),
        email: email.trim() || null,
        phone: phone.trim() || null,
        seats: n ?? 1,
        custom: checked.values,
      };
      const receipt = await register(event.id, input);
      onRegistered(receipt);
      void queryClient.invalidateQueries({ queryKey: eventKeys.all });
    } catch (failure) {
      const problems = fieldProblems(failure);
      custom.showProblems(failure);
      setErrors(problems.fields as Errors);
      setDetail(problems.detail);
    } finally {
      setPending(false);
    }
  };

  return (
    <form
      className="hub-form hub-public__form"
      noValidate
      aria-label={t('publicAgenda.formLabel', { title: event.title })}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {isFull ? <p className="hub-warning">{t('publicAgenda.fullHelp')}</p> : null}
      <TextField
        label={t('publicAgenda.name')}
        description={t('publicAgenda.nameHelp')}
        value={name}
        onChange={setName}
        isRequired
        maxLength={120}
        autoComplete="name"
        isInvalid={Boolean(errors.name)}
        errorMessage={errors.name}
      />
      <TextField
        label={t('publicAgenda.email')}
        description={t('publicAgenda.emailHelp')}
        type="email"
        value={email}
        onChange={setEmail}
        maxLength={254}
        autoComplete="email"
        isInvalid={Boolean(errors.email)}
        errorMessage={errors.email}
      />
      <TextField
        label={t('publicAgenda.phone')}
        type="tel"
        value={phone}
        onChange={setPhone}
        maxLength={25}
        autoComplete="tel"
        isInvalid={Boolean(errors.phone)}
        errorMessage={errors.phone}
      />
      <TextField
        label={t('publicAgenda.seats')}
        description={t('publicAgenda.seatsHelp')}
        inputMode="numeric"
        value={seats}
        onChange={setSeats}
        isRequired
        maxLength={2}
        isInvalid={Boolean(errors.seats)}
        errorMessage={errors.seats}
      />
      <CustomFieldsSection {...custom.sectionProps} isDisabled={isPending} />
      {detail ? (
        <p className="hub-error-text" role="alert">
          {detail}
        </p>
      ) : null}
      <div className="hub-form__actions">
        <Button type="submit" isPending={isPending} pendingLabel={t('publicAgenda.sending')}>
          {t('publicAgenda.submit')}
        </Button>
        <Button variant="secondary" onPress={onCancel} isDisabled={isPending}>
          {t('app.cancel')}
        </Button>
      </div>
    </form>
  );
}

function Receipt({ receipt }: { receipt: RegistrationReceipt }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const link = cancelPath(receipt.cancelUrl);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="status"
      className={receipt.status === 'registered' ? 'hub-notice' : 'hub-notice hub-notice--waiting'}
    >
      <p className="hub-notice__title">
        {receipt.status === 'registered'
          ? t('publicAgenda.registered', { count: receipt.seats })
          : t('publicAgenda.waitlisted', { position: receipt.position ?? '?' })}
      </p>
      <p>
        {receipt.email
          ? t('publicAgenda.emailSent', { email: receipt.email })
          : t('publicAgenda.keepLink')}
      </p>
      <p>
        <a className="lk-link" href={link}>
          {t('publicAgenda.cancelLink')}
        </a>
      </p>
      <p className="hub-public__secret">
        <span>{t('publicAgenda.cancelLinkText')}</span> <code>{receipt.cancelUrl}</code>
      </p>
    </div>
  );
}
